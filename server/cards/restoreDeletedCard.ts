/**
 * Restoring a deleted card (POST /api/boards/:id/cards/:cardId/restore). The live doc no
 * longer holds a deleted card's content (Yjs drops it), but storage holds every update
 * (DESIGN §3): the board as it was just before the card's last deletion has it, with its
 * evidence, verdict and rationale; its comments never left the live doc. The card goes back
 * with its own id, so its history reads on: added, …, deleted, restored.
 *
 * Evidence the restorer had added to the card while it was being deleted, which the board
 * never kept, goes back in the same change (`readded`): one transaction, so nobody sees the card
 * back without it, and its history says who added it.
 *
 * The old board is built in a worker thread (readCardInWorker): for a 10,000-card board that
 * takes about a second, which the event loop, and every room's sync, never waits for.
 *
 * A restore whose `signal` aborts (its client went away) before the card is written back is
 * cancelled: it leaves the queue for a board thread, or has its thread stopped, and changes
 * nothing. The change itself is one transaction: it happens whole or not at all.
 */
import type { Actor } from '../../shared/board/actor';
import { restoreCard } from '../../shared/board/commands/cards';
import type { ReaddedEvidenceInput } from '../../shared/board/inputs';
import { readOneCard } from '../../shared/board/readBoard';
import type { CardView } from '../../shared/board/view';
import { HttpError } from '../errors';
import { MAX_HISTORY_PAGE, type Storage } from '../storage/Storage';
import type { SyncServer } from '../sync/SyncServer';
import type { BoardWorkers } from '../workers/createBoardWorkers';
import { readCardInWorker } from './readCardInWorker';

export interface RestoreDeps {
  readonly storage: Storage;
  readonly syncServer: SyncServer;
  readonly boardWorkers: BoardWorkers;
}

/** The card as it was just before its last deletion, or null when history has none. */
async function cardBeforeDeletion(
  deps: RestoreDeps,
  boardId: string,
  cardId: string,
  signal: AbortSignal | undefined,
): Promise<CardView | null> {
  // The card's latest events, oldest first: its last deletion is among them.
  const { events } = await deps.storage.listHistory(boardId, { cardId, limit: MAX_HISTORY_PAGE });
  const deletion = events.findLast((e) => e.type === 'card.deleted');
  if (!deletion) return null;
  // A batch's updates are stored with the time its history carries: everything before it.
  const load = () => deps.storage.loadContentAt(boardId, deletion.at - 1);
  return readCardInWorker(deps.boardWorkers, load, cardId, signal);
}

export async function restoreDeletedCard(
  deps: RestoreDeps,
  boardId: string,
  actor: Actor,
  cardId: string,
  options: {
    readonly readded?: readonly ReaddedEvidenceInput[];
    readonly signal?: AbortSignal;
  } = {},
): Promise<CardView> {
  const { readded = [], signal } = options;
  const card = await cardBeforeDeletion(deps, boardId, cardId, signal);
  if (!card) throw new HttpError(404, 'card_not_found', 'no deleted card with this id');
  // The card as it reads once restored (with its comments), from the same change.
  return deps.syncServer.change(
    boardId,
    actor,
    (doc) => {
      // Checked inside the change, the last moment before the board is written (the board may
      // have had to load): throwing here leaves it untouched.
      signal?.throwIfAborted();
      restoreCard(doc, card, { actor }, readded);
      return readOneCard(doc, cardId) as CardView; // written just above, in this transaction
    },
    // Reading the card before its deletion takes a while: refused if the restorer lost the
    // right to edit meanwhile.
    { intent: { restoresCard: cardId, readdsEvidence: readded }, requires: 'editBoard' },
  );
}
