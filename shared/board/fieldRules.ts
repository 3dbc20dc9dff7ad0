/**
 * What each field of the board layout (schema.ts) may hold, for values that arrive in raw Yjs
 * updates rather than through the commands: the sync server refuses an update that writes a
 * field outside its rule (server/sync/writePolicy). The commands validate their inputs with
 * the same limits (inputs.ts), so an honest client never meets these rules; a hostile or
 * broken one cannot store a claim that is a number, a 2 MB rationale, a column that does not
 * exist or a javascript: link, which would also leave the board's JSON export impossible to
 * import again.
 *
 * A JSON value (a source, a place, extraction signals, a person, the organisation) holds its
 * schema's keys and no others, at every level: zod reads an object by dropping the keys it does
 * not name, so a source carrying 900 KB under a key of its own passed as a source, was stored
 * and sent to everyone, and no reader or export ever showed it (QA21 F1).
 *
 * Fields are found by root, depth and key (analyzeUpdate's Where): a card's fields sit at
 * depth 1 of `cards`, an evidence item's at depth 3, a comment's and an article's at depth 1
 * of their roots, the board's at depth 0 of `meta`; cards, comments, articles and evidence
 * items themselves are maps. A key the layout does not name is refused wherever it would land
 * (namedByLayout): readers ignore it, so whatever it held (900 KB under a card's `hidden`) was
 * stored and sent to everyone, and no history event, reader or export ever showed it.
 *
 * The rating scale's numbers are ClaimReview ratings, as ratingScaleSchema has them (whole, 1
 * or more): a lead's raw client could store 2.5 or 0, which the dialog and the commands refuse,
 * and every ClaimReview of the board then went out without its numbers (toClaimReview). Only
 * each value is judged, not the scale whole (best above worst, labels within range, unique):
 * two leads' honest edits of different labels may cross into such a scale, and the reader
 * (readMeta) already settles that the same way on every replica.
 */
import {
  ACTOR_ID_MAX,
  columnSchema,
  extractionSchema,
  httpUrl,
  LIMITS,
  organisationSchema,
  ratingScaleSchema,
  storedRatingScaleSchema,
  sourceSpanSchema,
  speakerTypeSchema,
  stanceSchema,
} from './inputs';
import {
  ARTICLE_KEYS,
  CARD_KEYS,
  COMMENT_KEYS,
  COMMENT_REDACTED_KEY,
  EVIDENCE_KEYS,
  isPos,
  LABEL_KEYS,
  META_KEYS,
  ROOT,
  SCALE_KEYS,
} from './schema';
import { ID_PATTERN } from './newId';
import { hasVisibleText } from '../visibleText';
import { isWellFormed } from '../wellFormed';
import { MAX_RANK_LENGTH } from './rank';
import { isPublishedDate } from './publishedDate';
import { isRatingNumber } from './ratingScale';

/** A plain value's rule, or the shared type the field must hold. */
export type FieldRule = ((value: unknown) => boolean) | 'array' | 'map';

/** Latest time a field may carry: the end of year 9999, the last an ISO export date can say. */
const MAX_TIME = 253_402_300_799_999;

type Check = (value: unknown) => boolean;
const str =
  (max: number, min = 0): Check =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max;
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const matches =
  (schema: { safeParse(v: unknown): { success: boolean } }): Check =>
  (v) =>
    schema.safeParse(v).success;
/**
 * A JSON value `schema` takes as it is: its parse succeeds and gives back the same value, so no
 * key was dropped (at any depth) and nothing trimmed. The one schema per field stays the
 * commands' own (inputs.ts); only what is left over is compared.
 */
const exactly =
  (schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }): Check =>
  (v) => {
    const parsed = schema.safeParse(v);
    return parsed.success && sameJson(parsed.data, v);
  };
/** Deep equality of plain JSON values (objects compared by their own keys, in any order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}
const time: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME;
/**
 * Whether object `v` holds `a` and `b` as keys of its own, and no other key. Own: a value read
 * from an update may inherit keys, as lib0 decodes a "__proto__" key by setting the object's
 * prototype, which a stored board, encoded again from its own keys, no longer has.
 */
const ownPair = (v: object, a: string, b: string): boolean =>
  Object.hasOwn(v, a) && Object.hasOwn(v, b) && Object.keys(v).length === 2;
const actorId = str(ACTOR_ID_MAX, 1);
const actorName = str(LIMITS.name);
/**
 * A person, as actorSchema has one (exactly(actorSchema) takes the same values), checked by
 * hand: nearly every write names one (a card's updatedBy, an assignee, a comment's author), and
 * zod's parse, with the copy it makes for exactly() to compare, was most of what the stricter
 * checks added to judging a card edit (about 1 µs of 2.5).
 */
const actor: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !ownPair(v, 'id', 'name')) {
    return false;
  }
  const { id, name } = v as { id: unknown; name: unknown };
  return actorId(id) && actorName(name) && isWellFormed(name as string);
};
/** A card's place: its column and rank, nothing else (isPos reads the two it needs). */
const pos: Check = (v) =>
  isPos(v) && ownPair(v, 'column', 'rank') && v.rank.length <= MAX_RANK_LENGTH;
const id: Check = (v) => typeof v === 'string' && ID_PATTERN.test(v);

const CARD: Readonly<Record<string, FieldRule>> = {
  [CARD_KEYS.id]: id,
  [CARD_KEYS.claim]: (v) => str(LIMITS.claim)(v) && hasVisibleText(v as string),
  [CARD_KEYS.source]: orNull(exactly(sourceSpanSchema)),
  [CARD_KEYS.speaker]: orNull(str(LIMITS.speaker)),
  [CARD_KEYS.speakerType]: orNull(matches(speakerTypeSchema)),
  [CARD_KEYS.pos]: pos,
  // A rating-scale label (ratingScaleSchema).
  [CARD_KEYS.verdict]: orNull(str(60, 1)),
  [CARD_KEYS.rationale]: str(LIMITS.rationale),
  // Published as the ClaimReview's url on a newsroom's page: http(s) only, like every link.
  [CARD_KEYS.reviewUrl]: orNull(matches(httpUrl)),
  [CARD_KEYS.assignee]: orNull(actor),
  [CARD_KEYS.evidence]: 'array',
  [CARD_KEYS.extraction]: orNull(exactly(extractionSchema)),
  [CARD_KEYS.createdBy]: actor,
  [CARD_KEYS.createdAt]: time,
  [CARD_KEYS.updatedBy]: actor,
  [CARD_KEYS.updatedAt]: time,
};

const EVIDENCE: Readonly<Record<string, FieldRule>> = {
  [EVIDENCE_KEYS.id]: id,
  [EVIDENCE_KEYS.url]: matches(httpUrl),
  [EVIDENCE_KEYS.quote]: str(LIMITS.quote),
  [EVIDENCE_KEYS.stance]: matches(stanceSchema),
  [EVIDENCE_KEYS.note]: str(LIMITS.note),
  [EVIDENCE_KEYS.addedBy]: actor,
  [EVIDENCE_KEYS.addedAt]: time,
};

const COMMENT: Readonly<Record<string, FieldRule>> = {
  [COMMENT_KEYS.id]: id,
  [COMMENT_KEYS.cardId]: id,
  [COMMENT_KEYS.parentId]: orNull(id),
  // A deleted comment keeps an empty text (writePolicy: only a deleted one), as does a redacted
  // one; any other shows something, as commentInput's visibleName has it: blank or zero-width
  // characters only read as a comment that says nothing.
  [COMMENT_KEYS.text]: (v) => str(LIMITS.comment)(v) && (v === '' || hasVisibleText(v as string)),
  [COMMENT_KEYS.author]: actor,
  [COMMENT_KEYS.createdAt]: time,
  [COMMENT_KEYS.editedAt]: orNull(time),
  [COMMENT_KEYS.deletedAt]: orNull(time),
  [COMMENT_KEYS.resolved]: (v) => typeof v === 'boolean',
  [COMMENT_KEYS.resolvedBy]: orNull(actor),
};

const ARTICLE: Readonly<Record<string, FieldRule>> = {
  [ARTICLE_KEYS.id]: id,
  [ARTICLE_KEYS.title]: str(LIMITS.title),
  [ARTICLE_KEYS.url]: orNull(matches(httpUrl)),
  [ARTICLE_KEYS.text]: str(LIMITS.articleText, 1),
  [ARTICLE_KEYS.createdBy]: actor,
  [ARTICLE_KEYS.createdAt]: time,
  // Null clears it (setArticlePublished); a day is judged by the server's clock as it arrives.
  [ARTICLE_KEYS.published]: orNull((v) => isPublishedDate(v)),
};

const META: Readonly<Record<string, FieldRule>> = {
  [META_KEYS.title]: (v) => str(LIMITS.title)(v) && hasVisibleText(v as string),
  [META_KEYS.organisation]: orNull(exactly(organisationSchema)),
  [META_KEYS.schemaVersion]: (v) => Number.isInteger(v) && (v as number) >= 0,
  [META_KEYS.scale]: 'map',
  // Version 1's whole scale, which a lead's tab left open across the upgrade to version 2 still
  // writes (setRatingScale then wrote this key, checked by the rules of its day, which took any
  // numbers); readers no longer do.
  [META_KEYS.ratingScale]: exactly(storedRatingScaleSchema),
};

/** The scale map's own fields (depth 1 of meta: namedByLayout places them in the scale). */
const SCALE: Readonly<Record<string, FieldRule>> = {
  [SCALE_KEYS.best]: (v) => typeof v === 'number' && isRatingNumber(v),
  [SCALE_KEYS.worst]: (v) => typeof v === 'number' && isRatingNumber(v),
  [SCALE_KEYS.labels]: 'map',
};

const labelRule = ratingScaleSchema.shape.labels.element.shape;
/** A label entry's fields (depth 3 of meta), as ratingScaleSchema and newLabelMap write them. */
const LABEL: Readonly<Record<string, FieldRule>> = {
  [LABEL_KEYS.label]: exactly(labelRule.label),
  [LABEL_KEYS.column]: matches(columnSchema),
  [LABEL_KEYS.value]: (v) => typeof v === 'number' && isRatingNumber(v),
  // The label's place in the lead's order: newLabelMap's index in the scale.
  [LABEL_KEYS.order]: (v) => Number.isInteger(v) && (v as number) >= 0,
};

/** The roots whose entries are maps: one per card, comment or article. */
const MAP_ENTRIES: ReadonlySet<string> = new Set([ROOT.cards, ROOT.comments, ROOT.articles]);

/**
 * The rule for what lands at `depth` (0: directly in the root map) under `key` (null inside a
 * list), if the layout has one: an entry of cards, comments or articles is a map, so is an
 * item of a card's evidence list, and a field holds what its table says.
 */
export function fieldRule(root: string, depth: number, key: string | null): FieldRule | null {
  if (depth === 0 && MAP_ENTRIES.has(root)) return 'map';
  if (root === ROOT.cards && depth === 2 && key === null) return 'map';
  // A rating-scale label entry, under its id in the scale's labels.
  if (root === ROOT.meta && depth === 2) return 'map';
  if (key === null) return null;
  const rules =
    root === ROOT.cards && depth === 1
      ? CARD
      : root === ROOT.cards && depth === 3
        ? EVIDENCE
        : root === ROOT.comments && depth === 1
          ? COMMENT
          : root === ROOT.articles && depth === 1
            ? ARTICLE
            : root === ROOT.meta && depth === 0
              ? META
              : root === ROOT.meta && depth === 1
                ? SCALE
                : root === ROOT.meta && depth === 3
                  ? LABEL
                  : null;
  return rules && Object.hasOwn(rules, key) ? (rules[key] as FieldRule) : null;
}

const named = (keys: Readonly<Record<string, string>>): ReadonlySet<string> =>
  new Set(Object.values(keys));
const CARD_NAMES = named(CARD_KEYS);
const EVIDENCE_NAMES = named(EVIDENCE_KEYS);
/** A comment's fields, and the mark the server's redaction sets (a client never writes it). */
const COMMENT_NAMES = new Set([...named(COMMENT_KEYS), COMMENT_REDACTED_KEY]);
const ARTICLE_NAMES = named(ARTICLE_KEYS);
const META_NAMES = named(META_KEYS);
const SCALE_NAMES = named(SCALE_KEYS);
const LABEL_NAMES = named(LABEL_KEYS);
const isId = (key: string | null): boolean => key !== null && ID_PATTERN.test(key);
/** Whether a container is the one held under `holder` (or new, and judged on its own). */
const within = (containerKey: string | null | undefined, holder: string | null): boolean =>
  containerKey === undefined || containerKey === holder;

/**
 * Whether the layout has a place at `depth` of `root` under `key` (null: an element of a list),
 * inside a container held under `containerKey`: the key its own holder has (null when that is
 * a list's element), or undefined when the container is new in the same write, and is judged
 * on its own. An entry of cards, comments or articles sits under an id; a card's evidence is
 * its one list; the rating scale's labels sit under ids too.
 */
export function namedByLayout(
  root: string,
  depth: number,
  key: string | null,
  containerKey: string | null | undefined,
): boolean {
  if (root === ROOT.meta) {
    if (depth === 0) return key !== null && META_NAMES.has(key);
    if (depth === 1)
      return key !== null && SCALE_NAMES.has(key) && within(containerKey, META_KEYS.scale);
    if (depth === 2) return isId(key) && within(containerKey, SCALE_KEYS.labels);
    return depth === 3 && key !== null && LABEL_NAMES.has(key) && containerKey !== null;
  }
  if (!MAP_ENTRIES.has(root)) return false;
  if (depth === 0) return isId(key);
  if (key === null)
    return root === ROOT.cards && depth === 2 && within(containerKey, CARD_KEYS.evidence);
  if (depth === 1) {
    const names =
      root === ROOT.cards ? CARD_NAMES : root === ROOT.comments ? COMMENT_NAMES : ARTICLE_NAMES;
    return names.has(key);
  }
  return (
    root === ROOT.cards && depth === 3 && EVIDENCE_NAMES.has(key) && within(containerKey, null)
  );
}
