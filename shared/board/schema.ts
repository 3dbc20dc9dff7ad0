/**
 * The board's Yjs layout: the one place that knows which shared types exist and which keys
 * they hold. Everything else reads through these accessors.
 *
 * Layout (schema version 2):
 *   meta:     Y.Map  title, schemaVersion, organisation (JSON), scale: Y.Map (below)
 *     scale:  best, worst (numbers), labels: Y.Map<labelId, Y.Map> label, column, value, order
 *   articles: Y.Map<articleId, Y.Map>  id, title, url, text, createdBy, createdAt; `published`
 *             may be absent (read as null, see ARTICLE_KEYS)
 *   cards:    Y.Map<cardId, Y.Map>     CARD_KEYS below; `evidence` is a Y.Array<Y.Map>;
 *             `speakerType` and `reviewUrl` may be absent (read as null, see CARD_KEYS)
 *   comments: Y.Map<commentId, Y.Map>  flat, keyed by id, with a cardId field
 *
 * Why comments are a flat root map and not a list inside each card: the server lets a
 * reviewer write comments and nothing else, which it checks by the root type an update
 * touches (see server write policy); and a per-card list created lazily by two clients at
 * once would lose one side's comments (a Y.Map key holds one value), while a flat map
 * keyed by unique ids never conflicts.
 *
 * Why a card's place is one key (`pos` = {column, rank}): two concurrent moves then resolve
 * to one of the moves, never to a mix or a duplicate (invariant B2).
 *
 * Why the rating scale is a map of labels (version 2) and not one JSON value (version 1, key
 * `ratingScale`): two leads editing different labels at once kept only one lead's scale; with
 * one entry per label, under a stable id, both edits survive (B12).
 */
import * as Y from 'yjs';

export const SCHEMA_VERSION = 2;

export const COLUMNS = ['unverified', 'corroborated', 'disputed'] as const;
export type ColumnId = (typeof COLUMNS)[number];

/** What a card's speaker is, as an editor says it (schema.org's Person or Organization). */
export const SPEAKER_TYPES = ['person', 'organization'] as const;
export type SpeakerType = (typeof SPEAKER_TYPES)[number];

export const ROOT = {
  meta: 'meta',
  articles: 'articles',
  cards: 'cards',
  comments: 'comments',
} as const;
export type RootName = (typeof ROOT)[keyof typeof ROOT];
export const ROOT_NAMES: readonly RootName[] = Object.values(ROOT);

export const META_KEYS = {
  title: 'title',
  schemaVersion: 'schemaVersion',
  /** Version 1's whole-scale JSON value; migrated into `scale`. */
  ratingScale: 'ratingScale',
  scale: 'scale',
  organisation: 'organisation',
} as const;

export const SCALE_KEYS = { best: 'best', worst: 'worst', labels: 'labels' } as const;
export const LABEL_KEYS = {
  label: 'label',
  column: 'column',
  value: 'value',
  order: 'order',
} as const;

export const CARD_KEYS = {
  id: 'id',
  claim: 'claim',
  source: 'source',
  speaker: 'speaker',
  /**
   * Optional, like `reviewUrl`: absent until an editor sets it, and absent reads as null, so a
   * board from before these keys needs no migration (B10) and a new card carries neither.
   */
  speakerType: 'speakerType',
  pos: 'pos',
  verdict: 'verdict',
  rationale: 'rationale',
  /** The published fact-check's http(s) address, which its ClaimReview names as its url. */
  reviewUrl: 'reviewUrl',
  assignee: 'assignee',
  evidence: 'evidence',
  extraction: 'extraction',
  createdBy: 'createdBy',
  createdAt: 'createdAt',
  updatedBy: 'updatedBy',
  updatedAt: 'updatedAt',
} as const;

export const EVIDENCE_KEYS = {
  id: 'id',
  url: 'url',
  quote: 'quote',
  stance: 'stance',
  note: 'note',
  addedBy: 'addedBy',
  addedAt: 'addedAt',
} as const;

export const COMMENT_KEYS = {
  id: 'id',
  cardId: 'cardId',
  parentId: 'parentId',
  text: 'text',
  author: 'author',
  createdAt: 'createdAt',
  editedAt: 'editedAt',
  deletedAt: 'deletedAt',
  resolved: 'resolved',
  resolvedBy: 'resolvedBy',
} as const;

/**
 * Set on a comment whose text a lead redacted (redactComment): `{by, at}`. Not one of
 * COMMENT_KEYS, which every comment is posted with and its author may write: only the server's
 * redaction writes it, and the write policy refuses any text on a comment that has it.
 */
export const COMMENT_REDACTED_KEY = 'redacted';

/** A card's place: set as one value so a move is atomic. */
export interface Pos {
  readonly column: ColumnId;
  readonly rank: string;
}

export type CardMap = Y.Map<unknown>;
export type EvidenceList = Y.Array<Y.Map<unknown>>;

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.meta);
export const articlesMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.articles);
export const cardsMap = (doc: Y.Doc): Y.Map<CardMap> => doc.getMap(ROOT.cards);
export const commentsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.comments);

export function isColumn(value: unknown): value is ColumnId {
  return typeof value === 'string' && (COLUMNS as readonly string[]).includes(value);
}

export function isPos(value: unknown): value is Pos {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isColumn(v.column) && typeof v.rank === 'string';
}

/*
 * Builders for new entries: the only code that writes a whole article, card, evidence item or
 * comment, so the commands (which stamp the current actor and time) and the JSON import
 * (which keeps the exported ones) cannot drift apart. Times are ms since the epoch.
 */

interface ActorValue {
  readonly id: string;
  readonly name: string;
}

export interface ArticleRecord {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly text: string;
  readonly createdBy: ActorValue;
  readonly createdAt: number;
  /** Optional (see ARTICLE_KEYS): left out, or null, the article map has no such key. */
  readonly published?: string | null;
}

export interface EvidenceRecord {
  readonly id: string;
  readonly url: string;
  readonly quote: string;
  readonly stance: string;
  readonly note: string;
  readonly addedBy: ActorValue;
  readonly addedAt: number;
}

export interface CardRecord {
  readonly id: string;
  readonly claim: string;
  readonly source: unknown;
  readonly speaker: string | null;
  /** Optional keys (see CARD_KEYS): left out, the card map has no such key. */
  readonly speakerType?: SpeakerType | null;
  readonly pos: Pos;
  readonly verdict: string | null;
  readonly rationale: string;
  readonly reviewUrl?: string | null;
  readonly assignee: ActorValue | null;
  readonly evidence: readonly EvidenceRecord[];
  readonly extraction: unknown;
  readonly createdBy: ActorValue;
  readonly createdAt: number;
  readonly updatedBy: ActorValue;
  readonly updatedAt: number;
}

export interface CommentRecord {
  readonly id: string;
  readonly cardId: string;
  readonly parentId: string | null;
  readonly text: string;
  readonly author: ActorValue;
  readonly createdAt: number;
  readonly editedAt: number | null;
  readonly deletedAt: number | null;
  readonly resolved: boolean;
  readonly resolvedBy: ActorValue | null;
}

/**
 * A Y.Map of the layout's `keys`, read from `record` (the records' field names are the keys):
 * only those keys are written, whatever else the object carries, and an optional key left
 * undefined is not written at all.
 */
function mapOf(record: object, keys: Readonly<Record<string, string>>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const values = record as Record<string, unknown>;
  for (const key of Object.values(keys)) {
    if (values[key] !== undefined) map.set(key, values[key]);
  }
  return map;
}

export const ARTICLE_KEYS = {
  id: 'id',
  title: 'title',
  url: 'url',
  text: 'text',
  createdBy: 'createdBy',
  createdAt: 'createdAt',
  /**
   * The day the article was published, `YYYY-MM-DD` (publishedDate.ts), or null when unknown.
   * Optional, like a card's `reviewUrl`: absent reads as null, so a board from before it needs
   * no migration (B10), and an article imported without a date carries no key.
   */
  published: 'published',
} as const;

export function newArticleMap(record: ArticleRecord): Y.Map<unknown> {
  return mapOf({ ...record, published: record.published ?? undefined }, ARTICLE_KEYS);
}

export function newEvidenceMap(record: EvidenceRecord): Y.Map<unknown> {
  return mapOf(record, EVIDENCE_KEYS);
}

export function newCardMap(record: CardRecord): CardMap {
  const { evidence, ...fields } = record;
  const card = mapOf(fields, CARD_KEYS);
  const list: EvidenceList = new Y.Array();
  list.push(evidence.map(newEvidenceMap));
  card.set(CARD_KEYS.evidence, list);
  return card;
}

export function newCommentMap(record: CommentRecord): Y.Map<unknown> {
  return mapOf(record, COMMENT_KEYS);
}

export interface LabelRecord {
  readonly label: string;
  readonly column: ColumnId;
  readonly value: number;
}

export function newLabelMap(record: LabelRecord, order: number): Y.Map<unknown> {
  return mapOf({ ...record, order }, LABEL_KEYS);
}

/**
 * A whole rating scale in the version 2 layout. Label ids are `l<position>`: the same scale
 * built on two replicas at once (a migration, a new board) yields the same entries, so which
 * one Yjs keeps does not matter. Labels added later get random ids.
 */
export function newScaleMap(scale: {
  readonly best: number;
  readonly worst: number;
  readonly labels: readonly LabelRecord[];
}): Y.Map<unknown> {
  const labels = new Y.Map<Y.Map<unknown>>();
  scale.labels.forEach((l, i) => labels.set(`l${i}`, newLabelMap(l, i)));
  const map = mapOf({ best: scale.best, worst: scale.worst }, SCALE_KEYS);
  map.set(SCALE_KEYS.labels, labels);
  return map;
}

/** The scale map of a version 2 board; null before its migration. */
export function scaleMap(doc: Y.Doc): Y.Map<unknown> | null {
  const value = metaMap(doc).get(META_KEYS.scale);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}
