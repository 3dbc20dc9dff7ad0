// Block-level patterns for page furniture. Each rule looks at one block (a paragraph or
// line) on its own; cleanArticle adds the rules that need the whole page (headline zone,
// trailing zones, repeats). Patterns are phrased for scraped news pages in general, never
// for one publisher.
import { AD_BREAK, AD_LABEL, AD_SPONSOR } from './adLines';
import { CORRECTION_NOTE } from './isPublisherNote';
import { LIST_MARKER } from './splitBlocks';
import type { FurnitureReason } from './types';

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

export function wordCount(block: string): number {
  return block.match(WORDS)?.length ?? 0;
}

// A footnote reference may follow the final stop: "…a year earlier.¹", "…bonuses.1" (a page's
// <sup>1</sup> as copied), "…earlier.[1]", "…said.[^2]", "…Office.*"; without it, such a
// paragraph read as a heading.
const FOOTNOTE_AFTER = String.raw`(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^?[^\]\s]{1,10}\]|[*†‡]{1,3}|(?<=\p{L}[.!?]["”’)]?)\d{1,3})?$`;
/** How a sentence ends: a stop, closing marks, perhaps a footnote reference. */
export const ENDS_LIKE_SENTENCE = new RegExp(`[.!?]["”’)\\]]*${FOOTNOTE_AFTER}`, 'u');
const ENDS_LIKE_CLAUSE = new RegExp(`[.!?,;]["”’)\\]]*${FOOTNOTE_AFTER}`, 'u');

/** A paragraph of running text: long enough and ending like a sentence, not like a teaser. */
export function isProse(block: string): boolean {
  return wordCount(block) >= 8 && ENDS_LIKE_SENTENCE.test(block) && !/(…|\.\.\.)$/.test(block);
}

/** Short and without final punctuation: a heading, kicker or button label. */
export function isHeadingLike(block: string): boolean {
  const words = wordCount(block);
  return words > 0 && words <= 14 && !ENDS_LIKE_CLAUSE.test(block);
}

// Leading breadcrumbs glued to the headline by scraping ("HomeNewsFired El Salvador…"):
// section names that navigation menus use, each capitalised and run together.
const CRUMB_WORDS = new Set(
  (
    'Home News World Politics Business Economy Opinion Analysis Investigations Investigation ' +
    'Features Feature Sports Sport Culture Tech Technology Science Health Latest Local ' +
    'National International Region Regions Americas Europe Asia Africa Elections Briefs ' +
    'Reports Stories Articles Blog Blogs Topics Section Sections Magazine Environment Crime ' +
    'Security Justice Lifestyle Entertainment Video Videos Media Money Markets Finance Front ' +
    'Page Top Main Index Category Categories Archive Archives Us Global Nation Metro State'
  ).split(' '),
);

/** Strips a glued or separated breadcrumb trail from the start of a headline line. */
export function stripBreadcrumb(line: string): string {
  const parts = line.split(/\s*[>»›|]\s*|\s+\/\s+/).filter((p) => p.trim() !== '');
  if (parts.length >= 2 && parts.slice(0, -1).every((p) => wordCount(p) <= 3)) {
    return parts.at(-1)!.trim();
  }
  let rest = line;
  for (;;) {
    const m = /^(\p{Lu}\p{Ll}+)(?=\p{Lu})/u.exec(rest);
    if (!m || !CRUMB_WORDS.has(m[1]!)) break;
    rest = rest.slice(m[1]!.length);
  }
  return rest;
}

export function isBreadcrumbLine(line: string): boolean {
  const parts = line.split(/\s*[>»›|]\s*|\s+\/\s+/).filter((p) => p.trim() !== '');
  return parts.length >= 2 && parts.every((p) => wordCount(p) <= 4);
}

/** An English month, whole or cut short ("Sept.", "September"): a date's and a dateline's. */
export const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** The Spanish months, as "15 de marzo de 2024" names them. */
export const SPANISH_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;
const DATE_ONLY = new RegExp(
  `^((\\w+day,?\\s+)?(\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})(\\s*[,-–|]?\\s*\\d{1,2}:\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.)?.*)?)$`,
  'i',
);

// "15 de marzo de 2024", "martes, 12 de julio de 2022 - 10:45"
const SPANISH_DATE_ONLY = new RegExp(
  `^((lunes|martes|miércoles|jueves|viernes|sábado|domingo),?\\s+)?\\d{1,2}\\s+de\\s+(${SPANISH_MONTHS.join('|')}|setiembre)(\\s+de)?\\s+\\d{4}(\\s*[,-–|]?\\s*\\d{1,2}:\\d{2}.*)?$`,
  'iu',
);

const BYLINE_NAME =
  /^(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Pp]or)\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){1,3})(?=\s*(?:,|\||·|$))/u;

/** The author a byline names, "By Tom Reilly, Political Editor" → "Tom Reilly", else null. */
export function bylineAuthor(line: string): string | null {
  return BYLINE_NAME.exec(line.trim())?.[1] ?? null;
}

/**
 * The author's note below the article, "Tom Reilly is the Ledger's political editor.",
 * "Priya Natarajan writes about criminal justice …": a short paragraph that opens with the
 * byline's name. A reporter does not write of themselves in the third person in the story.
 */
export function isAuthorNote(block: string, authors: readonly string[]): boolean {
  return (
    wordCount(block) <= 60 &&
    authors.some(
      (a) =>
        block.startsWith(`${a} `) &&
        /^(is|was|writes|covers|reports|has)\b/.test(block.slice(a.length + 1)),
    )
  );
}

export function isBylineLike(line: string): boolean {
  return (
    DATE_ONLY.test(line) ||
    SPANISH_DATE_ONLY.test(line) ||
    /^(publicado|actualizado|última actualización)\b/iu.test(line) ||
    /^(by|written by|words by|reporting by|por)\s+\p{Lu}/iu.test(line) ||
    /^(published|updated|posted|last updated|first published)\b/i.test(line) ||
    /^\d+\s+min(ute)?s?\s+read$/i.test(line)
  );
}

// Headings after which the rest of a scraped page is not the article.
const TRAILING_ZONES: Array<[RegExp, FurnitureReason]> = [
  [
    /^(related( content| articles?| stories| coverage| news| posts| reading| topics)?|((explore|see|find|read) )?more (from|on|about|stories|news|like this|in)\b.*|read (more|next|also)|recommended( for you| stories| reading)?|you (may|might) also (like|be interested in)|most (read|popular|viewed|shared)|trending( now| stories)?|further reading|popular (stories|posts|articles)|latest (news|stories|articles)|(\d+\s+)?comments?|join the (conversation|discussion)|leave a (reply|comment))\s*:?$/i,
    'related',
  ],
  [
    /^about( us| the authors?| this (site|publication)| \p{Lu}[\p{L}\p{N}\s.&'’-]{0,50})\s*:?$/iu,
    'about',
  ],
  [/^(tags|topics|filed under|categories|keywords)\s*:?$/i, 'tags'],
  // A press release's notes for journalists: the paper's reference, who is available, the
  // institution's boilerplate.
  [/^(notes? (to|for) editors|editors['’]? notes?|editor['’]s notes?)\s*:?$/i, 'about'],
];

export function trailingZoneReason(block: string): FurnitureReason | null {
  if (!isHeadingLike(block)) return null;
  for (const [pattern, reason] of TRAILING_ZONES) if (pattern.test(block)) return reason;
  return null;
}

const SHARE_WORDS = new Set(
  (
    'share shares shared sharing icon icons facebook twitter x linkedin whatsapp telegram ' +
    'email e-mail mail print copy link url tweet pin pinterest reddit sms messenger this ' +
    'article story on via save bookmark comment comments'
  ).split(' '),
);

function isShareResidue(block: string): boolean {
  const words = block.toLowerCase().match(WORDS) ?? [];
  return words.length > 0 && words.length <= 12 && words.every((w) => SHARE_WORDS.has(w));
}

/**
 * A listicle's title, "5 things to know", "Top 10 charts of 2024", "The 3 biggest takeaways
 * from the debate": its number counts what the story holds, and states nothing.
 */
export const LISTICLE_TITLE =
  /^(the\s+)?(top\s+)?\d{1,3}\s+((key|big|biggest|best|worst|surprising|important|essential|quick|simple|easy|other|more|new)\s+)?(things|ways|reasons|takeaways|questions|facts|tips|lessons|charts|maps|graphics|photos|pictures|moments|signs|steps|myths|stories|books|films|movies|songs|places|tricks|secrets|mistakes|ideas|numbers|highlights|quotes)\b[^.!?]*$/i;
const LISTED_LISTICLE = new RegExp(LIST_MARKER.source + LISTICLE_TITLE.source.slice(1), 'i');

const FIRST_OR_SECOND_PERSON = /\b(we|our|us|you|your)\b/i;

// Each pattern is a phrase a publisher uses about itself; running text rarely does.
const PHRASES: Array<[RegExp, FurnitureReason, boolean]> = [
  // [pattern, reason, needs first/second person in the block]
  [
    /^(see also|read (more|also|next)|also read|related( content| articles?| stories| coverage)?|recommended|more|watch|listen|further reading)\s*[:：|–—]\s*\S/i,
    'teaser',
    false,
  ],
  [/^(tags|topics|filed under|categories|keywords)\s*[:：]/i, 'tags', false],
  // A listicle's title as a list item is a link to another story: "- 5 things to know",
  // "• Top 10 charts of 2024"; "- 12 schools closed in March" states a figure and stays.
  [LISTED_LISTICLE, 'teaser', false],
  [/^(photo|image|picture|video|graphic|illustration|foto)s?( credit)?\s*[:：]/i, 'caption', false],
  // A date stamp that opens with its label: "Published March 3, 2025 · Updated 6:45 p.m." is
  // long enough to read as the first paragraph of running text.
  [
    /^(published|updated|posted|last updated|first published|publicado|actualizado)\b[^.!?]{0,30}\d/i,
    'byline',
    false,
  ],
  // Footnotes open with their mark: "¹ Seasonally adjusted figures, …", "[^1]: …", "[1] …",
  // "† …".
  [/^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^[^\]\s]{1,10}\]:|\[\d{1,3}\](?=\s)|[†‡])\s*\S/u, 'footnote', false],
  // Ad copy on a line of its own (adLines).
  [AD_LABEL, 'advertisement', false],
  [AD_SPONSOR, 'advertisement', false],
  [AD_BREAK, 'advertisement', false],
  // A paywall's offer on a line of its own: "Subscribe now for $1", "Already a subscriber?
  // Log in". "Subscribers rose 12%" is no imperative.
  [
    /^(subscribe|suscr[íi]bete|suscr[íi]base)\b.{0,60}$|^already (a subscriber|have an account)\b.{0,30}$/iu,
    'appeal',
    false,
  ],
  // A social-media appeal: "Follow him on X @tomreilly.", "Follow us on Instagram".
  [/^follow (him|her|them|us|me) (on|at)\b.{0,60}$/i, 'appeal', false],
  [
    /^((additional )?reporting|writing|editing|edited|compiled) by\b|\bcontributed( reporting)? to this (report|story|article)\b/i,
    'byline',
    false,
  ],
  [
    /\b(donate|donation|donating|make a (contribution|gift)|become a (member|subscriber|supporter|patron)|support (our|independent|quality) (work|journalism|reporting|newsroom)|subscribe (now|today|to our)|sign up (for|to) (our|the) newsletter|we need (your )?(support|help|resources)|in order to do so, we need)\b/i,
    'appeal',
    true,
  ],
  [
    /\b(was this (content|article|story|page) (helpful|useful)|what are your thoughts|click here|send us your (comments|feedback|thoughts)|leave a comment|let us know what you think)\b/i,
    'feedback',
    false,
  ],
  [CORRECTION_NOTE, 'boilerplate', false],
  // Spanish teasers and agency notices: "Lea también: …", "© EFE 2024. Está expresamente
  // prohibida la redistribución …". "©" is not a word character, so it is matched on its own.
  [
    /^(lea|lee) (también|además|más)|^(te|le) puede interesar|^noticias relacionadas|^más información\s*[:：]/iu,
    'teaser',
    false,
  ],
  [
    /^©|(expresamente )?prohibida (la|su) (reproducción|redistribución)|todos los derechos reservados/iu,
    'boilerplate',
    false,
  ],
  [
    /\b(creative commons|all rights reserved|©|copyright \d{4}|distribute our work|republish(ing)? (this|our)|reproduction (of|in whole)|terms of (use|service))\b/i,
    'boilerplate',
    false,
  ],
];

const COOKIE_CONTEXT =
  /\b(we use|this (site|website)|accept|consent|preferences|browsing|privacy|settings)\b/i;

/** The furniture reason a block earns on its own, or null for body text and headings. */
export function blockFurnitureReason(block: string): FurnitureReason | null {
  if (isShareResidue(block)) return 'share';
  for (const [pattern, reason, personal] of PHRASES) {
    if (pattern.test(block) && (!personal || FIRST_OR_SECOND_PERSON.test(block))) return reason;
  }
  if (/\bcookies?\b/i.test(block) && COOKIE_CONTEXT.test(block) && wordCount(block) <= 80) {
    return 'cookie';
  }
  // Teasers are cut off mid-sentence with an ellipsis; a closing quote means quoted speech.
  if (/(…|\.\.\.)$/.test(block)) return 'teaser';
  if (DATE_ONLY.test(block)) return 'byline';
  return null;
}

/** "Crime, Gangs, El Salvador" below the body: short comma- or pipe-separated items. */
export function isTagList(block: string): boolean {
  const items = block.split(/\s*[,|•·;]\s*/).filter((s) => s !== '');
  return items.length >= 3 && items.every((s) => wordCount(s) <= 4) && !/[.!?]$/.test(block);
}
