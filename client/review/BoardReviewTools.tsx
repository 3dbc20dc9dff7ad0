/**
 * The board header's review controls: "Invite people" and "Rating scale" for leads, "Activity"
 * for everyone, the dialogs and panel they open (focus returns to the opener on close), and
 * the prompt that asks for a new verdict when a move needs one.
 */
import { createPortal } from 'react-dom';
import type { BoardView } from '../../shared/board/view';
import { can, type Role } from '../../shared/roles';
import { ActivityPanel } from '../history/ActivityPanel';
import { InvitesDialog } from '../invites/InvitesDialog';
import { RatingScaleDialog } from '../scale/RatingScaleDialog';
import { PopupButton } from '../ui/PopupButton';
import { usePopup } from '../ui/usePopup';
import { MoveVerdictPrompt } from './MoveVerdictPrompt';
import { useBoardAccess } from './useBoardAccess';
import './review.css';

export function BoardReviewTools({
  board,
  role,
  invitesChanged,
}: {
  board: BoardView;
  role: Role;
  /** Moves when the board's invites may have changed (BoardSnapshot.invitesChanged). */
  invitesChanged: number;
}) {
  const access = useBoardAccess();
  // One at a time: opening one closes the other.
  const popup = usePopup<'invites' | 'activity' | 'scale'>();
  const { open, close, dismiss } = popup;
  const lead = can(role, 'invite');

  return (
    <>
      {lead && access && (
        <PopupButton popup={popup} name="invites" opens="dialog">
          Invite people
        </PopupButton>
      )}
      {can(role, 'editRatingScale') && (
        <PopupButton popup={popup} name="scale" opens="dialog">
          Rating scale
        </PopupButton>
      )}
      <PopupButton popup={popup} name="activity" opens="panel">
        Activity
      </PopupButton>
      {open === 'invites' && access && (
        // Stays open through a lower role while it holds input not applied (it says so).
        <InvitesDialog
          boardId={access.id}
          token={access.token}
          myInviteId={access.inviteId}
          invitesChanged={invitesChanged}
          canInvite={lead}
          onClose={close}
        />
      )}
      {open === 'scale' && (
        // Stays open through a lower role while it holds changes (it says so).
        <RatingScaleDialog board={board} canSave={can(role, 'editRatingScale')} onClose={close} />
      )}
      {open === 'activity' &&
        // A panel of the page, not of the header: outside the banner landmark.
        createPortal(
          <ActivityPanel
            board={board}
            invitesChanged={invitesChanged}
            onClose={close}
            onDismiss={dismiss}
          />,
          document.body,
        )}
      <MoveVerdictPrompt board={board} />
    </>
  );
}
