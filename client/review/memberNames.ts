/**
 * The names @mentions can match and the comment box suggests: everyone the board shows as
 * having done something (card, evidence and comment authors, assignees). useMentionNames adds
 * the local user, who is online, and the names on the board's invites.
 */
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import type { Actor } from '../../shared/board/actor';
import { COLUMNS, type BoardView, type CardView } from '../../shared/board';
import { type ChangedCards, tellChangedCards } from '../board/changedCards';
import { countKey } from '../board/countKey';

function namesOn(card: CardView): string[] {
  const names: string[] = [];
  const add = (actor: Actor | null) => {
    if (actor && actor.id !== SYSTEM_ACTOR.id && actor.name.trim()) names.push(actor.name.trim());
  };
  add(card.createdBy);
  add(card.updatedBy);
  add(card.assignee);
  for (const e of card.evidence) add(e.addedBy);
  for (const c of card.comments) {
    add(c.author);
    add(c.resolvedBy);
  }
  return names;
}

/**
 * The board's names, kept from one board view to the next by reading only the cards whose
 * object changed (the view keeps an unchanged card's object). The board page needs them at
 * every change, to count the mentions waiting for the reader; reading every card took about
 * 10 ms a change on a 10,000-card board with two comments per card, and finding the changed
 * objects among every card's 1-2 ms, which the reader's changedCards, when given, saves.
 */
export class MemberNameIndex {
  private board: BoardView | null = null;
  private readonly byCard = new Map<string, readonly string[]>();
  /** How many cards name each person. */
  private readonly counts = new Map<string, number>();
  private names: readonly string[] = [];

  /** The names, sorted; the same array while they stay the same. */
  read(board: BoardView, changedCards?: ChangedCards): readonly string[] {
    const last = this.board;
    this.board = board;
    if (board.cards === last?.cards) return this.names;
    let changed = false;
    const told =
      last !== null &&
      changedCards !== undefined &&
      tellChangedCards(last, board, changedCards, (_, after, id) => {
        changed = this.set(id, after ? namesOn(after) : []) || changed;
      });
    if (!told) changed = this.readEvery(board, last?.cards ?? {}) || changed;
    if (changed) this.names = [...this.counts.keys()].sort((a, b) => a.localeCompare(b));
    return this.names;
  }

  /** Reads the cards whose object is not `before`'s; whether the set of names changed. */
  private readEvery(board: BoardView, before: BoardView['cards']): boolean {
    let changed = false;
    let live = 0;
    // Every live card is in exactly one column (invariant B1): cheaper than Object.keys.
    for (const column of COLUMNS) {
      for (const id of board.columns[column]) {
        live++;
        const card = board.cards[id];
        if (card && card !== before[id]) changed = this.set(id, namesOn(card)) || changed;
      }
    }
    if (this.byCard.size > live) {
      for (const id of [...this.byCard.keys()]) {
        if (!board.cards[id]) changed = this.set(id, []) || changed;
      }
    }
    return changed;
  }

  /** Replaces a card's names; whether the set of names changed. */
  private set(id: string, names: readonly string[]): boolean {
    let changed = false;
    // New names first, so a name the card keeps never drops to zero on the way.
    for (const name of names) changed = countKey(this.counts, name, 1) || changed;
    for (const name of this.byCard.get(id) ?? []) {
      changed = countKey(this.counts, name, -1) || changed;
    }
    if (names.length > 0) this.byCard.set(id, names);
    else this.byCard.delete(id);
    return changed;
  }
}
