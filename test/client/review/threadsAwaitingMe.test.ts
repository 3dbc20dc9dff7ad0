/** Which comment threads wait for the local user's answer to an @mention. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  deleteComment,
  editComment,
  readBoard,
  resolveThread,
} from '../../../shared/board';
import { awaitingMeReader, threadsAwaitingMe } from '../../../client/review/threadsAwaitingMe';

const LEA = { id: 'lea', name: 'Lea Park' };
const EDDIE = { id: 'eddie', name: 'Eddie Stone' };
const mentions = { names: ['Lea Park', 'Lea Parker', 'Eddie Stone'], myNames: ['Lea Park'] };

function setup() {
  const doc = new Y.Doc();
  let clock = 1_000;
  const as = (actor: typeof LEA) => ({ actor, now: () => (clock += 1_000) });
  const cardId = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, as(EDDIE));
  const waiting = () => threadsAwaitingMe(readBoard(doc).cards[cardId]!, LEA.id, mentions).length;
  return { doc, cardId, as, waiting };
}

describe('threadsAwaitingMe', () => {
  it('counts a thread where a colleague mentioned me until I reply in it', () => {
    const { doc, cardId, as, waiting } = setup();
    const root = addComment(doc, cardId, { text: '@Lea Park can you check the 30%?' }, as(EDDIE));
    expect(waiting()).toBe(1);
    addComment(doc, cardId, { text: 'On it.', parentId: root }, as(LEA));
    expect(waiting()).toBe(0);
    addComment(doc, cardId, { text: 'Thanks @lea park, and the 2024?', parentId: root }, as(EDDIE));
    expect(waiting()).toBe(1);
    const [latest] = threadsAwaitingMe(readBoard(doc).cards[cardId]!, LEA.id, mentions);
    expect(latest?.text).toBe('Thanks @lea park, and the 2024?');
  });

  it('counts each open thread once, and none that is resolved', () => {
    const { doc, cardId, as, waiting } = setup();
    const first = addComment(doc, cardId, { text: '@Lea Park source?' }, as(EDDIE));
    addComment(doc, cardId, { text: 'Also @Lea Park: the date.' }, as(EDDIE));
    addComment(doc, cardId, { text: '@Lea Park again', parentId: first }, as(EDDIE));
    expect(waiting()).toBe(2);
    resolveThread(doc, first, true, as(EDDIE));
    expect(waiting()).toBe(1);
  });

  it('ignores other names, my own mentions of myself and deleted comments', () => {
    const { doc, cardId, as, waiting } = setup();
    addComment(doc, cardId, { text: '@Lea Parker please look' }, as(EDDIE));
    addComment(doc, cardId, { text: 'note to self @Lea Park' }, as(LEA));
    addComment(doc, cardId, { text: 'email lea@park.org' }, as(EDDIE));
    const gone = addComment(doc, cardId, { text: '@Lea Park wrong card' }, as(EDDIE));
    expect(waiting()).toBe(1);
    deleteComment(doc, gone, as(EDDIE));
    expect(waiting()).toBe(0);
  });

  it('counts a mention added by editing a comment after my reply', () => {
    const { doc, cardId, as, waiting } = setup();
    const root = addComment(doc, cardId, { text: 'Who checks this?' }, as(EDDIE));
    addComment(doc, cardId, { text: 'Not me yet.', parentId: root }, as(LEA));
    expect(waiting()).toBe(0);
    editComment(doc, root, 'Who checks this? @Lea Park', as(EDDIE));
    expect(waiting()).toBe(1);
  });
});

describe('awaitingMeReader', () => {
  it('reads a card again only when the board gives a new object for it', () => {
    const { doc, cardId, as } = setup();
    const count = awaitingMeReader(LEA.id, mentions);
    addComment(doc, cardId, { text: '@Lea Park?' }, as(EDDIE));
    const card = readBoard(doc).cards[cardId]!;
    expect(count(card)).toHaveLength(1);
    // A counter made for other names answers for those names.
    expect(awaitingMeReader(LEA.id, { ...mentions, myNames: ['Lea'] })(card)).toHaveLength(0);
    expect(count(card)).toHaveLength(1);
  });
});
