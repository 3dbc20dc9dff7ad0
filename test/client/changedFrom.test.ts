/**
 * What the colleague notices look at after a change (useColleagueNotices): the cards the
 * change touched, as the board reader names them (changedFrom), not every card of the board.
 * On the bigboard bench's 1,000 cards, passes over every card at each of a colleague's 50
 * moves allocated 2.4 MB. Counted here: the cards looked at, and that what is found among them
 * is what a pass over every card finds.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  assignCard,
  type BoardView,
  createBoardReader,
  deleteCard,
  moveCard,
  setVerdict,
} from '../../shared/board';
import { changedFrom } from '../../client/board/changedCards';
import { checkedCardsGone } from '../../client/review/colleagueNotice';
import { newlyMisfit } from '../../client/review/crossedVerdictNotice';
import { bigBoardUpdate } from '../e2e/support/bigBoard';

const CARDS = 1_000;
const LEA = { id: 'lea', name: 'Lea Park' };
const EDDIE = { id: 'eddie', name: 'Eddie Stone' };
const lea = { meId: LEA.id, awaitingMe: () => [] };

/** A board of 1,000 cards, with one of Disputed's and one of Unverified's Lea's. */
function setup() {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bigBoardUpdate(CARDS));
  const reader = createBoardReader(doc);
  const { disputed, unverified } = reader.read().columns;
  const [mine, checked, other] = [disputed[0], unverified[0], unverified[1]] as string[];
  for (const id of [mine, checked]) assignCard(doc, id as string, LEA, { actor: LEA });
  return { doc, reader, mine: mine!, checked: checked!, other: other!, before: reader.read() };
}

describe('changedFrom', () => {
  it("gives a colleague's change's cards only, with what a pass over every card finds", () => {
    const { doc, reader, mine, checked, other, before } = setup();
    expect(Object.keys(before.cards)).toHaveLength(CARDS);
    // Lea says "False" while Eddie, elsewhere, moves the card to Corroborated (crossed: the
    // verdict no longer fits), and deletes the other card she checks.
    const eddie = new Y.Doc();
    Y.applyUpdate(eddie, Y.encodeStateAsUpdate(doc));
    setVerdict(doc, mine, 'False', undefined, { actor: LEA });
    moveCard(eddie, mine, { column: 'corroborated', index: 0 }, { actor: EDDIE });
    deleteCard(eddie, checked, { actor: EDDIE });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(eddie));
    const after = reader.read();

    const changed = changedFrom(before, after, reader.changedCards);
    expect(Object.keys(changed).sort()).toEqual([mine, checked].sort());
    expect(changed[mine]).toBe(before.cards[mine]);
    expect(checkedCardsGone(changed, after, LEA.id).map((c) => c.id)).toEqual([checked]);
    expect(checkedCardsGone(before.cards, after, LEA.id).map((c) => c.id)).toEqual([checked]);
    expect(newlyMisfit(changed, after, lea).map((c) => c.id)).toEqual([mine]);
    expect(newlyMisfit(before.cards, after, lea).map((c) => c.id)).toEqual([mine]);
    expect(changed[other]).toBeUndefined();
  });

  it('gives every card when the reader cannot say which changed', () => {
    const { doc, reader, mine, before } = setup();
    moveCard(doc, mine, { column: 'corroborated', index: 0 }, { actor: EDDIE });
    const after = reader.read();
    // Views of another reader: it cannot tell what changed between them.
    const cannotTell = (from: BoardView, to: BoardView) =>
      createBoardReader(doc).changedCards(from, to);
    expect(changedFrom(before, after, cannotTell)).toBe(before.cards);
    // The same view twice: nothing changed.
    expect(Object.keys(changedFrom(after, after, reader.changedCards))).toEqual([]);
  });
});
