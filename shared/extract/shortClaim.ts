// The short claim text of a card: the sentence without its reporting clause, so the card
// reads as the claim to check ("Some 500 … were dismissed …") while the speaker is shown
// beside it. When cutting would leave a dangling pronoun or fragment, the sentence is kept.
import type { AttributionFound } from './findAttribution';
import { withoutFootnoteMarkers } from './footnoteMarkers';
import { LIST_MARKER } from './splitBlocks';
import { WIRE_DATELINE } from './wireDateline';

const MIN_WORDS = 5;

/** A language's quotation marks, connectives and dangling openings. */
export interface ClaimRules {
  /** A claim that is one quotation, its words in group 1 (the closing mark may be cut off). */
  wholeQuotation: RegExp;
  /** Any quotation mark: a quotation inside the claim keeps its marks. */
  quotationMark: RegExp;
  leadingConnective: RegExp;
  /** A claim that opens like this has lost its antecedent in the cut. */
  danglingStart: RegExp;
}

// A bare pronoun left at the start has lost its antecedent ("they witnessed…"); "these
// meetings were…" keeps a noun and is fine.
const STARTS_WITH_PRONOUN =
  /^(he|she|they|it|his|her|their|its)\b|^(this|that|these|those)\s+(is|was|are|were|has|have|had|will|would|could|can|may|might)\b/i;

const ENGLISH_CLAIM_RULES: ClaimRules = {
  // The full stop may stand after the closing mark too: '"It is a retreat".'
  wholeQuotation: /^["“](.*?)[,.]?["”]?\.?$/s,
  quotationMark: /["“”]/,
  leadingConnective: /^(but|and|however|meanwhile|moreover|still|yet|so)\b,?\s+/i,
  danglingStart: STARTS_WITH_PRONOUN,
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Marks that are the page's, not the claim's: a footnote reference ("class[^1].", "earlier.¹",
// "bonuses.1" as copied from a page's <sup>1</sup>), an interview's "Q:"/"A:" label and a list
// item's bullet or number ("• Police: $1.1 billion, up 6%"). They
// stay in the sentence, which is the article's exact text (a footnote reference only before
// the sentence's stop, since the sentence ends at its stop); the claim is what a card, an
// export and a ClaimReview quote.
const INTERVIEW_LABEL = /^[QA]:\s+/;

// Quotation marks whose partner fell outside the claim: the quotation runs on into the next
// sentence ("“Our members have not had a raise in six years.") or its reporting clause was cut
// ("‘That money could have kept Route 9 running,’ said Hall."). A closing ’ counts only after
// punctuation, since after a letter it is an apostrophe ("the drivers’").
const QUOTATION_PAIRS: Array<[open: string, close: string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
];

function withoutStrayQuotationMarks(s: string): string {
  let out = s;
  for (const [open, close] of QUOTATION_PAIRS) {
    if (out.startsWith(open) && !out.includes(close)) out = out.slice(1);
    const after = close === '’' ? '(?<=[.!?,;:])' : '';
    if (!out.includes(open)) out = out.replace(new RegExp(`${after}${close}(?=[.!?]?$)`), '');
  }
  // A straight quotation mark opens and closes: an odd one at either end has lost its partner.
  if ((out.match(/"/g)?.length ?? 0) % 2 === 1) {
    out = out.startsWith('"') ? out.slice(1) : out.replace(/"(?=[.!?]?$)/, '');
  }
  return out;
}

/** Removes quotation marks around the whole claim and punctuation left by the cut. */
function tidy(s: string, rules: ClaimRules): string {
  let out = withoutFootnoteMarkers(s.trim())
    .trim()
    .replace(INTERVIEW_LABEL, '')
    .replace(LIST_MARKER, '')
    .replace(/[\s,;:–—-]+$/, '');
  const quoted = rules.wholeQuotation.exec(out);
  if (quoted && !rules.quotationMark.test(quoted[1]!)) out = quoted[1]!.replace(/[\s,;:]+$/, '');
  out = withoutStrayQuotationMarks(out).replace(/[\s,;:–—-]+$/, '');
  if (!/[.!?]["”’»)]*$/.test(out)) out += '.';
  return capitalise(out.replace(WIRE_DATELINE, '').replace(rules.leadingConnective, ''));
}

// "…, but that no one had been injured": a second "that" the cut verb governs, before what
// opens a clause (an article, a pronoun, "no", a number or a name). "and that trend will
// continue" points back and stays.
const SECOND_THAT =
  /\b(and|but|or) that (?=(?:the|a|an|no|its|his|her|their|it|he|she|they|we|there|this|these|those|some|all|most|many|none)\b|[\p{Lu}\d])/gu;

/** The statement after a head clause that ends in "that", without its coordinated "that"s. */
function withoutSecondThat(head: string, statement: string): string {
  return /\bthat\s*$/i.test(head) ? statement.replace(SECOND_THAT, '$1 ') : statement;
}

export function shortClaim(
  text: string,
  start: number,
  end: number,
  attribution: AttributionFound | null,
  rules: ClaimRules = ENGLISH_CLAIM_RULES,
): string {
  const sentence = text.slice(start, end).replace(/\s+/g, ' ');
  const clause = attribution?.clause;
  if (!clause) return tidy(sentence, rules);
  const rest =
    clause.at === 'tail'
      ? text.slice(start, clause.start) + text.slice(clause.end, end)
      : withoutSecondThat(text.slice(clause.start, clause.end), text.slice(clause.end, end));
  const candidate = tidy(rest.replace(/\s+/g, ' '), rules);
  const words = candidate.split(' ').length;
  if (words < MIN_WORDS || (clause.at === 'head' && rules.danglingStart.test(candidate))) {
    return tidy(sentence, rules);
  }
  return candidate;
}
