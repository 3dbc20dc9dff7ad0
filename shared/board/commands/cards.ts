/** Commands on cards: create, edit, move, verdict, assignee, delete. One intent, one transaction. */
import * as Y from 'yjs';
import type { Actor } from '../actor';
import { BoardError } from '../errors';
import {
  addClaimInput,
  type AddClaimInput,
  columnSchema,
  editCardInput,
  type EditCardInput,
  actorSchema,
  extractionSchema,
  readdedEvidenceInput,
  type ReaddedEvidenceInput,
} from '../inputs';
import type { CommandContext } from '../origin';
import type { CardView, Extraction } from '../view';
import { parseInput } from '../parse';
import { compareRank, isValidRank, rankBetween } from '../rank';
import { readRatingScale } from '../readMeta';
import { verdictFitsColumn } from '../ratingScale';
import {
  CARD_KEYS as K,
  type CardMap,
  type ColumnId,
  cardsMap,
  isPos,
  newCardMap,
  type Pos,
} from '../schema';
import { setChanged, setChangedKeys } from '../setChanged';
import { lastRank, touch } from './cardWrites';
import { type CommandScope, transact } from '../transact';

export function getCard(doc: Y.Doc, cardId: string): CardMap {
  const card = cardsMap(doc).get(cardId);
  if (!(card instanceof Y.Map)) throw new BoardError('card_not_found', `no card ${cardId}`);
  return card;
}

/** The other cards of a column in display order (B3), as {id, rank}. */
function columnOrder(
  doc: Y.Doc,
  column: ColumnId,
  except?: string,
): { id: string; rank: string }[] {
  const out: { id: string; rank: string }[] = [];
  cardsMap(doc).forEach((card, id) => {
    if (id === except) return;
    const pos = card.get(K.pos);
    if (isPos(pos) && pos.column === column) out.push({ id, rank: pos.rank });
  });
  return out.sort(compareRank);
}

/**
 * A rank that puts a card at `index` among `order`. Ranks that this code did not make (an old
 * or hostile client's) are stepped over. When neighbours share a rank (two clients once picked
 * the same key), the card goes after the whole tie: ids, not ranks, order a tie.
 */
function rankAt(order: { rank: string }[], index: number): string {
  const i = Math.max(0, Math.min(index, order.length));
  let before: string | null = null;
  for (let k = i - 1; k >= 0 && before === null; k--) {
    const rank = (order[k] as { rank: string }).rank;
    if (isValidRank(rank)) before = rank;
  }
  let after: string | null = null;
  for (let k = i; k < order.length && after === null; k++) {
    const rank = (order[k] as { rank: string }).rank;
    if (isValidRank(rank) && (before === null || rank > before)) after = rank;
  }
  return rankBetween(before, after);
}

function newCard(id: string, data: AddClaimData, rank: string, scope: CommandScope): CardMap {
  return newCardMap({
    id,
    claim: data.claim,
    source: data.source ?? null,
    speaker: data.speaker ?? null,
    pos: { column: data.column ?? 'unverified', rank },
    verdict: null,
    rationale: '',
    assignee: null,
    evidence: [],
    extraction: data.extraction ?? null,
    createdBy: scope.actor,
    createdAt: scope.now,
    updatedBy: scope.actor,
    updatedAt: scope.now,
  });
}

type AddClaimData = ReturnType<typeof addClaimInput.parse>;

/** Adds a claim at the bottom of its column (Unverified unless given). */
export function addClaim(doc: Y.Doc, input: AddClaimInput, ctx: CommandContext): string {
  return addClaims(doc, [input], ctx)[0] as string;
}

/**
 * Adds many claims in one transaction (an article import): all are validated first, and the
 * column is scanned once, so importing thousands of claims stays linear.
 */
export function addClaims(
  doc: Y.Doc,
  inputs: readonly AddClaimInput[],
  ctx: CommandContext,
): string[] {
  const data = inputs.map((input) => parseInput(addClaimInput, input));
  return transact(doc, 'addClaim', ctx, (scope) => {
    const last = new Map<ColumnId, string | null>();
    return data.map((claim) => {
      const column = claim.column ?? 'unverified';
      const before = last.has(column) ? (last.get(column) ?? null) : lastRank(doc, column);
      const rank = rankBetween(before, null);
      last.set(column, rank);
      const id = scope.newId();
      cardsMap(doc).set(id, newCard(id, claim, rank, scope));
      return id;
    });
  });
}

/** The fields editCard writes, each under its own key (the patch's names are the keys). */
const EDITABLE = [K.claim, K.speaker, K.rationale, K.speakerType, K.reviewUrl] as const;

/**
 * Edits a card's fields: its text, and what its ClaimReview says of the speaker and where the
 * fact-check is published. Each is its own key, so concurrent edits of different fields both
 * stay; a value the card already holds is not written again (B15). An optional key the card
 * lacks reads as null, so setting it to null writes nothing.
 */
export function editCard(
  doc: Y.Doc,
  cardId: string,
  patch: EditCardInput,
  ctx: CommandContext,
): void {
  const data = parseInput(editCardInput, patch);
  const card = getCard(doc, cardId);
  const fields = Object.fromEntries(EDITABLE.map((key) => [key, data[key]]));
  transact(doc, 'editCard', ctx, (scope) => {
    if (setChangedKeys(card, fields)) touch(card, scope);
  });
}

/**
 * Sets a card's check-worthiness signals (score, rank, chips): the server's enrichment of a
 * card someone made by hand from an article. Not an edit of the card's content, so the card's
 * "updated by" stays with the last person who edited it.
 */
export function setExtraction(
  doc: Y.Doc,
  cardId: string,
  extraction: Extraction,
  ctx: CommandContext,
): void {
  const data = parseInput(extractionSchema, extraction);
  const card = getCard(doc, cardId);
  transact(doc, 'setExtraction', ctx, () => setChanged(card, K.extraction, data));
}

export interface MoveTarget {
  readonly column: ColumnId;
  /** Position among the column's other cards; past the end means last. */
  readonly index: number;
  /** A new verdict label to set with the move (the UI asks when the old one does not fit). */
  readonly verdict?: string | null;
}

/** Where a card stands among the other cards of its column, or null if it has no valid place. */
function placeOf(
  doc: Y.Doc,
  cardId: string,
  pos: unknown,
): { column: ColumnId; index: number } | null {
  if (!isPos(pos) || !isValidRank(pos.rank)) return null;
  const me = { id: cardId, rank: pos.rank };
  const index = columnOrder(doc, pos.column, cardId).filter((o) => compareRank(o, me) < 0).length;
  return { column: pos.column, index };
}

/**
 * Moves a card: one `pos` value, so concurrent moves resolve to one of them (B2). A verdict
 * that does not belong to the target column is replaced by `target.verdict`, or cleared. A
 * move to where the card already stands keeps its place (B15).
 */
export function moveCard(
  doc: Y.Doc,
  cardId: string,
  target: MoveTarget,
  ctx: CommandContext,
): void {
  const column = parseInput(columnSchema, target.column);
  const card = getCard(doc, cardId);
  const scale = readRatingScale(doc);
  const current = card.get(K.verdict);
  const verdict = target.verdict !== undefined ? target.verdict : (current as string | null);
  if (target.verdict !== undefined && !verdictFitsColumn(scale, target.verdict, column)) {
    throw new BoardError('invalid_input', `verdict ${target.verdict} does not belong in ${column}`);
  }
  transact(doc, 'moveCard', ctx, (scope) => {
    const order = columnOrder(doc, column, cardId);
    const place = placeOf(doc, cardId, card.get(K.pos));
    const index = Math.max(0, Math.min(target.index, order.length));
    const stays = place !== null && place.column === column && place.index === index;
    if (!stays) card.set(K.pos, { column, rank: rankAt(order, index) } satisfies Pos);
    const next = verdictFitsColumn(scale, verdict, column) ? verdict : null;
    if (setChanged(card, K.verdict, next) || !stays) touch(card, scope);
  });
}

export function setVerdict(
  doc: Y.Doc,
  cardId: string,
  verdict: string | null,
  rationale: string | undefined,
  ctx: CommandContext,
): void {
  const card = getCard(doc, cardId);
  const scale = readRatingScale(doc);
  if (verdict !== null && !scale.labels.some((l) => l.label === verdict)) {
    throw new BoardError('invalid_input', `verdict ${verdict} is not on the board's rating scale`);
  }
  if (rationale !== undefined) parseInput(editCardInput, { rationale });
  transact(doc, 'setVerdict', ctx, (scope) => {
    if (setChangedKeys(card, { [K.verdict]: verdict, [K.rationale]: rationale })) {
      touch(card, scope);
    }
  });
}

/** "Being checked by": who has taken the card, or null to release it. */
export function assignCard(
  doc: Y.Doc,
  cardId: string,
  assignee: Actor | null,
  ctx: CommandContext,
): void {
  const who = assignee === null ? null : parseInput(actorSchema, assignee);
  const card = getCard(doc, cardId);
  transact(doc, 'assignCard', ctx, (scope) => {
    if (setChanged(card, K.assignee, who)) touch(card, scope);
  });
}

/** Deletes a card; its comments stay in the comments map so an undo brings the thread back. */
export function deleteCard(doc: Y.Doc, cardId: string, ctx: CommandContext): void {
  getCard(doc, cardId);
  transact(doc, 'deleteCard', ctx, () => {
    cardsMap(doc).delete(cardId);
  });
}

/**
 * Puts a deleted card back as it was just before its deletion (`card`, as the board read
 * then): claim, source, speaker, column and rank, verdict, evidence, authors and times. Its
 * comments were never removed (see deleteCard), so they come back with it. The restorer is
 * its last updater. A card that is on the board is not overwritten.
 *
 * `readded`: evidence the restorer had added to the card while it was being deleted (the
 * board never kept it), added in the same change, in their name, so nobody sees the card back
 * without it.
 */
export function restoreCard(
  doc: Y.Doc,
  card: CardView,
  ctx: CommandContext,
  readded: readonly ReaddedEvidenceInput[] = [],
): void {
  const more = readded.map((item) => parseInput(readdedEvidenceInput, item));
  const ids = new Set(card.evidence.map((e) => e.id));
  for (const { id } of more) {
    if (ids.has(id)) throw new BoardError('invalid_input', `evidence ${id} is on the card twice`);
    ids.add(id);
  }
  if (cardsMap(doc).has(card.id)) {
    throw new BoardError('card_exists', `card ${card.id} is on the board`);
  }
  const { column, rank, comments: _comments, evidence, ...fields } = card;
  transact(doc, 'restoreCard', ctx, (scope) => {
    const added = more.map((item) => ({ ...item, addedBy: scope.actor, addedAt: scope.now }));
    cardsMap(doc).set(
      card.id,
      newCardMap({
        ...fields,
        evidence: [...evidence, ...added],
        pos: { column, rank },
        updatedBy: scope.actor,
        updatedAt: scope.now,
      }),
    );
  });
}
