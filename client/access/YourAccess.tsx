/**
 * The board header's role badge as a button that opens "Your access": who this person is on the
 * board, what their role may do and what only others may (from shared/roles.ts, through
 * accessSentences), and "Copy your link", so that anyone, not only a lead, can keep their way back
 * to the board before clearing this browser's data or moving to a phone. Without it, an
 * editor had no word on why Invite people, Rating scale and Export were missing.
 *
 * A non-modal popover (a disclosure): focus moves to its heading on opening; Escape or the
 * button closes it and focus goes back to the button; focus leaving it (a click elsewhere, Tab
 * past its link) closes it too, as it does the header's list of people (PresenceBar).
 *
 * An invite that will expire says so beside the badge and in the panel ("Your invite expires 14
 * Dec, 14:02"), and within a day of it a polite status says once whom to ask (useOwnExpiry).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Role } from '../../shared/roles';
import { ROLE_LABELS } from '../app/roleLabels';
import { useBoardAccess } from '../review/useBoardAccess';
import { accessSentences, aRole, expiresWords } from './accessSentences';
import { OwnLink } from './OwnLink';
import { useOwnExpiry } from './useOwnExpiry';
import './access.css';

export function YourAccess({
  role,
  name,
  invitesChanged,
}: {
  role: Role;
  name: string;
  /** Moves when the board's invites may have changed (BoardSnapshot.invitesChanged). */
  invitesChanged: number;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const access = useBoardAccess();
  const { expiry, near } = useOwnExpiry(access?.id ?? null, access?.token ?? null, invitesChanged);
  const expires = expiry && expiresWords(expiry.at);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const label = ROLE_LABELS[role];
  return (
    <div
      ref={box}
      className="your-access"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
      onBlur={(e) => {
        if (open && !box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={`badge role-${role} your-access-toggle`}
        // Starts with the role it shows, so that voice control finds it by what it says.
        aria-label={`${label}: your access`}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {expires && (
        <span className={`small your-access-expiry ${near ? 'warning' : 'muted'}`}>{expires}</span>
      )}
      {/* Always there, so that the notice is read out as it comes, once; shown, its "in 3 hours"
          would go stale, so the line above turns to a warning instead. */}
      <span role="status" className="visually-hidden">
        {near}
      </span>
      <section
        id={`${id}-panel`}
        className="your-access-panel"
        aria-labelledby={`${id}-heading`}
        hidden={!open}
        // A click on its text focuses the panel rather than the page, which would close it:
        // its words may be selected and copied (to send a lead, say).
        tabIndex={-1}
      >
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          Your access
        </h2>
        <p>
          You are <bdi>{name}</bdi>, {aRole(role)} on this board.
        </p>
        {expires && <p>{expires}.</p>}
        {accessSentences(role).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        {access && <OwnLink className="own-link" boardId={access.id} token={access.token} />}
      </section>
    </div>
  );
}
