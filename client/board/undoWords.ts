import type { CommandName } from '../../shared/board';

/** What an undo or redo step was, for its announcement: "Undone: the move." */
const WORDS: Partial<Record<CommandName, string>> = {
  addClaim: 'the new card',
  editCard: 'the card edit',
  moveCard: 'the move',
  setVerdict: 'the verdict',
  assignCard: 'the change of who checks the card',
  deleteCard: 'the deletion of the card',
  removeArticle: 'the removal of the article',
  addEvidence: 'the new evidence',
  editEvidence: 'the evidence edit',
  removeEvidence: 'the removal of the evidence',
  addComment: 'the comment',
  editComment: 'the comment edit',
  deleteComment: 'the deletion of the comment',
  resolveThread: 'the thread’s resolution',
  setBoardMeta: 'the board settings',
  editRatingScale: 'the rating scale change',
  setRatingScale: 'the rating scale change',
};

/** "Undone: the move." (or "Undone." for a step with no name). */
export function undoAnnouncement(done: 'Undone' | 'Redone', command: CommandName | null): string {
  const what = command ? WORDS[command] : undefined;
  return what ? `${done}: ${what}.` : `${done}.`;
}
