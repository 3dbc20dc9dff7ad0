// What the dialog of a card deleted while open says of this person's work gone with it, which
// the lost-edit notices under the board's header list.
import { describe, expect, it } from 'vitest';
import { lostWithCard, lostWithCardPointer } from '../../client/board/lostWithCard';
import type { LostEditNotice } from '../../client/sync/LostEditNotices';

const gone = {
  cardDeleted: true,
  evidenceId: null,
  claim: 'The bridge cost $4 million',
  evidence: null,
  comments: 0,
  client: 2,
  clock: 7,
  by: null,
} as const;
const notices: LostEditNotice[] = [
  { ...gone, seq: 1, cardId: 'c1', field: 'verdict', mine: 'False' },
  { ...gone, seq: 2, cardId: 'c1', field: 'rationale', mine: 'The audit says $5 million' },
  // A comment posted on it is kept, and comes back with the card: not lost.
  { ...gone, seq: 3, cardId: 'c1', field: 'comment', commentId: 'k1', mine: 'Asked the city' },
  { ...gone, seq: 4, cardId: 'c2', field: 'speaker', mine: 'The mayor' },
  // A write replaced by a colleague's is not gone with the card.
  {
    seq: 5,
    cardId: 'c1',
    evidenceId: null,
    field: 'speaker',
    mine: 'The mayor',
    theirs: 'The council',
    byClient: 3,
    by: null,
  },
];

describe('lostWithCard', () => {
  it('finds the notices of work gone with the card, not a comment kept or a crossed write', () => {
    expect(lostWithCard(notices, 'c1').map((n) => n.seq)).toEqual([1, 2]);
    expect(lostWithCard(notices, 'c2').map((n) => n.seq)).toEqual([4]);
    expect(lostWithCard(notices, 'c3')).toEqual([]);
  });

  it('points to them, with Restore the card for who may restore it; nothing when there are none', () => {
    expect(lostWithCardPointer(2, true)).toBe(
      'Your changes to it that the board did not keep are listed on the board, under its header, with Restore the card.',
    );
    expect(lostWithCardPointer(1, true)).toBe(
      'Your change to it that the board did not keep is listed on the board, under its header, with Restore the card.',
    );
    expect(lostWithCardPointer(1, false)).toBe(
      'Your change to it that the board did not keep is listed on the board, under its header.',
    );
    expect(lostWithCardPointer(0, true)).toBeNull();
  });
});
