/**
 * The review part of the card detail dialog (client/card/CardDetail): evidence with its
 * balance, comment threads and the card's history, editable as the member's role allows.
 */
import { useMemo } from 'react';
import type { Actor } from '../../shared/board/actor';
import type { BoardView, CardView } from '../../shared/board/view';
import { can } from '../../shared/roles';
import type { BoardActions } from '../board/boardActions';
import type { Peer } from '../sync/presence';
import { CardTimeline } from '../history/CardTimeline';
import { CommentThreads } from './CommentThreads';
import { EvidenceEditor } from './EvidenceEditor';
import { useBoardAccess } from './useBoardAccess';
import { useMentionNames } from './useMentionNames';
import './review.css';

export function ReviewSections({
  card,
  board,
  me,
  peers,
  actions,
}: {
  card: CardView;
  board: BoardView;
  me: Actor;
  /** Who else is online: they can be @mentioned. */
  peers: readonly Peer[];
  actions: BoardActions;
}) {
  const access = useBoardAccess();
  const myNames = useMemo(
    () => [me.name, access?.inviteName ?? ''].filter(Boolean),
    [me.name, access?.inviteName],
  );
  const names = useMentionNames(board, myNames, peers, access);
  const canComment = access ? can(access.role, 'comment') : actions.canEdit;
  const ctx = useMemo(
    () => ({ actions, myId: me.id, canComment, names, myNames }),
    [actions, me.id, canComment, names, myNames],
  );
  return (
    <>
      <EvidenceEditor card={card} actions={actions} />
      <CommentThreads card={card} ctx={ctx} />
      <CardTimeline cardId={card.id} board={board} />
    </>
  );
}
