// How refused comment work is told under "Not saved" (QA5 F2): a resolve or an edit of a comment
// the server already has is told as what it was, never as a new comment to post again.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  deleteComment,
  editComment,
  initBoard,
  readBoard,
  DEFAULT_RATING_SCALE,
  resolveThread,
  setRatingScale,
  setVerdict,
} from '../../shared/board';
import { describeUnsaved } from '../../client/sync/unsavedWork';
import { type Removal, removalsIn } from '../../client/sync/removalsIn';

let tick = 1_700_000_000_000;
const eddie = { actor: { id: 'inv-eddie', name: 'Eddie' }, now: () => ++tick };

/** A board with one card and one comment of Eddie's the server stored; then what he did offline. */
function board(
  offline: (doc: Y.Doc, commentId: string, cardId: string) => void,
  reply: string | null = null,
) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Budget' }, eddie);
  const cardId = addClaim(doc, { claim: 'Rents doubled' }, eddie);
  let commentId = addComment(doc, cardId, { text: 'Ask the council.' }, eddie);
  if (reply !== null)
    commentId = addComment(doc, cardId, { text: reply, parentId: commentId }, eddie);
  const from = new Map([[doc.clientID, Y.getState(doc.store, doc.clientID)]]);
  // What the offline changes removed, noted as BoardConnection does.
  const removals: Removal[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => removals.push(...removalsIn(tr, doc)));
  offline(doc, commentId, cardId);
  const changes = describeUnsaved(doc, from, readBoard(doc), removals);
  return { changes, commentId, cardId };
}

describe('describeUnsaved, comments', () => {
  it('a resolved thread is told as a resolve, not as its comment again', () => {
    const { changes } = board((doc, id) => resolveThread(doc, id, true, eddie));
    expect(changes.map((c) => [c.what, c.text, c.comment, c.edit])).toEqual([
      ['Resolved a thread on “Rents doubled”', null, undefined, undefined],
    ]);
  });

  it('a claim that leaves a right-to-left override open is closed inside its quotes', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Budget' }, eddie);
    const cardId = addClaim(doc, { claim: 'Rents \u202Edelbuod' }, eddie);
    const commentId = addComment(doc, cardId, { text: 'Ask the council.' }, eddie);
    const from = new Map([[doc.clientID, Y.getState(doc.store, doc.clientID)]]);
    resolveThread(doc, commentId, true, eddie);
    // Unclosed, it would reverse the rest of the line after the claim.
    expect(describeUnsaved(doc, from, readBoard(doc), []).map((c) => c.what)).toEqual([
      'Resolved a thread on “Rents \u202E\u202Cdelbuod”',
    ]);
  });

  it('a verdict label that leaves a right-to-left override open is closed inside its quotes', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Budget' }, eddie);
    const cardId = addClaim(doc, { claim: 'Rents doubled' }, eddie);
    const label = 'Mostly \u202Eeurt';
    const [first, ...rest] = DEFAULT_RATING_SCALE.labels;
    setRatingScale(
      doc,
      { ...DEFAULT_RATING_SCALE, labels: [{ ...first!, label }, ...rest] },
      eddie,
    );
    const from = new Map([[doc.clientID, Y.getState(doc.store, doc.clientID)]]);
    // Labels are the lead's words: one pasted with an override would reverse "on “Rents…”".
    setVerdict(doc, cardId, label, undefined, eddie);
    expect(describeUnsaved(doc, from, readBoard(doc), []).map((c) => c.what)).toEqual([
      'Verdict “Mostly \u202E\u202Ceurt” on “Rents doubled”',
    ]);
  });

  it('an edit of a stored comment is told as an edit, with its new text, to edit again', () => {
    const { changes, commentId, cardId } = board((doc, id) =>
      editComment(doc, id, 'Ask the council for p. 12.', eddie),
    );
    expect(changes).toEqual([
      {
        key: `comment:${commentId}:text`,
        what: 'Edited your comment on “Rents doubled”',
        text: 'Ask the council for p. 12.',
        edit: { commentId },
        // The card a page that still shows the edit marks (NotSavedMark).
        cardId,
      },
    ]);
  });

  it('an edited reply is told as a reply; one written and edited offline is a new reply', () => {
    const stored = board((doc, id) => editComment(doc, id, 'Done, p. 12.', eddie), 'Done.');
    expect(stored.changes.map((c) => [c.what, c.text, c.edit])).toEqual([
      ['Edited your reply on “Rents doubled”', 'Done, p. 12.', { commentId: stored.commentId }],
    ]);
    const offline = board((doc, id, cardId) => {
      const reply = addComment(doc, cardId, { text: 'Done.', parentId: id }, eddie);
      editComment(doc, reply, 'Done, p. 12.', eddie);
    });
    expect(offline.changes.map((c) => [c.what, c.text, c.comment])).toEqual([
      [
        'Reply on “Rents doubled”',
        'Done, p. 12.',
        { cardId: offline.cardId, parentId: offline.commentId },
      ],
    ]);
  });

  it('a deleted stored comment is told as a deletion, by its text, not as a comment to post', () => {
    const { changes } = board((doc, id) => deleteComment(doc, id, eddie));
    expect(changes.map((c) => [c.what, c.text, c.comment, c.edit])).toEqual([
      ['Deleted your comment “Ask the council.” on “Rents doubled”', null, undefined, undefined],
    ]);
  });

  it('a comment written and resolved offline is one new comment to post again', () => {
    const { changes, cardId } = board((doc, _id, card) => {
      const id = addComment(doc, card, { text: 'Second look.' }, eddie);
      resolveThread(doc, id, true, eddie);
    });
    expect(changes.map((c) => [c.what, c.text, c.comment])).toEqual([
      ['Comment on “Rents doubled”', 'Second look.', { cardId, parentId: null }],
    ]);
  });
});
