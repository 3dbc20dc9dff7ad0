/**
 * The board header's review controls: "Invite people" and "Rating scale" for leads, "Activity"
 * for everyone, the dialogs and panel they open (focus returns to the opener on close), and
 * the prompt that asks for a new verdict when a move needs one.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { BoardView } from '../../shared/board/view';
import { can, type Role } from '../../shared/roles';
import { ActivityPanel } from '../history/ActivityPanel';
import { InvitesDialog } from '../invites/InvitesDialog';
import { RatingScaleDialog } from '../scale/RatingScaleDialog';
import { MoveVerdictPrompt } from './MoveVerdictPrompt';
import { useBoardAccess } from './useBoardAccess';
import './review.css';

type Open = 'invites' | 'activity' | 'scale' | null;

export function BoardReviewTools({ board, role }: { board: BoardView; role: Role }) {
  const access = useBoardAccess();
  const [open, setOpen] = useState<Open>(null);
  const refs = {
    invites: useRef<HTMLButtonElement>(null),
    activity: useRef<HTMLButtonElement>(null),
    scale: useRef<HTMLButtonElement>(null),
  };
  const returnTo = useRef<HTMLButtonElement | null>(null);
  const close = () => {
    returnTo.current = open ? refs[open].current : null;
    setOpen(null);
  };
  // Once the dialog is gone: while a modal dialog is open, the rest of the page is inert.
  useEffect(() => {
    if (open !== null || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [open]);
  const lead = can(role, 'invite');

  return (
    <>
      {lead && access && (
        <button
          ref={refs.invites}
          type="button"
          className="button small"
          aria-haspopup="dialog"
          onClick={() => setOpen('invites')}
        >
          Invite people
        </button>
      )}
      {can(role, 'editRatingScale') && (
        <button
          ref={refs.scale}
          type="button"
          className="button small"
          aria-haspopup="dialog"
          onClick={() => setOpen('scale')}
        >
          Rating scale
        </button>
      )}
      <button
        ref={refs.activity}
        type="button"
        className="button small"
        aria-expanded={open === 'activity'}
        onClick={() => (open === 'activity' ? close() : setOpen('activity'))}
      >
        Activity
      </button>
      {open === 'invites' && access && (
        <InvitesDialog
          boardId={access.id}
          token={access.token}
          myInviteId={access.inviteId}
          onClose={close}
        />
      )}
      {open === 'scale' && <RatingScaleDialog board={board} onClose={close} />}
      {open === 'activity' &&
        // A panel of the page, not of the header: outside the banner landmark.
        createPortal(<ActivityPanel board={board} onClose={close} />, document.body)}
      <MoveVerdictPrompt board={board} />
    </>
  );
}
