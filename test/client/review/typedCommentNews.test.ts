// What the comment list says of typed text whose comment went, read from a real board: whoever
// took the comment away is named, and a lead's redaction is told as one (QA20).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  deleteComment,
  initBoard,
  readBoard,
  redactComment,
} from '../../../shared/board';
import {
  editRedactedNews,
  replyGoneNews,
  replyRedactedNews,
} from '../../../client/review/typedCommentNews';

let tick = 1_700_000_000_000;
const now = () => ++tick;
const lea = { actor: { id: 'inv-lea', name: 'Lea' }, now };
const colin = { actor: { id: 'inv-colin', name: 'Colin' }, now };
const dana = { actor: { id: 'inv-dana', name: 'Dana' }, now };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Harbour' }, lea);
  const cardId = addClaim(doc, { claim: 'Harbour dredged 2 km' }, lea);
  const comments = () => readBoard(doc).cards[cardId]!.comments;
  return { doc, cardId, comments };
}

describe('replyGoneNews', () => {
  it('names the lead who redacted the comment replied to, not its author', () => {
    const { doc, cardId, comments } = board();
    const root = addComment(doc, cardId, { text: 'Colin secret' }, colin);
    redactComment(doc, root, lea);
    expect(replyGoneNews(comments(), root, colin.actor, 'inv-rhea')).toBe(
      'Lea redacted the text of the comment you were replying to, so your reply was not posted.',
    );
    expect(replyGoneNews(comments(), root, colin.actor, 'inv-colin')).toBe(
      'Lea redacted the text of the comment you were replying to, so your reply was not posted.',
    );
    expect(replyGoneNews(comments(), root, colin.actor, 'inv-lea')).toBe(
      'You redacted the text of the comment you were replying to in another tab or window, so your reply was not posted.',
    );
  });

  it('names the lead who redacted the last comment left in the thread', () => {
    const { doc, cardId, comments } = board();
    const root = addComment(doc, cardId, { text: 'Colin words' }, colin);
    const reply = addComment(doc, cardId, { text: 'Dana secret', parentId: root }, dana);
    deleteComment(doc, root, colin);
    redactComment(doc, reply, lea);
    expect(replyGoneNews(comments(), root, colin.actor, 'inv-rhea')).toBe(
      'Lea redacted the text of the last comment left in the thread you were replying to, so your reply was not posted.',
    );
  });

  it('names the author who deleted a comment redacted later: the redaction did not take it', () => {
    const { doc, cardId, comments } = board();
    const root = addComment(doc, cardId, { text: 'Colin words' }, colin);
    deleteComment(doc, root, colin);
    redactComment(doc, root, lea);
    expect(replyGoneNews(comments(), root, colin.actor, 'inv-rhea')).toBe(
      'Colin deleted the comment you were replying to, so your reply was not posted.',
    );
  });
});

describe('editRedactedNews', () => {
  it('names the lead, or the person themselves, and quotes nothing', () => {
    expect(editRedactedNews(lea.actor, 'inv-eddie')).toBe(
      'Lea redacted the text of your comment while you were editing it; what you typed was discarded with it.',
    );
    expect(editRedactedNews(lea.actor, 'inv-lea')).toBe(
      'You redacted the text of your comment in another tab or window while you were editing it here; what you typed was discarded with it.',
    );
    expect(editRedactedNews({ id: 'inv-ruth', name: 'רות' }, 'inv-eddie')).toBe(
      '\u2068רות\u2069 redacted the text of your comment while you were editing it; what you typed was discarded with it.',
    );
  });
});

describe('replyRedactedNews', () => {
  it('names the lead, or the person themselves', () => {
    expect(replyRedactedNews(lea.actor, 'inv-rhea')).toBe(
      'Lea redacted the text of the comment you are replying to.',
    );
    expect(replyRedactedNews(lea.actor, 'inv-lea')).toBe(
      'You redacted the text of the comment you are replying to, in another tab or window.',
    );
  });
});
