/** The notice a board change brings when it holds new mentions of the reader. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, addComment, createBoardReader, editComment } from '../../../shared/board';
import { awaitingMeReader } from '../../../client/review/threadsAwaitingMe';
import { mentionNotice } from '../../../client/review/useMentionNotices';

const LEA = { id: 'lea', name: 'Lea Park' };
const EDDIE = { id: 'eddie', name: 'Eddie Stone' };
const awaiting = awaitingMeReader(LEA.id, { names: ['Lea Park'], myNames: ['Lea Park'] });

describe('mentionNotice', () => {
  it('names the colleague and the card for one new mention, counts several, and repeats none', () => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, { actor: EDDIE });
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, { actor: EDDIE });
    const first = reader.read();
    const c1 = addComment(doc, a, { text: '@Lea Park source?' }, { actor: EDDIE });
    const second = reader.read();
    expect(mentionNotice(first.cards, second, awaiting)).toEqual({
      kind: 'one',
      text: 'Eddie Stone mentioned you on “Rents rose 30% in 2024”',
      cardId: a,
    });

    // A change elsewhere on the card does not repeat it.
    addComment(doc, a, { text: 'Still looking.' }, { actor: EDDIE });
    const third = reader.read();
    expect(mentionNotice(second.cards, third, awaiting)).toBeNull();

    // Editing the mention makes it news again, with a mention on another card.
    editComment(doc, c1, '@Lea Park the source, please', { actor: EDDIE });
    addComment(doc, b, { text: 'And here, @Lea Park' }, { actor: EDDIE });
    expect(mentionNotice(third.cards, reader.read(), awaiting)).toEqual({
      kind: 'many',
      text: 'You were mentioned in 2 comments',
    });
  });

  it('as the board first loads, tells only the mentions made since it was last on screen', () => {
    const doc = new Y.Doc();
    const at = (now: number) => ({ actor: EDDIE, now: () => now });
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, at(1_000));
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, at(1_000));
    addComment(doc, a, { text: '@Lea Park seen before you left' }, at(2_000));
    const opened = createBoardReader(doc).read();
    expect(mentionNotice({}, opened, awaiting, 5_000)).toBeNull();
    // Never seen here: every mention waiting for an answer is news.
    expect(mentionNotice({}, opened, awaiting, -Infinity)?.text).toBe(
      'While you were away, Eddie Stone mentioned you on “Rents rose 30% in 2024”',
    );

    addComment(doc, b, { text: '@Lea Park while you were out' }, at(6_000));
    const later = createBoardReader(doc).read();
    expect(mentionNotice({}, later, awaiting, 5_000)).toEqual({
      kind: 'one',
      text: 'While you were away, Eddie Stone mentioned you on “Crime fell 10%”',
      cardId: b,
    });
    addComment(doc, a, { text: 'and @Lea Park again' }, at(7_000));
    expect(mentionNotice({}, createBoardReader(doc).read(), awaiting, 5_000)?.text).toBe(
      'While you were away, you were mentioned in 2 comments',
    );
  });
});
