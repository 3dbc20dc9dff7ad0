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
});
