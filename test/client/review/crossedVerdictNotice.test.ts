/** The notice for a move and a verdict that crossed, to the person whose change is one half. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, createBoardReader, moveCard, setVerdict } from '../../../shared/board';
import type { FollowedChange } from '../../../client/review/colleagueNotice';
import { crossedVerdictNotice, newlyMisfit } from '../../../client/review/crossedVerdictNotice';

const LEA = { id: 'lea', name: 'Lea Park' };
const EDDIE = { id: 'eddie', name: 'Eddie Stone' };
const BO = { id: 'bo', name: 'Bo Lind' };
const lea = { meId: LEA.id, awaitingMe: () => [] };

/** Two Disputed cards, and what the history would hold of their move and verdict. */
function setup() {
  const doc = new Y.Doc();
  const reader = createBoardReader(doc);
  const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, { actor: LEA });
  const b = addClaim(doc, { claim: 'Crime fell 10%' }, { actor: LEA });
  for (const id of [a, b]) moveCard(doc, id, { column: 'disputed', index: 0 }, { actor: LEA });
  const before = reader.read();
  let seq = 0;
  const moved = (cardId: string, actor: typeof LEA, to = 'corroborated') => ({
    seq: ++seq,
    cardId,
    type: 'card.moved',
    actor,
    at: seq * 1_000,
    data: { from: 'disputed', to },
  });
  const set = (cardId: string, actor: typeof LEA, verdict = 'False') => ({
    seq: ++seq,
    cardId,
    type: 'verdict.set',
    actor,
    at: seq * 1_000,
    data: { verdict, from: null },
  });
  /**
   * Both cards crossed as the merge keeps them: Lea gives them "False" while Eddie, on another
   * replica, moves them to Corroborated.
   */
  const cross = () => {
    const eddie = new Y.Doc();
    Y.applyUpdate(eddie, Y.encodeStateAsUpdate(doc));
    for (const id of [a, b]) {
      setVerdict(doc, id, 'False', undefined, { actor: LEA });
      moveCard(eddie, id, { column: 'corroborated', index: 0 }, { actor: EDDIE });
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(eddie));
    return reader.read();
  };
  return { doc, a, b, before, cross, moved, set, reader };
}

describe('newlyMisfit', () => {
  it('finds the cards whose verdict stopped fitting their column in this change', () => {
    const { a, b, before, cross } = setup();
    const after = cross();
    expect(newlyMisfit(before.cards, after, lea).map((c) => c.id)).toEqual([a, b]);
    // Already misfit before: no news again.
    expect(newlyMisfit(after.cards, after, lea)).toEqual([]);
    // The card whose dialog is open: the dialog says so itself.
    const following = (id: string, change: FollowedChange) => id === a && change === 'other';
    expect(newlyMisfit(before.cards, after, { ...lea, following }).map((c) => c.id)).toEqual([b]);
  });

  it('leaves out a card whose verdict fits, or that has none', () => {
    const { doc, a, before, reader } = setup();
    setVerdict(doc, a, 'False', undefined, { actor: EDDIE });
    expect(newlyMisfit(before.cards, reader.read(), lea)).toEqual([]);
    const set = reader.read();
    moveCard(doc, a, { column: 'corroborated', index: 0, verdict: 'True' }, { actor: EDDIE });
    expect(newlyMisfit(set.cards, reader.read(), lea)).toEqual([]);
  });
});

describe('crossedVerdictNotice', () => {
  it('tells her verdict crossed by a colleague’s move, and her move crossed by his verdict', () => {
    const { a, before, cross, moved, set } = setup();
    const after = cross();
    const [card] = newlyMisfit(before.cards, after, lea);
    expect(crossedVerdictNotice([card!], [set(a, LEA), moved(a, EDDIE)], after, lea)).toEqual({
      kind: 'one',
      text: 'Eddie Stone moved “Rents rose 30% in 2024” to Corroborated while you set “False”: pick its verdict again',
      cardId: a,
    });
    expect(crossedVerdictNotice([card!], [moved(a, LEA), set(a, EDDIE)], after, lea)).toEqual({
      kind: 'one',
      text: 'Eddie Stone set “False” on “Rents rose 30% in 2024” while you moved it to Corroborated: pick its verdict again',
      cardId: a,
    });
  });

  it('reads the latest move into its column and the latest setting of its verdict', () => {
    const { a, cross, moved, set } = setup();
    const after = cross();
    const card = after.cards[a]!;
    const events = [moved(a, EDDIE), set(a, EDDIE), moved(a, LEA, 'unverified'), set(a, LEA)];
    expect(crossedVerdictNotice([card], events, after, lea)?.text).toBe(
      'Eddie Stone moved “Rents rose 30% in 2024” to Corroborated while you set “False”: pick its verdict again',
    );
    // Another label set last was not the one the card has.
    expect(crossedVerdictNotice([card], [...events, set(a, EDDIE, 'True')], after, lea)?.text).toBe(
      'Eddie Stone moved “Rents rose 30% in 2024” to Corroborated while you set “False”: pick its verdict again',
    );
  });

  it('says “a colleague” when the other half is not in the history read', () => {
    const { a, cross, moved, set } = setup();
    const after = cross();
    const card = after.cards[a]!;
    expect(crossedVerdictNotice([card], [moved(a, LEA)], after, lea)?.text).toBe(
      'A colleague set “False” on “Rents rose 30% in 2024” while you moved it to Corroborated: pick its verdict again',
    );
    expect(crossedVerdictNotice([card], [set(a, LEA)], after, lea)?.text).toBe(
      'A colleague moved “Rents rose 30% in 2024” to Corroborated while you set “False”: pick its verdict again',
    );
  });

  it('says nothing when both halves are hers, neither is, or the card fits again', () => {
    const { doc, a, cross, moved, set, reader } = setup();
    const after = cross();
    const card = after.cards[a]!;
    expect(crossedVerdictNotice([card], [moved(a, LEA), set(a, LEA)], after, lea)).toBeNull();
    expect(crossedVerdictNotice([card], [moved(a, BO), set(a, EDDIE)], after, lea)).toBeNull();
    // The history could not be read: nobody can say her change crossed.
    expect(crossedVerdictNotice([card], [], after, lea)).toBeNull();
    setVerdict(doc, a, 'True', undefined, { actor: EDDIE });
    const fixed = reader.read();
    expect(crossedVerdictNotice([card], [moved(a, LEA), set(a, EDDIE)], fixed, lea)).toBeNull();
  });

  it('gives several cards one notice, naming the colleague when there is one', () => {
    const { a, b, before, cross, moved, set } = setup();
    const after = cross();
    const cards = newlyMisfit(before.cards, after, lea);
    const events = [set(a, LEA), set(b, LEA), moved(a, EDDIE), moved(b, EDDIE)];
    expect(crossedVerdictNotice(cards, events, after, lea)).toEqual({
      kind: 'misfits',
      text: 'Eddie Stone crossed your changes on 2 cards: their verdicts are no labels of their columns, pick them again',
    });
    expect(crossedVerdictNotice(cards, [...events, moved(b, BO)], after, lea)?.text).toBe(
      'Colleagues crossed your changes on 2 cards: their verdicts are no labels of their columns, pick them again',
    );
    // One of them both hers: the other alone is told.
    expect(crossedVerdictNotice(cards, [...events, moved(b, LEA)], after, lea)?.kind).toBe('one');
  });
});
