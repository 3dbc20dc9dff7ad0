/**
 * The commands on several cards at once (moveCards, assignCards, deleteCards) among this
 * browser's changes not yet confirmed stored. Should the server refuse them, the "Not saved"
 * list tells each as one change ("Moved 1,000 cards to Disputed"), not card by card: read
 * from the Yjs items alone, a move of 1,000 cards was 1,000 entries and 135,891 bytes in
 * localStorage (found by QA). Noted as the transaction ends (its origin names the command),
 * kept with the save record (SaveTracker) until the server confirms it. An Undo or Redo of such a
 * command is one change as well ("Undid the move of 1,000 cards"): its transaction's origin is
 * the undo manager, whose step being applied names the command.
 */
import * as Y from 'yjs';
import {
  BULK_LIMIT,
  CARD_KEYS,
  cardsMap,
  type CommandName,
  CommandOrigin,
  isPos,
} from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { commandOf } from './BoardUndo';
import type { Removal } from './removalsIn';

const BULK_COMMANDS = ['moveCards', 'assignCards', 'deleteCards'] as const;
type BulkCommand = (typeof BULK_COMMANDS)[number];
const isBulk = (c: CommandName): c is BulkCommand =>
  (BULK_COMMANDS as readonly string[]).includes(c);

/** The card field each command writes, whose items tell which cards it changed. */
export const BULK_FIELD: Readonly<Record<BulkCommand, string | null>> = {
  moveCards: CARD_KEYS.pos,
  assignCards: CARD_KEYS.assignee,
  deleteCards: null,
};

/** How many claims a bulk change quotes: the rest is counted ("and 997 more"). */
export const BULK_QUOTED = 3;

/** One command on several cards, as plain data (ids and a short label) for localStorage. */
export interface BulkNote {
  readonly command: BulkCommand;
  /** The cards it changed (at most BULK_LIMIT). */
  readonly cardIds: readonly string[];
  /** Where they went (a column's label), who was assigned (a name, or null), '' for a delete. */
  readonly label: string | null;
  /** The first claims of a deletion, clipped (deleted cards are not on the board to read). */
  readonly claims: readonly string[];
  /**
   * An Undo of the command: its cards are back as they were (a deletion's on the board again).
   * A Redo is noted as the command itself.
   */
  readonly undone?: true;
  /** This browser's Yjs client id, and the clocks its items took: [clock, end). */
  readonly client: number;
  readonly clock: number;
  readonly end: number;
}

export function isBulkNote(value: unknown): value is BulkNote {
  const n = value as Partial<BulkNote> | null;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  return (
    typeof n?.command === 'string' &&
    isBulk(n.command) &&
    strings(n.cardIds) &&
    (n.cardIds?.length ?? 0) <= BULK_LIMIT &&
    (n.label === null || typeof n.label === 'string') &&
    strings(n.claims) &&
    (n.undone === undefined || n.undone === true) &&
    Number.isInteger(n.client) &&
    Number.isInteger(n.clock) &&
    Number.isInteger(n.end)
  );
}

/**
 * The bulk command a transaction ran: a command's own, or the one whose step an Undo or Redo
 * applies (the undo manager holds that step while its transaction runs).
 */
function bulkCommandIn(
  transaction: Y.Transaction,
): { command: BulkCommand; undone: boolean } | null {
  const origin: unknown = transaction.origin;
  const command =
    origin instanceof CommandOrigin
      ? origin.command
      : origin instanceof Y.UndoManager
        ? commandOf(origin.currStackItem)
        : null;
  if (command === null || !isBulk(command)) return null;
  return { command, undone: origin instanceof Y.UndoManager && origin.undoing };
}

/**
 * The bulk command a local transaction ran, if it ran one: call from its 'afterTransaction',
 * with what it removed (removalsIn), a deletion's cards.
 */
export function bulkNoteIn(
  transaction: Y.Transaction,
  doc: Y.Doc,
  removed: readonly Removal[],
): BulkNote | null {
  const bulk = bulkCommandIn(transaction);
  if (!bulk) return null;
  const { command } = bulk;
  const client = doc.clientID;
  const clock = transaction.beforeState.get(client) ?? 0;
  const end = transaction.afterState.get(client) ?? 0;
  if (bulk.undone) {
    const { cardIds } = changedCards(transaction, doc, BULK_FIELD[command]);
    if (cardIds.length === 0) return null;
    return { command, cardIds, label: null, claims: [], undone: true, client, clock, end };
  }
  if (command === 'deleteCards') {
    const gone = removed.filter((r) => r.evidenceId === null && r.commentId === undefined);
    if (gone.length === 0) return null;
    const claims = gone.slice(0, BULK_QUOTED).map((r) => r.claim);
    return { command, cardIds: gone.map((r) => r.cardId), label: '', claims, client, clock, end };
  }
  const { cardIds, values } = changedCards(transaction, doc, BULK_FIELD[command]);
  let label: string | null = null;
  for (const value of values) {
    if (command === 'moveCards' && isPos(value)) label = COLUMN_LABELS[value.column];
    if (command === 'assignCards') {
      const who = value as { name?: unknown } | null;
      label = typeof who?.name === 'string' ? who.name : null;
    }
  }
  if (cardIds.length === 0) return null;
  return { command, cardIds, label, claims: [], client, clock, end };
}

/**
 * The cards whose `field` the transaction wrote, and the values it left there; with no field,
 * the cards it wrote whole that are on the board (an Undo of a deletion brings them back).
 */
function changedCards(
  transaction: Y.Transaction,
  doc: Y.Doc,
  field: string | null,
): { cardIds: string[]; values: unknown[] } {
  const live = cardsMap(doc);
  const cards = live as unknown as Y.AbstractType<unknown>;
  const cardIds: string[] = [];
  const values: unknown[] = [];
  for (const [type, keys] of transaction.changed) {
    if (field === null) {
      if (type !== cards) continue;
      for (const key of keys) if (key !== null && live.has(key)) cardIds.push(key);
      continue;
    }
    const item = type._item;
    if (item?.parent !== cards || item.parentSub === null || !keys.has(field)) continue;
    cardIds.push(item.parentSub);
    values.push(type instanceof Y.Map ? type.get(field) : undefined);
  }
  return { cardIds, values };
}
