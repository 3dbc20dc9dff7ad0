/** What the commands on cards share (commands/cards, commands/bulkCards); not exported further. */
import type * as Y from 'yjs';
import { isValidRank } from '../rank';
import { CARD_KEYS as K, type CardMap, type ColumnId, cardsMap, isPos } from '../schema';
import type { CommandScope } from '../transact';

/** Marks the card as changed by the command's actor, now. */
export function touch(card: CardMap, scope: CommandScope): void {
  card.set(K.updatedBy, scope.actor);
  card.set(K.updatedAt, scope.now);
}

/** The highest valid rank in a column: one pass, no sort, so appending stays linear. */
export function lastRank(doc: Y.Doc, column: ColumnId): string | null {
  let last: string | null = null;
  cardsMap(doc).forEach((card) => {
    const pos = card.get(K.pos);
    if (isPos(pos) && pos.column === column && isValidRank(pos.rank)) {
      if (last === null || pos.rank > last) last = pos.rank;
    }
  });
  return last;
}
