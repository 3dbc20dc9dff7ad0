/**
 * Turns the Yjs values of one card into frozen plain data. Readers are tolerant: a field
 * with the wrong shape (an old client, a hostile editor) reads as its empty value, and a
 * card with no valid place reads as unverified, so every card is in exactly one column (B1).
 */
import * as Y from 'yjs';
import { isRecord } from '../isRecord';
import { stringOrNull } from '../stringOrNull';
import type { Actor } from './actor';
import { CHIP_LIMITS, extractionSchema, SPAN_LIMITS, sourceSpanSchema } from './inputs';
import {
  CARD_KEYS as C,
  type CardMap,
  COMMENT_KEYS as M,
  COMMENT_REDACTED_KEY,
  EVIDENCE_KEYS as E,
  isPos,
  type SpeakerType,
} from './schema';
import type {
  CardView,
  Chip,
  CommentView,
  EvidenceView,
  Extraction,
  SourceSpan,
  Stance,
} from './view';

const UNKNOWN_ACTOR: Actor = Object.freeze({ id: 'unknown', name: 'Unknown' });

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function actor(v: unknown): Actor {
  if (typeof v !== 'object' || v === null) return UNKNOWN_ACTOR;
  const a = v as Record<string, unknown>;
  if (typeof a.id !== 'string' || typeof a.name !== 'string') return UNKNOWN_ACTOR;
  return Object.freeze({ id: a.id, name: a.name });
}

const actorOrNull = (v: unknown): Actor | null => (v == null ? null : actor(v));

const speakerType = (v: unknown): SpeakerType | null =>
  v === 'person' || v === 'organization' ? v : null;

function stance(v: unknown): Stance {
  return v === 'supports' || v === 'refutes' ? v : 'context';
}

const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/*
 * A card's source span and extraction signals, as sourceSpanSchema and extractionSchema read
 * them, or null. Values of the shape the commands write, nearly all of them, are read here
 * without zod: in the browser zod parses objects generically (the page's Content-Security-
 * Policy rules out its compiled parsers), which was most of the first read of a 600-card
 * board. Anything else, hostile data included, goes to the schema, which stays the one
 * definition of a valid value (readCardValues.test.ts holds both ways to the same answers).
 */

function readSource(value: unknown): SourceSpan | null {
  if (value == null) return null;
  if (isRecord(value)) {
    const { articleId, start, end, sentence } = value;
    if (
      isText(articleId, SPAN_LIMITS.articleId) &&
      articleId.length > 0 &&
      isIndex(start) &&
      isIndex(end) &&
      end >= start &&
      isText(sentence, SPAN_LIMITS.sentence)
    ) {
      return Object.freeze({ articleId, start, end, sentence });
    }
  }
  const parsed = sourceSpanSchema.safeParse(value);
  return parsed.success ? Object.freeze(parsed.data) : null;
}

function readChips(chips: unknown): Chip[] | null {
  if (!Array.isArray(chips) || chips.length > CHIP_LIMITS.chips) return null;
  const out: Chip[] = [];
  for (const chip of chips as unknown[]) {
    if (!isRecord(chip)) return null;
    const { text, type } = chip;
    if (!isText(text, CHIP_LIMITS.text) || !isText(type, CHIP_LIMITS.type)) return null;
    out.push({ text, type });
  }
  return out;
}

function readExtraction(value: unknown): Extraction | null {
  if (value == null) return null;
  if (isRecord(value)) {
    const { score, rank } = value;
    const chips = readChips(value.chips);
    if (typeof score === 'number' && Number.isFinite(score) && isIndex(rank) && chips) {
      return Object.freeze({ score, rank, chips });
    }
  }
  const parsed = extractionSchema.safeParse(value);
  return parsed.success ? Object.freeze(parsed.data) : null;
}

function readEvidence(item: Y.Map<unknown>): EvidenceView {
  return Object.freeze({
    id: str(item.get(E.id)),
    url: str(item.get(E.url)),
    quote: str(item.get(E.quote)),
    stance: stance(item.get(E.stance)),
    note: str(item.get(E.note)),
    addedBy: actor(item.get(E.addedBy)),
    addedAt: num(item.get(E.addedAt)),
  });
}

/**
 * A comment with a deletion time reads as deleted, its text empty, whatever text it holds: its
 * author's edit in another tab that had not seen the deletion may leave the edit's text beside
 * it (the server takes both; that tab tells its author the edit was lost), and no screen or
 * export shows words their author deleted the comment over.
 */
export function readComment(comment: Y.Map<unknown>, id: string): CommentView {
  const deletedAt = comment.get(M.deletedAt);
  const deleted = typeof deletedAt === 'number';
  return Object.freeze({
    id,
    cardId: str(comment.get(M.cardId)),
    parentId: stringOrNull(comment.get(M.parentId)),
    text: deleted ? '' : str(comment.get(M.text)),
    author: actor(comment.get(M.author)),
    createdAt: num(comment.get(M.createdAt)),
    editedAt: typeof comment.get(M.editedAt) === 'number' ? num(comment.get(M.editedAt)) : null,
    deletedAt: deleted ? num(deletedAt) : null,
    resolved: comment.get(M.resolved) === true,
    resolvedBy: actorOrNull(comment.get(M.resolvedBy)),
    redacted: redactedMark(comment.get(COMMENT_REDACTED_KEY)),
  });
}

/** The mark redactComment sets, read as the other values are: what it holds, or null. */
function redactedMark(value: unknown): CommentView['redacted'] {
  if (typeof value !== 'object' || value === null) return null;
  const { by, at } = value as { by?: unknown; at?: unknown };
  return Object.freeze({ by: actor(by), at: num(at) });
}

function compareComments(a: CommentView, b: CommentView): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A reply whose thread start is not a thread start on this card reads as a thread of its own:
 * Undo of a thread's first comment after a colleague answered it leaves such a reply, and the
 * screen, every export and the JSON import must agree on what it is. Returns a new array.
 */
function ownThreads(comments: readonly CommentView[]): CommentView[] {
  if (!comments.some((c) => c.parentId !== null)) return [...comments];
  const starts = new Set(comments.filter((c) => c.parentId === null).map((c) => c.id));
  return comments.map((c) =>
    c.parentId === null || starts.has(c.parentId) ? c : Object.freeze({ ...c, parentId: null }),
  );
}

export function readCard(card: CardMap, id: string, comments: readonly CommentView[]): CardView {
  const pos = card.get(C.pos);
  const place = isPos(pos) ? pos : { column: 'unverified' as const, rank: '' };
  const evidence = card.get(C.evidence);
  return Object.freeze({
    id,
    claim: str(card.get(C.claim)),
    source: readSource(card.get(C.source)),
    speaker: stringOrNull(card.get(C.speaker)),
    speakerType: speakerType(card.get(C.speakerType)),
    column: place.column,
    rank: place.rank,
    verdict: stringOrNull(card.get(C.verdict)),
    rationale: str(card.get(C.rationale)),
    reviewUrl: stringOrNull(card.get(C.reviewUrl)),
    assignee: actorOrNull(card.get(C.assignee)),
    evidence: Object.freeze(
      evidence instanceof Y.Array
        ? evidence
            .toArray()
            .filter((item): item is Y.Map<unknown> => item instanceof Y.Map)
            .map(readEvidence)
        : [],
    ),
    comments: Object.freeze(ownThreads(comments).sort(compareComments)),
    extraction: readExtraction(card.get(C.extraction)),
    createdBy: actor(card.get(C.createdBy)),
    createdAt: num(card.get(C.createdAt)),
    updatedBy: actor(card.get(C.updatedBy)),
    updatedAt: num(card.get(C.updatedAt)),
  });
}
