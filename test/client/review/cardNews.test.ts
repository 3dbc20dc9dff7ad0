/** What a reader of an open card hears of colleagues' changes (useCardNews's cardNews). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  assignCard,
  initBoard,
  moveCard,
  readBoard,
  setVerdict,
} from '../../../shared/board';
import { cardNews } from '../../../client/card/useCardNews';

const ana = { actor: { id: 'inv-ana', name: 'Ana' } };
const bo = { actor: { id: 'inv-bo', name: 'Bo' } };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Budget' }, ana);
  const id = addClaim(doc, { claim: 'The deficit halved in 2024' }, ana);
  const read = () => readBoard(doc).cards[id]!;
  return { doc, id, read };
}

describe('cardNews', () => {
  it("tells a colleague's comment, reply, move, verdict and taking the card", () => {
    const { doc, id, read } = board();
    const thread = addComment(doc, id, { text: 'Source?' }, ana);
    const was = read();
    addComment(doc, id, { text: 'The budget office, table 3', parentId: thread }, bo);
    addComment(doc, id, { text: 'Also check 2023' }, bo);
    moveCard(doc, id, { column: 'corroborated', index: 0 }, bo);
    setVerdict(doc, id, 'True', undefined, bo);
    assignCard(doc, id, bo.actor, bo);
    // The two comments were posted in the same millisecond: their order is the ids'.
    expect(cardNews(was, read(), ana.actor).sort()).toEqual([
      'Bo commented: “Also check 2023”.',
      'Bo is now checking this card.',
      'Bo moved this card to Corroborated.',
      'Bo replied: “The budget office, table 3”.',
    ]);
  });

  it("says nothing of the reader's own changes, and a verdict alone is told", () => {
    const { doc, id, read } = board();
    const was = read();
    addComment(doc, id, { text: 'mine' }, ana);
    assignCard(doc, id, ana.actor, ana);
    expect(cardNews(was, read(), ana.actor)).toEqual([]);
    const then = read();
    setVerdict(doc, id, 'Unproven', undefined, bo);
    expect(cardNews(then, read(), ana.actor)).toEqual(['Bo set the verdict to Unproven.']);
    const given = read();
    assignCard(doc, id, { id: 'inv-cy', name: 'Cy' }, bo);
    expect(cardNews(given, read(), ana.actor)).toEqual(['Bo gave this card to Cy.']);
  });
});
