/**
 * One card whose comments cover every way a deletion can leave a thread: a lone deleted
 * comment, a deleted thread start with a live reply, one whose reply was deleted too, a live
 * thread with a deleted reply, and an edited comment. The card detail (CommentThreads) shows
 * the second and fourth threads, with "Comment deleted." lines, and hides the first and third.
 */
import * as Y from 'yjs';
import { addClaim, addComment, deleteComment, editComment, initBoard } from '../../../shared/board';
import { tick } from './hostileBoard';

const ana = { actor: { id: 'inv-ana', name: 'Ana' }, now: tick };
const ben = { actor: { id: 'inv-ben', name: 'Ben' }, now: tick };

export function buildTombstoneBoard(): { doc: Y.Doc; cardId: string } {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Tombstones' }, ana);
  const cardId = addClaim(doc, { claim: 'A claim with deleted comments' }, ana);

  deleteComment(doc, addComment(doc, cardId, { text: 'lone and deleted' }, ben), ben);

  const answered = addComment(doc, cardId, { text: 'start, deleted' }, ben);
  addComment(doc, cardId, { text: 'reply still here', parentId: answered }, ana);
  deleteComment(doc, answered, ben);

  const silenced = addComment(doc, cardId, { text: 'start of a silenced thread' }, ben);
  const gone = addComment(doc, cardId, { text: 'reply, deleted', parentId: silenced }, ana);
  deleteComment(doc, gone, ana);
  deleteComment(doc, silenced, ben);

  const open = addComment(doc, cardId, { text: 'live start' }, ana);
  deleteComment(doc, addComment(doc, cardId, { text: 'x', parentId: open }, ben), ben);

  const edited = addComment(doc, cardId, { text: 'first words' }, ana);
  editComment(doc, edited, 'second words', ana);
  return { doc, cardId };
}
