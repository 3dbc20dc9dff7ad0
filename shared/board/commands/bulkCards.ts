/**
 * Commands on several cards at once (a lead's selection): move, assign, delete. Each is one
 * intent, so one transaction (B7) and one undo step, and the server records each card's part
 * as it records a single card's (one event per card, all with the same actor and time).
 *
 * A card of the list that is no longer on the board (a colleague deleted it while it was
 * selected) is skipped, not refused: the rest of the selection is still what the person meant,
 * and the result names what was skipped so the UI can say so. A card already as asked (in the
 * column, with the assignee) writes nothing (B15).
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import type { Actor } from '../actor';
import { BoardError } from '../errors';
import { actorSchema, columnSchema } from '../inputs';
import { ID_PATTERN } from '../newId';
import type { CommandContext } from '../origin';
import { parseInput } from '../parse';
import { compareRank, rankBetween } from '../rank';
import { readRatingScale } from '../readMeta';
import { verdictFitsColumn } from '../ratingScale';
import { CARD_KEYS as K, type CardMap, type ColumnId, COLUMNS, cardsMap, isPos } from '../schema';
import { setChanged } from '../setChanged';
import { transact } from '../transact';
import { lastRank, touch } from './cardWrites';

/**
 * The most cards one command changes: a move of 1,000 cards is an update of about 100 KB
 * (measured: 100,929 bytes), well inside the server's 2 MiB message limit, and more than any
 * selection a person makes by hand.
 */
export const BULK_LIMIT = 1_000;

const cardIdsInput = z
  .array(z.string().regex(ID_PATTERN, 'must be a card id'))
  .min(1, 'must name at least one card')
  .max(BULK_LIMIT, `must name at most ${BULK_LIMIT} cards`)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a card twice');

/** What a command on several cards did. */
export interface BulkResult {
  /** The cards it changed, in the order it changed them. */
  readonly changed: readonly string[];
  /** The cards of the list no longer on the board, skipped. */
  readonly missing: readonly string[];
}

/**
 * What moveCards did: also the cards whose verdict did not fit the column, cleared or given
 * the label asked for.
 */
export interface BulkMoveResult extends BulkResult {
  /** The cards that were in the column already, left where they stand: a selection may span columns. */
  readonly already: readonly string[];
  readonly verdictsCleared: readonly string[];
  readonly verdictsSet: readonly string[];
}

/** The listed cards that are on the board, and those that are not. */
function present(doc: Y.Doc, ids: readonly string[]) {
  const cards = cardsMap(doc);
  const found: { id: string; card: CardMap }[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const card = cards.get(id);
    if (card) found.push({ id, card });
    else missing.push(id);
  }
  return { found, missing };
}

/**
 * Where moveCards puts the cards: a column, or a column and the label for the moved cards whose
 * verdict is not one of its labels (the person chose it for them all when asked).
 */
export type BulkMoveTarget = ColumnId | { readonly column: ColumnId; readonly verdict: string };

/**
 * Moves the cards to the end of the target column, in the order the board shows them (column
 * by column, then by rank), so a selection keeps its order. Cards already in the column stay
 * where they are. A moved card's verdict that is not a label of the column becomes the target's
 * verdict, in the same transaction (one Undo takes back the move and the labels), or without
 * one is cleared, as moveCard without a new label.
 */
export function moveCards(
  doc: Y.Doc,
  cardIds: readonly string[],
  to: BulkMoveTarget,
  ctx: CommandContext,
): BulkMoveResult {
  const ids = parseInput(cardIdsInput, cardIds);
  const target = parseInput(columnSchema, typeof to === 'string' ? to : to.column);
  const misfitVerdict = typeof to === 'string' ? null : to.verdict;
  const scale = readRatingScale(doc);
  if (misfitVerdict !== null && !verdictFitsColumn(scale, misfitVerdict, target)) {
    throw new BoardError('invalid_input', `verdict ${misfitVerdict} does not belong in ${target}`);
  }
  return transact(doc, 'moveCards', ctx, (scope) => {
    const { found, missing } = present(doc, ids);
    const placed = found.map(({ id, card }) => {
      const pos = card.get(K.pos);
      // A card without a valid place reads as unverified (B1), and is given one here.
      return { id, card, pos: isPos(pos) ? pos : null };
    });
    const already = placed.filter(({ pos }) => pos?.column === target).map(({ id }) => id);
    const moving = placed
      .filter(({ pos }) => pos?.column !== target)
      .map(({ id, card, pos }) => ({
        id,
        card,
        column: pos?.column ?? 'unverified',
        rank: pos?.rank ?? '',
      }))
      .sort((a, b) => COLUMNS.indexOf(a.column) - COLUMNS.indexOf(b.column) || compareRank(a, b));
    const changed: string[] = [];
    const verdictsCleared: string[] = [];
    const verdictsSet: string[] = [];
    let rank = lastRank(doc, target);
    for (const { id, card } of moving) {
      rank = rankBetween(rank, null);
      card.set(K.pos, { column: target, rank });
      const verdict = card.get(K.verdict) as string | null | undefined;
      if (
        !verdictFitsColumn(scale, verdict ?? null, target) &&
        setChanged(card, K.verdict, misfitVerdict)
      ) {
        (misfitVerdict === null ? verdictsCleared : verdictsSet).push(id);
      }
      touch(card, scope);
      changed.push(id);
    }
    return { changed, missing, already, verdictsCleared, verdictsSet };
  });
}

/** Gives every card the same checker ("being checked by"), or releases them all (null). */
export function assignCards(
  doc: Y.Doc,
  cardIds: readonly string[],
  assignee: Actor | null,
  ctx: CommandContext,
): BulkResult {
  const ids = parseInput(cardIdsInput, cardIds);
  const who = assignee === null ? null : parseInput(actorSchema, assignee);
  return transact(doc, 'assignCards', ctx, (scope) => {
    const { found, missing } = present(doc, ids);
    const changed: string[] = [];
    for (const { id, card } of found) {
      if (!setChanged(card, K.assignee, who)) continue;
      touch(card, scope);
      changed.push(id);
    }
    return { changed, missing };
  });
}

/**
 * The most one deleteCards takes, in bytes of its cards (as JSON, UTF-8): its Undo writes every
 * card back in one update, which reaches the server only whole, and the server takes no message
 * over 2 MiB (FACTBOARD_MAX_MESSAGE_BYTES' default; larger: close 4413). Measured, that update
 * is 1.01 (2,000-character claims) to 1.19 (short claims) times the cards' JSON, so 1 MiB comes
 * back in at most 1.25 MB; 1,000 cards of a line or two are a third of it. Without the limit,
 * the Undo of deleting 1,000 cards of 2,000 characters (2,951,595 bytes) closed the page's
 * socket with 4413: the page showed the cards back, and the server never had them.
 */
export const BULK_DELETE_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/** Refuses a deletion whose Undo would be too large for the server to take (BULK_DELETE_BYTES). */
function checkUndoFits(doc: Y.Doc, ids: readonly string[]): void {
  const { found } = present(doc, ids);
  let bytes = 0;
  for (const { card } of found) bytes += encoder.encode(JSON.stringify(card.toJSON())).length;
  if (bytes <= BULK_DELETE_BYTES) return;
  const mb = (n: number) => (n / 1_000_000).toFixed(1);
  const fits = Math.max(1, Math.floor((found.length * BULK_DELETE_BYTES) / bytes));
  throw new BoardError(
    'too_large',
    `these ${found.length.toLocaleString('en')} cards hold ${mb(bytes)} MB, and an Undo could bring back at most ` +
      `${mb(BULK_DELETE_BYTES)} MB at once: delete fewer at a time (about ${fits})`,
  );
}

/**
 * Deletes the cards; their comments stay (as deleteCard's), so an undo brings them back. Cards
 * too large to bring back in one Undo are refused (BULK_DELETE_BYTES), before anything changes.
 */
export function deleteCards(
  doc: Y.Doc,
  cardIds: readonly string[],
  ctx: CommandContext,
): BulkResult {
  const ids = parseInput(cardIdsInput, cardIds);
  checkUndoFits(doc, ids);
  return transact(doc, 'deleteCards', ctx, () => {
    const { found, missing } = present(doc, ids);
    for (const { id } of found) cardsMap(doc).delete(id);
    return { changed: found.map((c) => c.id), missing };
  });
}
