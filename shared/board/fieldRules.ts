/**
 * What each field of the board layout (schema.ts) may hold, for values that arrive in raw Yjs
 * updates rather than through the commands: the sync server refuses an update that writes a
 * field outside its rule (server/sync/writePolicy). The commands validate their inputs with
 * the same limits (inputs.ts), so an honest client never meets these rules; a hostile or
 * broken one cannot store a claim that is a number, a 2 MB rationale, a column that does not
 * exist or a javascript: link, which would also leave the board's JSON export impossible to
 * import again.
 *
 * Fields are found by root, depth and key (analyzeUpdate's Where): a card's fields sit at
 * depth 1 of `cards`, an evidence item's at depth 3, a comment's and an article's at depth 1
 * of their roots, the board's at depth 0 of `meta`; cards, comments, articles and evidence
 * items themselves are maps. Keys the layout does not name are left
 * alone (readers ignore them), and so is the rating scale, which only leads write.
 */
import {
  extractionSchema,
  httpUrl,
  LIMITS,
  organisationSchema,
  sourceSpanSchema,
  speakerTypeSchema,
  stanceSchema,
} from './inputs';
import {
  ARTICLE_KEYS,
  CARD_KEYS,
  COMMENT_KEYS,
  EVIDENCE_KEYS,
  isPos,
  META_KEYS,
  ROOT,
} from './schema';
import { ID_PATTERN } from './newId';
import { hasVisibleText } from '../visibleText';
import { MAX_RANK_LENGTH } from './rank';

/** A plain value's rule, or the shared type the field must hold. */
export type FieldRule = ((value: unknown) => boolean) | 'array' | 'map';

/** Latest time a field may carry: the end of year 9999, the last an ISO export date can say. */
const MAX_TIME = 253_402_300_799_999;
const ID = 100;

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
const time: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_TIME;
const actor: Check = (v) => {
  if (typeof v !== 'object' || v === null) return false;
  const { id, name } = v as { id?: unknown; name?: unknown };
  return str(ID, 1)(id) && str(LIMITS.name)(name);
};
const id: Check = (v) => typeof v === 'string' && ID_PATTERN.test(v);

const CARD: Readonly<Record<string, FieldRule>> = {
  [CARD_KEYS.id]: id,
  [CARD_KEYS.claim]: (v) => str(LIMITS.claim)(v) && hasVisibleText(v as string),
  [CARD_KEYS.source]: orNull(matches(sourceSpanSchema)),
  [CARD_KEYS.speaker]: orNull(str(LIMITS.speaker)),
  [CARD_KEYS.speakerType]: orNull(matches(speakerTypeSchema)),
  [CARD_KEYS.pos]: (v) => isPos(v) && v.rank.length <= MAX_RANK_LENGTH,
  // A rating-scale label (ratingScaleSchema).
  [CARD_KEYS.verdict]: orNull(str(60, 1)),
  [CARD_KEYS.rationale]: str(LIMITS.rationale),
  // Published as the ClaimReview's url on a newsroom's page: http(s) only, like every link.
  [CARD_KEYS.reviewUrl]: orNull(matches(httpUrl)),
  [CARD_KEYS.assignee]: orNull(actor),
  [CARD_KEYS.evidence]: 'array',
  [CARD_KEYS.extraction]: orNull(matches(extractionSchema)),
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
  // A deleted comment keeps an empty text.
  [COMMENT_KEYS.text]: str(LIMITS.comment),
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
};

const META: Readonly<Record<string, FieldRule>> = {
  [META_KEYS.title]: (v) => str(LIMITS.title)(v) && hasVisibleText(v as string),
  [META_KEYS.organisation]: orNull(matches(organisationSchema)),
  [META_KEYS.schemaVersion]: (v) => Number.isInteger(v) && (v as number) >= 0,
  [META_KEYS.scale]: 'map',
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
              : null;
  return rules && Object.hasOwn(rules, key) ? (rules[key] as FieldRule) : null;
}
