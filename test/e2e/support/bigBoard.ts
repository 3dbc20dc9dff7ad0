/**
 * A board of many realistic cards for the browser tests and bench: bench/sync/cardModel's
 * cards (100-character claim, 300-character sentence, two comments), with every card given a
 * rank of the board model's current key format, in the generator's order, so moves between
 * them behave as on a board people filled.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap, COLUMNS, isPos, rankBetween } from '../../../shared/board';
import { buildBoard } from '../../../bench/sync/cardModel';

/** One update holding `cards` cards spread over the three columns. */
export function bigBoardUpdate(cards: number): Uint8Array {
  const doc = new Y.Doc();
  for (const update of buildBoard(cards).updates) Y.applyUpdate(doc, update);
  doc.transact(() => {
    for (const column of COLUMNS) {
      const inColumn: { id: string; order: string; card: Y.Map<unknown> }[] = [];
      cardsMap(doc).forEach((card, id) => {
        const pos = card.get(CARD_KEYS.pos);
        if (isPos(pos) && pos.column === column) inColumn.push({ id, order: pos.rank, card });
      });
      inColumn.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      let last: string | null = null;
      for (const { card } of inColumn) {
        last = rankBetween(last, null);
        card.set(CARD_KEYS.pos, { column, rank: last });
      }
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
