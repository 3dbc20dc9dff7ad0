/**
 * The JSON export: everything on a board, as plain data with ISO times, validated by one zod
 * schema that the exporter, the importer and the tests share. A change to this shape bumps
 * EXPORT_SCHEMA_VERSION, so an older server refuses a file it would read only in part; this
 * importer reads every version up to its own (READABLE_VERSIONS): version 2 added each card's
 * `speakerType` and `reviewUrl`, which a version 1 file lacks and imports as null. A field
 * worked out from others, for the file's readers, leaves the version as it is: an older server
 * drops it and still reads the whole board (a card's `verdictOnScale` and `verdictFitsColumn`,
 * the `removedArticles` the cards still quote).
 *
 * Field rules follow the board commands' own input rules (shared/board/inputs), so that what
 * an import accepts is what a person could have written; comment text may be empty, because
 * a deleted comment keeps its place in the thread with its text cleared (a live one with none
 * is a redacted one or a mistake: importBoardFromJson tells which).
 */
import { z } from 'zod';
import { ID_PATTERN } from '../board/newId';
import { MAX_RANK_LENGTH } from '../board/rank';
import {
  actorSchema,
  columnSchema,
  extractionSchema,
  httpUrl,
  LIMITS,
  organisationSchema,
  personName,
  publishedDate,
  sourceSpanSchema,
  speakerTypeSchema,
  stanceSchema,
  storedRatingScaleSchema,
} from '../board/inputs';

export const EXPORT_FORMAT = 'factboard.board';
export const EXPORT_SCHEMA_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;

const id = z.string().regex(ID_PATTERN, 'ids are 1–100 letters, digits, - or _, and not __proto__');
const time = z.iso.datetime();
/**
 * A card's fractional index key (shared/board/rank). Its format is the board layout's
 * business: a key the current rank code cannot extend (e.g. from an older layout) is still
 * accepted here, and the import re-ranks that column in the exported order.
 */
const rank = z.string().max(MAX_RANK_LENGTH);
/**
 * Whoever wrote, added, resolved or checks something: named as an invite names a person (on
 * one line, no control or text-direction characters), which every name on a board is. The
 * exports print names inline, and a line break in one passed for a new thread in CSV (found
 * by QA: an imported "Rita\n[resolved by …] Boss").
 */
const person = actorSchema.extend({ name: personName });

const exportedEvidenceSchema = z.object({
  id,
  url: httpUrl,
  quote: z.string().max(LIMITS.quote),
  stance: stanceSchema,
  note: z.string().max(LIMITS.note),
  addedBy: person,
  addedAt: time,
});

export const exportedCommentSchema = z.object({
  id,
  /** The thread's first comment for a reply; null for the first comment of a thread. */
  parentId: id.nullable(),
  text: z.string().max(LIMITS.comment),
  author: person,
  createdAt: time,
  editedAt: time.nullable(),
  deletedAt: time.nullable(),
  resolved: z.boolean(),
  resolvedBy: person.nullable(),
  /**
   * Who redacted its text for good (a lead), and when; null if nobody did. Written since it was
   * added, within version 2 (older files lack it, and read as null).
   */
  redacted: z.object({ by: person, at: time }).nullable().default(null),
});

const exportedCardSchema = z.object({
  id,
  column: columnSchema,
  rank,
  claim: z.string().trim().min(1).max(LIMITS.claim),
  speaker: z.string().max(LIMITS.speaker).nullable(),
  /** Since version 2. */
  speakerType: speakerTypeSchema.nullable().default(null),
  source: sourceSpanSchema.nullable(),
  verdict: z.string().min(1).max(60).nullable(),
  /**
   * Whether `verdict` is on `board.ratingScale` (verdictOnScale): false for a label a lead
   * removed since; null without a verdict. Written since it was added, within version 2 (older
   * files lack it); the import works it out from the scale again and ignores it.
   */
  verdictOnScale: z.boolean().nullable().optional(),
  /**
   * Whether `verdict` is one of the labels of the card's `column` (verdictFitsCard): false when
   * a colleague's verdict and a move crossed (or a verdict off the scale); null without a
   * verdict. Written since it was added, within version 2; the import ignores it, as it does
   * `verdictOnScale`: the board works it out from the card again.
   */
  verdictFitsColumn: z.boolean().nullable().optional(),
  rationale: z.string().max(LIMITS.rationale),
  /** Since version 2. */
  reviewUrl: httpUrl.nullable().default(null),
  assignee: person.nullable(),
  evidence: z.array(exportedEvidenceSchema).max(1_000),
  /** Oldest first, threads flattened; `parentId` links a reply to its thread. */
  comments: z.array(exportedCommentSchema).max(10_000),
  extraction: extractionSchema.nullable(),
  createdBy: person,
  createdAt: time,
  updatedBy: person,
  updatedAt: time,
});

const exportedArticleSchema = z.object({
  id,
  title: z.string().max(LIMITS.title),
  url: httpUrl.nullable(),
  /** Never empty, as the board's layout has it (fieldRules): an article is its text. */
  text: z.string().min(1, 'an article has text').max(LIMITS.articleText),
  createdBy: person,
  createdAt: time,
  /**
   * The day it was published, `YYYY-MM-DD`, or null when unknown. Written since it was added,
   * within version 2 (older files lack it, and read as null).
   */
  published: publishedDate.nullable().default(null),
});

/**
 * An article removed from the board that a card kept after its removal still quotes (B14):
 * what the history's `article.removed` says of it (shared/export/removedArticles), so that a
 * reader finds where the card's sentence came from. Worked out from `history`, written since
 * it was added, within version 2: the import ignores it, the history it carries naming the
 * article again.
 */
const exportedRemovedArticleSchema = z.object({
  id,
  title: z.string().max(LIMITS.title),
  url: httpUrl.nullable(),
  removedBy: person,
  removedAt: time,
});

const exportedHistoryEventSchema = z.object({
  type: z.string().min(1).max(100),
  actor: person,
  at: time,
  cardId: id.nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const boardExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, {
    error: `not a Factboard board export (format must be "${EXPORT_FORMAT}")`,
  }),
  schemaVersion: z.literal(READABLE_VERSIONS, {
    error: `unsupported export schema version (this server reads ${READABLE_VERSIONS.join(' and ')})`,
  }),
  exportedAt: time,
  /** The moment the board is shown as of (`?at=`), or null for its state at export time. */
  asOf: time.nullable(),
  board: z.object({
    /** The exported board's id; an import creates a board with a new one. */
    id: id.nullable(),
    title: z.string().trim().min(1).max(LIMITS.title),
    /** The version of the board's Yjs layout (shared/board/schema). */
    schemaVersion: z.number().int().min(0),
    // As the board stored it: a scale set before its numbers had to be whole ones of 1 or more
    // (or written raw) is the board's, and its backup must come back as it went out; its
    // ClaimReview gives the labels without numbers, and a lead mends it in the dialog.
    ratingScale: storedRatingScaleSchema,
    organisation: organisationSchema.nullable(),
  }),
  articles: z.array(exportedArticleSchema).max(10_000),
  /** In the order of their removal; older files lack it, and read as none. */
  removedArticles: z.array(exportedRemovedArticleSchema).max(10_000).default([]),
  /** Column by column (unverified, corroborated, disputed), each in display order. */
  cards: z.array(exportedCardSchema).max(100_000),
  /** The board's audit events, oldest first. */
  history: z.array(exportedHistoryEventSchema),
});

export type BoardExport = z.infer<typeof boardExportSchema>;
export type ExportedCard = z.infer<typeof exportedCardSchema>;
