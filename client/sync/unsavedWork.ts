/**
 * What this browser changed on a board that the server does not have, in plain words with the
 * text to copy: what a person is shown when the server refuses their unsaved changes (a revoked
 * invite, or a role or client id that may no longer write), before this device's copy goes.
 *
 * Which changes: the Yjs items written with this browser's client ids from the first clock the
 * server has not stored (SaveTracker.unstoredFrom). Their values are read from the board as it
 * is now (readBoard), so a rationale typed three times is one entry with its last text.
 * A change that only removed something (a deleted card or evidence item) writes no item: what
 * it removed is noted as it happens (removalsIn), kept until the server confirms it
 * (SaveTracker), and listed by name.
 */
import * as Y from 'yjs';
import {
  type BoardView,
  CARD_KEYS,
  type CardView,
  cardsMap,
  type CommentView,
  commentsMap,
  COMMENT_KEYS,
  EVIDENCE_KEYS,
  type EvidenceView,
} from '../../shared/board';
import { typeIn } from '../../shared/board/typeIn';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { quoted as quoteText } from '../ui/quoted';
import { BULK_FIELD, BULK_QUOTED, type BulkNote } from './bulkNotes';
import type { Removal } from './removalsIn';

/** One change that was not saved, as shown and kept on this device (plain data). */
export interface UnsavedChange {
  /** Names what was changed (one per card field, evidence item or comment). */
  readonly key: string;
  /** What the change was, e.g. 'Moved “The bridge cost…” to Disputed'. */
  readonly what: string;
  /** The text the person wrote, to copy; null when there is none (a move, a verdict). */
  readonly text: string | null;
  /** For a new comment or reply: where to post it again (its text is `text`). */
  readonly comment?: { readonly cardId: string; readonly parentId: string | null };
  /** For an edit of a comment the server has: which one, to edit again (its text is `text`). */
  readonly edit?: { readonly commentId: string };
  /**
   * The card the change was made on, for a page that still shows it to mark that card; absent
   * for changes to no card ('Other changes'), and in lists kept before it was recorded.
   */
  readonly cardId?: string;
  /**
   * For a command on several cards (a bulk move, assignment or deletion), told as one change:
   * every card it changed (its `text` quotes the first few claims).
   */
  readonly cardIds?: readonly string[];
}

type Slot =
  | { readonly kind: 'card'; readonly cardId: string }
  | { readonly kind: 'field'; readonly cardId: string; readonly field: string }
  | { readonly kind: 'evidence'; readonly cardId: string; readonly evidenceId: string }
  | { readonly kind: 'comment'; readonly commentId: string; readonly field: string | null }
  | { readonly kind: 'other' };

const slotKey = (slot: Slot): string => {
  switch (slot.kind) {
    case 'card':
      return `card:${slot.cardId}`;
    case 'field':
      return `field:${slot.cardId}:${slot.field}`;
    case 'evidence':
      return `evidence:${slot.cardId}:${slot.evidenceId}`;
    case 'comment':
      if (slot.field === null) return `comment:${slot.commentId}`;
      return `comment:${slot.commentId}:${RESOLVE_KEYS.has(slot.field) ? 'resolved' : 'text'}`;
    case 'other':
      return 'other';
  }
};

/** A resolve writes both; any other write to a stored comment is an edit or a deletion. */
const RESOLVE_KEYS: ReadonlySet<string> = new Set([COMMENT_KEYS.resolved, COMMENT_KEYS.resolvedBy]);

const keyOf = (item: Y.Item): string | null => item.parentSub;
const parentItem = (type: unknown): Y.Item | null =>
  type instanceof Y.AbstractType ? type._item : null;

/** Which part of the board an item of this browser's belongs to. */
function slotOf(item: Y.Item, cards: Y.AbstractType<unknown>, comments: unknown): Slot | null {
  const parent = item.parent;
  const key = keyOf(item);
  if (parent === cards && key !== null) return { kind: 'card', cardId: key };
  if (parent === comments && key !== null) {
    return { kind: 'comment', commentId: key, field: null };
  }
  const owner = parentItem(parent);
  if (!owner) return { kind: 'other' };
  if (owner.parent === cards && owner.parentSub !== null && key !== null) {
    return { kind: 'field', cardId: owner.parentSub, field: key };
  }
  if (owner.parent === comments && owner.parentSub !== null) {
    return { kind: 'comment', commentId: owner.parentSub, field: key };
  }
  // An evidence item (a map in a card's `evidence` array), or one of its fields.
  const inList = (list: Y.Item | null, evidence: unknown): Slot | null => {
    const card = list && parentItem(list.parent);
    if (!list || list.parentSub !== CARD_KEYS.evidence || !card || card.parent !== cards) {
      return null;
    }
    const id = evidence instanceof Y.Map ? evidence.get(EVIDENCE_KEYS.id) : null;
    return typeof id === 'string' && card.parentSub !== null
      ? { kind: 'evidence', cardId: card.parentSub, evidenceId: id }
      : null;
  };
  const content = typeIn(item);
  return inList(owner, content) ?? inList(parentItem(owner.parent), parent) ?? { kind: 'other' };
}

/**
 * The card a bulk command's item changed: one whose field the command writes, or, for the Undo
 * of a deletion, a card it brought back.
 */
function bulkCardOf(note: BulkNote, slot: Slot | null): string | null {
  if (note.command === 'deleteCards') return slot?.kind === 'card' ? slot.cardId : null;
  return slot?.kind === 'field' && slot.field === BULK_FIELD[note.command] ? slot.cardId : null;
}

/**
 * The parts of the board that this browser's unstored items changed, in the order written; an
 * item a bulk command wrote goes instead to its note's cards (`bulkCards`, by note), which are
 * the cards whose move or assignment is still as that command left it.
 */
function changedSlots(
  doc: Y.Doc,
  unstoredFrom: ReadonlyMap<number, number>,
  bulk: readonly BulkNote[],
): { slots: Slot[]; bulkCards: Map<BulkNote, Set<string>> } {
  const cards = cardsMap(doc) as unknown as Y.AbstractType<unknown>;
  const comments = commentsMap(doc);
  const slots = new Map<string, Slot>();
  const bulkCards = new Map<BulkNote, Set<string>>(bulk.map((n) => [n, new Set()]));
  const noteOf = (item: Y.Item) =>
    bulk.find(
      (n) => n.client === item.id.client && item.id.clock >= n.clock && item.id.clock < n.end,
    );
  for (const [client, from] of unstoredFrom) {
    for (const struct of doc.store.clients.get(client) ?? []) {
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      if (struct.id.clock + struct.length <= from) continue;
      const slot = slotOf(struct, cards, comments);
      const note = noteOf(struct);
      if (note) {
        const cardId = bulkCardOf(note, slot);
        if (cardId !== null) bulkCards.get(note)?.add(cardId);
      } else if (slot && !slots.has(slotKey(slot))) slots.set(slotKey(slot), slot);
    }
  }
  return { slots: [...slots.values()], bulkCards };
}

const QUOTE_CHARS = 60;
const quoted = (text: string) => quoteText(text, QUOTE_CHARS);

/** An evidence item's words, to copy: its link, quote and note. */
const evidenceText = (e: EvidenceView): string =>
  [e.url, e.quote && `“${e.quote}”`, e.note].filter(Boolean).join('\n');

/**
 * What a card brought back by an Undo holds that the server no longer has (it stored the
 * deletion), in full, to copy: its claim, rationale and evidence.
 */
const cardText = (card: CardView | undefined): string =>
  card
    ? [card.claim, card.rationale, ...card.evidence.map(evidenceText)].filter(Boolean).join('\n')
    : '';

/**
 * A bulk command told as one change, its first claims quoted and the rest counted; the Undo of
 * a deletion with every card's words in full, which the server has not.
 */
function bulkChange(note: BulkNote, cardIds: readonly string[], board: BoardView): UnsavedChange {
  const n = cardIds.length;
  const cards = `${n.toLocaleString('en')} ${n === 1 ? 'card' : 'cards'}`;
  const what = (
    note.undone
      ? {
          moveCards: `Undid the move of ${cards}`,
          assignCards: `Undid the change of who checks ${cards}`,
          deleteCards: `Undid the deletion of ${cards}`,
        }
      : {
          moveCards: `Moved ${cards} to ${note.label}`,
          assignCards: note.label ? `Assigned ${cards} to ${note.label}` : `Unassigned ${cards}`,
          deleteCards: `You deleted ${cards} — not saved`,
        }
  )[note.command];
  // A deletion's cards are gone, their claims noted; others (an undone deletion's) are here.
  const claims =
    note.command === 'deleteCards' && !note.undone
      ? note.claims
      : cardIds.slice(0, BULK_QUOTED).map((id) => board.cards[id]?.claim ?? '');
  const more = n - claims.length;
  const lines = [
    ...claims.map((c) => quoted(c)),
    ...(more > 0 ? [`and ${more.toLocaleString('en')} more`] : []),
  ];
  return Object.freeze({
    key: `bulk:${note.client}:${note.clock}:${note.cardIds[0] ?? ''}`,
    what,
    text:
      note.command === 'deleteCards' && note.undone
        ? cardIds.map((id) => cardText(board.cards[id])).join('\n\n')
        : lines.join('\n'),
    cardId: cardIds[0],
    cardIds: Object.freeze([...cardIds]),
  });
}

/**
 * Describes this browser's unstored changes to `doc`, read from `board` (readBoard of it), and
 * the `removals` the server has not confirmed; a command on several cards (`bulk`, bulkNotes)
 * is one change, whatever the number of its cards.
 */
export function describeUnsaved(
  doc: Y.Doc,
  unstoredFrom: ReadonlyMap<number, number>,
  board: BoardView,
  removals: readonly Removal[] = [],
  bulk: readonly BulkNote[] = [],
): UnsavedChange[] {
  const { slots, bulkCards } = changedSlots(doc, unstoredFrom, bulk);
  // A new card or comment is told as a whole, not field by field.
  const newCards = new Set(slots.flatMap((s) => (s.kind === 'card' ? [s.cardId] : [])));
  const newComments = new Set(
    slots.flatMap((s) => (s.kind === 'comment' && s.field === null ? [s.commentId] : [])),
  );
  const commentById = new Map<string, CommentView>();
  for (const card of Object.values(board.cards)) {
    for (const c of card.comments) commentById.set(c.id, c);
  }
  const cardName = (cardId: string) => {
    const card = board.cards[cardId];
    return card ? quoted(card.claim) : 'a card no longer on the board';
  };
  const changes: UnsavedChange[] = [];
  const cardOf = (slot: Exclude<Slot, { kind: 'other' }>) =>
    slot.kind === 'comment' ? commentById.get(slot.commentId)?.cardId : slot.cardId;
  const add = (
    slot: Exclude<Slot, { kind: 'other' }>,
    what: string,
    text: string | null = null,
    more = {},
  ) =>
    changes.push(
      Object.freeze({
        key: slotKey(slot),
        what,
        text: text || null,
        cardId: cardOf(slot),
        ...more,
      }),
    );
  let other = false;
  for (const slot of slots) {
    if (slot.kind === 'other') {
      other = true;
      continue;
    }
    if (slot.kind === 'comment') {
      const comment = commentById.get(slot.commentId);
      if (!comment) continue;
      const on = cardName(comment.cardId);
      const thing = comment.parentId ? 'reply' : 'comment';
      if (slot.field === null) {
        // Written on this device: the server never had it, so it can be posted again.
        const { cardId, parentId } = comment;
        const where = { comment: Object.freeze({ cardId, parentId }) };
        add(slot, `${parentId ? 'Reply' : 'Comment'} on ${on}`, comment.text, where);
      } else if (newComments.has(slot.commentId)) {
        // Told as a whole, with its last text.
      } else if (RESOLVE_KEYS.has(slot.field)) {
        add(slot, `${comment.resolved ? 'Resolved' : 'Reopened'} a thread on ${on}`);
      } else if (comment.deletedAt !== null) {
        // Still on the board with its text, which the deletion noted (removalsIn).
        const was = removals.find((r) => r.commentId === comment.id)?.text;
        add(slot, `Deleted ${was ? `your ${thing} ${quoted(was)}` : `a ${thing}`} on ${on}`);
      } else {
        // Still on the board with its saved text: edited again, never posted as a second one.
        const edit = { edit: Object.freeze({ commentId: comment.id }) };
        add(slot, `Edited your ${thing} on ${on}`, comment.text, edit);
      }
      continue;
    }
    const card = board.cards[slot.cardId];
    if (slot.kind === 'card') {
      if (card) add(slot, 'Added a claim', card.claim);
      if (card?.rationale) add(slot, `Rationale on ${cardName(slot.cardId)}`, card.rationale);
      continue;
    }
    if (slot.kind === 'evidence') {
      const evidence = card?.evidence.find((e) => e.id === slot.evidenceId);
      if (!evidence) continue;
      add(slot, `Evidence on ${cardName(slot.cardId)}`, evidenceText(evidence));
      continue;
    }
    if (!card || newCards.has(slot.cardId)) continue;
    const name = cardName(slot.cardId);
    switch (slot.field) {
      case CARD_KEYS.claim:
        add(slot, 'Edited a claim', card.claim);
        break;
      case CARD_KEYS.rationale:
        add(slot, `Rationale on ${name}`, card.rationale);
        break;
      case CARD_KEYS.speaker:
        add(slot, `Speaker of ${name}`, card.speaker);
        break;
      case CARD_KEYS.verdict:
        add(
          slot,
          card.verdict
            ? `Verdict ${quoteText(card.verdict)} on ${name}`
            : `Cleared the verdict on ${name}`,
        );
        break;
      case CARD_KEYS.pos:
        add(slot, `Moved ${name} to ${COLUMN_LABELS[card.column]}`);
        break;
      case CARD_KEYS.assignee:
        add(
          slot,
          card.assignee ? `Assigned ${name} to ${card.assignee.name}` : `Unassigned ${name}`,
        );
        break;
      case CARD_KEYS.reviewUrl:
        add(slot, `Published fact-check address of ${name}`, card.reviewUrl);
        break;
    }
  }
  for (const note of bulk) {
    // A deletion's cards still gone; a move's or assignment's still as it left them, and an
    // undone deletion's still on the board.
    const ids =
      note.command === 'deleteCards' && !note.undone
        ? note.cardIds.filter((id) => !board.cards[id])
        : [...(bulkCards.get(note) ?? [])];
    if (ids.length > 0) changes.push(bulkChange(note, ids, board));
  }
  for (const r of removals) {
    // What this browser made and never saved, nobody else had; what is on the board again (an
    // Undo) is not gone. A comment's deletion is told with its comment, above.
    if (r.commentId !== undefined) continue;
    if ((unstoredFrom.get(r.client) ?? Infinity) <= r.clock) continue;
    const card = board.cards[r.cardId];
    const removed = (key: string, what: string) =>
      changes.push(Object.freeze({ key: `removed:${key}`, what, text: r.text, cardId: r.cardId }));
    if (r.evidenceId === null) {
      if (!card)
        removed(`card:${r.cardId}`, `You deleted the card ${quoteText(r.claim)} — not saved`);
    } else if (!card?.evidence.some((e) => e.id === r.evidenceId)) {
      const what = `You removed evidence from ${quoteText(r.claim)} — not saved`;
      removed(`evidence:${r.cardId}:${r.evidenceId}`, what);
    }
  }
  if (other)
    changes.push(Object.freeze({ key: 'other', what: 'Other changes to the board', text: null }));
  return changes;
}
