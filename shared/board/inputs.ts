/** Validation of command inputs: the same rules on the client, the server and in imports. */
import { z } from 'zod';
import { hasVisibleText } from '../visibleText';
import { isWellFormed } from '../wellFormed';
import { ID_PATTERN } from './newId';
import { isPublishedDate } from './publishedDate';
import { isRatingNumber, RATING_NUMBER_RULE } from './ratingScale';
import { COLUMNS, SPEAKER_TYPES } from './schema';

export const LIMITS = {
  title: 300,
  claim: 2_000,
  speaker: 300,
  rationale: 10_000,
  url: 2_048,
  quote: 10_000,
  note: 5_000,
  comment: 10_000,
  articleText: 1_000_000,
  name: 100,
} as const;

/**
 * Every text of a board is well-formed (shared/wellFormed): one holding a lone surrogate would
 * read differently on the board it is written into than on every client it reaches as UTF-8.
 * Typed text never holds one; a request that sends one ("\ud800" in its JSON) is refused.
 */
const WELL_FORMED = 'must not contain a lone UTF-16 surrogate (half of a pair, such as \\uD800)';
/** Text of at most `max` UTF-16 units, well-formed. */
export const plainText = (max: number) => z.string().max(max).refine(isWellFormed, WELL_FORMED);
/**
 * Text people read that must show something (a claim, a comment, a board's title, an invite's
 * name): trimmed, and refused with one message whether it is "" or only characters that show
 * nothing.
 */
export const visibleName = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(hasVisibleText, 'must not be empty')
    .refine(isWellFormed, WELL_FORMED);

/**
 * A person's display name (an invite's, a board's lead's): a visible name on one line. It is
 * printed inline beside other words everywhere (a card's "checking", a comment's author, the
 * people list, an export's cell or line), so a line break in it ("Rita\n# Reviewer") would
 * split that line, or leave each export to flatten it its own way; control characters (C0,
 * DEL, C1: tabs, escape sequences, NEL) and Unicode's line and paragraph separators are refused
 * with it. So are the text-direction embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): an unclosed right-to-left override in "Bo \u202Eretide" reverses the rest of
 * each line the name is printed in ("Bo degnahc …" for "changed …", times read backwards). No
 * name needs them: Arabic and Hebrew names show right to left by the letters' own direction.
 * Trimming comes first, so a line break around the name is dropped as spaces are.
 */
export const personName = visibleName(LIMITS.name).refine(
  (name) => !/[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u.test(name),
  'must not contain line breaks or other control characters (text-direction controls included)',
);

/** A host name's label as every URL parser reads it the same: letters, digits, inner hyphens. */
const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Whether a URL's host is one that browsers and Node agree on: a name of plain labels (an
 * international one arrives as punycode), or an IP address. Chromium takes hosts that Node
 * refuses ("exa mple.org", "exa%20mple.org", "xn--"); a link the browser's check passed and
 * the server's refused would be refused with the whole write, and the person's connection.
 */
function plainHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return /^\[[0-9a-f:.]+\]$/.test(hostname);
  return hostname.split('.').every((label, i, all) => {
    // A fully qualified name ends with an empty label after its last dot.
    if (label === '') return i === all.length - 1 && i > 0;
    return HOST_LABEL.test(label);
  });
}

/**
 * Links render as links only with these schemes (DESIGN §5), and are stored as written, so
 * nothing in them may read differently in the browser and on the server: no spaces or control
 * characters anywhere (a link is copied and published as it is), and a plain host.
 */
export const httpUrl = z
  .string()
  .max(LIMITS.url)
  .refine(isWellFormed, WELL_FORMED)
  .refine((value) => {
    // eslint-disable-next-line no-control-regex
    if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && plainHost(url.hostname);
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

export const columnSchema = z.enum(COLUMNS);
export const speakerTypeSchema = z.enum(SPEAKER_TYPES);
export const stanceSchema = z.enum(['supports', 'refutes', 'context']);

/** Lengths of a card's source span and extraction signals (the schemas below; readCard). */
export const SPAN_LIMITS = { articleId: 100, sentence: LIMITS.claim * 5 } as const;
export const CHIP_LIMITS = { chips: 100, text: 300, type: 40 } as const;

export const sourceSpanSchema = z
  .object({
    articleId: z.string().min(1).max(SPAN_LIMITS.articleId),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    sentence: plainText(SPAN_LIMITS.sentence),
  })
  .refine((s) => s.end >= s.start, 'end must not be before start');

export const extractionSchema = z.object({
  score: z.number(),
  rank: z.number().int().min(0),
  chips: z
    .array(z.object({ text: plainText(CHIP_LIMITS.text), type: plainText(CHIP_LIMITS.type) }))
    .max(CHIP_LIMITS.chips),
});

export const addClaimInput = z.object({
  claim: visibleName(LIMITS.claim),
  source: sourceSpanSchema.nullable().optional(),
  speaker: plainText(LIMITS.speaker).nullable().optional(),
  column: columnSchema.optional(),
  extraction: extractionSchema.nullable().optional(),
});
export type AddClaimInput = z.input<typeof addClaimInput>;

export const editCardInput = z
  .object({
    claim: visibleName(LIMITS.claim),
    speaker: plainText(LIMITS.speaker).nullable(),
    rationale: plainText(LIMITS.rationale),
    /** Null: not said, and the ClaimReview export guesses from the name. */
    speakerType: speakerTypeSchema.nullable(),
    /** Where the fact-check is published; null while it is not. */
    reviewUrl: httpUrl.nullable(),
  })
  .partial();
export type EditCardInput = z.input<typeof editCardInput>;

export const evidenceInput = z.object({
  url: httpUrl,
  quote: plainText(LIMITS.quote).default(''),
  stance: stanceSchema,
  note: plainText(LIMITS.note).default(''),
});
export type EvidenceInput = z.input<typeof evidenceInput>;
/**
 * Evidence a person added to a card that a colleague deleted before it reached them, added
 * again as the card is restored: under the id it had on their device, so that what told them
 * of it finds it on the board.
 */
export const readdedEvidenceInput = evidenceInput.extend({ id: z.string().regex(ID_PATTERN) });
export type ReaddedEvidenceInput = z.input<typeof readdedEvidenceInput>;
export const evidencePatch = z
  .object({
    url: httpUrl,
    quote: plainText(LIMITS.quote),
    stance: stanceSchema,
    note: plainText(LIMITS.note),
  })
  .partial();
export type EvidencePatch = z.input<typeof evidencePatch>;

export const commentInput = z.object({
  text: visibleName(LIMITS.comment),
  parentId: z.string().max(100).nullable().optional(),
});
export type CommentInput = z.input<typeof commentInput>;

/** An article's publication day (publishedDate.ts), checked against the clock as it is written. */
export const publishedDate = z
  .string()
  .refine(
    (day) => isPublishedDate(day),
    'must be a date as YYYY-MM-DD, from 1800 on and not after tomorrow',
  );

export const articleInput = z.object({
  id: z.string().min(1).max(100).optional(),
  title: plainText(LIMITS.title).default(''),
  url: httpUrl.nullable().optional(),
  text: plainText(LIMITS.articleText).min(1),
  published: publishedDate.nullable().optional(),
});
export type ArticleInput = z.input<typeof articleInput>;

/**
 * A rating scale of `value` numbers: best above worst, every label's value between them, each
 * label once.
 */
function scaleSchema(value: z.ZodNumber) {
  return z
    .object({
      best: value,
      worst: value,
      labels: z
        .array(z.object({ label: visibleName(60), column: columnSchema, value }))
        .min(1)
        .max(50),
    })
    .refine((s) => s.best > s.worst, 'best must be above worst')
    .refine(
      (s) => s.labels.every((l) => l.value >= s.worst && l.value <= s.best),
      'every label value must lie between worst and best',
    )
    .refine(
      (s) => new Set(s.labels.map((l) => l.label)).size === s.labels.length,
      'labels must be unique',
    );
}

const ratingNumber = z
  .number()
  .refine(isRatingNumber, `must be ${RATING_NUMBER_RULE} (a ClaimReview rating)`);

/**
 * A scale a lead sets (the rating-scale dialog, an import): its numbers are ClaimReview ratings
 * (isRatingNumber), so no decimal, zero or negative value.
 */
export const ratingScaleSchema = scaleSchema(ratingNumber);

/**
 * A scale as a board may have stored it: set before ratingScaleSchema held its numbers to
 * whole ones of 1 or more, or written raw. Read and migrated as it is, never replaced by the
 * default: its labels are what the board's verdicts say (the ClaimReview export gives them
 * without numbers, toClaimReview).
 */
export const storedRatingScaleSchema = scaleSchema(z.number());

export const organisationSchema = z.object({ name: visibleName(LIMITS.title), url: httpUrl });

/** The longest id a person may carry (an invite's id, SYSTEM_ACTOR's). */
export const ACTOR_ID_MAX = 100;

/** A person: fieldRules checks the same by hand on every write that names one. */
export const actorSchema = z.object({
  id: z.string().min(1).max(ACTOR_ID_MAX),
  name: plainText(LIMITS.name),
});
