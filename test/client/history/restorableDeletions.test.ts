/** Which deletions in the Activity feed offer "Restore". */
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../client/history/historyEvent';
import { restorableDeletions } from '../../../client/history/restorableDeletions';

const ED = { id: 'ed', name: 'Ed' };
let seq = 0;
const event = (type: string, cardId: string | null): HistoryEvent => ({
  seq: ++seq,
  cardId,
  type,
  actor: ED,
  at: seq,
  data: {},
});

describe('restorableDeletions', () => {
  it("offers each card's latest deletion, and none from before the board was imported", () => {
    const oldA = event('card.deleted', 'a');
    const importedB = event('card.deleted', 'b');
    const imported = event('board.imported', null);
    const newA = event('card.deleted', 'a');
    const c = event('card.deleted', 'c');
    const moved = event('card.moved', 'd');
    // Newest first, as the feed holds them.
    const feed = [moved, c, newA, imported, importedB, oldA];
    expect([...restorableDeletions(feed)].sort()).toEqual([c.seq, newA.seq].sort());
    // Without the import, b's deletion and only a's latest are offered.
    const plain = [moved, c, newA, importedB, oldA];
    expect([...restorableDeletions(plain)].sort()).toEqual([c.seq, newA.seq, importedB.seq].sort());
  });

  it('offers no deletion of a card that came back since', () => {
    const deleted = event('card.deleted', 'a');
    const back = event('card.restored', 'a');
    const other = event('card.deleted', 'b');
    expect([...restorableDeletions([other, back, deleted])]).toEqual([other.seq]);
    // Deleted again after it came back: that latest deletion is offered.
    const again = event('card.deleted', 'a');
    expect([...restorableDeletions([again, other, back, deleted])].sort()).toEqual(
      [again.seq, other.seq].sort(),
    );
  });
});
