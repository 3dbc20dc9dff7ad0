/**
 * The review part of the card detail dialog (client/card/CardDetail): evidence with its
 * balance, comment threads and the card's history, editable as the member's role allows.
 */
import { useMemo } from 'react';
import type { Actor } from '../../shared/board/actor';
import type { BoardView, CardView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import { CardTimeline } from '../history/CardTimeline';
import type { LostEditNotice } from '../sync/LostEditNotices';
import { EDITED_COMMENT, type RemovedWithEdits } from '../sync/lostWork';
import { CommentThreads } from './CommentThreads';
import { EvidenceEditor } from './EvidenceEditor';
import type { MentionNames } from './threadsAwaitingMe';
import { redactComment } from './redactComment';
import { useBoardAccess } from './useBoardAccess';
import './review.css';

export function ReviewSections({
  card,
  board,
  me,
  mentions,
  actions,
  lostEdits,
  removedAgain,
  onDismissLostEdit,
}: {
  card: CardView;
  board: BoardView;
  me: Actor;
  /** Who can be @mentioned (the board's people, who is online, the invites), and who is me. */
  mentions: MentionNames;
  actions: BoardActions;
  /**
   * This person's lost edits (LostEdits): those of this card's comments show with them, and
   * those of its evidence items a colleague removed with its evidence.
   */
  lostEdits: readonly LostEditNotice[];
  /** Those of its evidence put back and removed again since (useRemovedAgain). */
  removedAgain: ReadonlySet<number>;
  onDismissLostEdit: (seq: number) => void;
}) {
  const { canComment, canRedactComments } = actions;
  const { names, myNames } = mentions;
  const access = useBoardAccess();
  const redact = useMemo(
    () =>
      canRedactComments && access
        ? (commentId: string) => redactComment(access.id, access.token, commentId)
        : null,
    [canRedactComments, access],
  );
  const ctx = useMemo(
    () => ({ actions, myId: me.id, canComment, names, myNames, redact }),
    [actions, me.id, canComment, names, myNames, redact],
  );
  const crossed = useMemo(
    () => lostEdits.filter((n) => n.cardId === card.id && n.field === EDITED_COMMENT),
    [lostEdits, card.id],
  );
  const removed = useMemo(
    () =>
      lostEdits.filter(
        (n): n is LostEditNotice & RemovedWithEdits => n.cardId === card.id && 'itemRemoved' in n,
      ),
    [lostEdits, card.id],
  );
  return (
    <>
      <EvidenceEditor
        card={card}
        actions={actions}
        removed={removed}
        removedAgain={removedAgain}
        onDismissRemoved={onDismissLostEdit}
      />
      <CommentThreads
        card={card}
        ctx={ctx}
        crossed={crossed}
        onDismissCrossed={onDismissLostEdit}
      />
      <CardTimeline cardId={card.id} board={board} />
    </>
  );
}
