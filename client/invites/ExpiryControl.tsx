/**
 * A row's expiry in Invite people: when the invite stops (or stopped) opening the board,
 * "Extend" (EXTEND_DAYS from now; the same link works again, an expired one too), but not on the
 * lead's own, and "Never expires", which ends the expiry (the lead's own too: the server refuses
 * a lead only an expiry on it). Shown for an invite with an expiry that is not revoked. The
 * server's refusals (last_lead and others) are said in the row.
 */
import { useState } from 'react';
import { errorMessage } from '../ui/errorMessage';
import { EXTEND_DAYS, expiryWords, hasExpired } from './expiryWords';
import type { Invite } from './invitesApi';

export function ExpiryControl({
  invite,
  name,
  own,
  onExtend,
}: {
  invite: Invite;
  /** The invitee's name, told apart from a namesake's in the list (toldApart). */
  name: string;
  /**
   * The lead's own invite: the server refuses a lead an expiry on it (own_invite), so Extend,
   * which could only fail, is not offered; another lead extends it.
   */
  own: boolean;
  /** Extends it by `days`, or ends its expiry (null); rejects with the server's refusal, said here. */
  onExtend: (invite: Invite, days: number | null) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (invite.expiresAt === null) return null;
  const expired = hasExpired(invite.expiresAt);
  const extend = async (days: number | null) => {
    setBusy(true);
    setError(null);
    try {
      await onExtend(invite, days);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="invite-expiry small">
      <span className={expired ? 'warning' : 'muted'}>{expiryWords(invite.expiresAt)}</span>
      {own ? (
        <span className="muted">; another lead can extend it</span>
      ) : (
        <>
          {' '}
          <button
            type="button"
            className="button small"
            // The visible words first, as the name says them (WCAG 2.5.3: "Extend 7 days" spoken works).
            aria-label={`Extend ${EXTEND_DAYS} days: invite for ${name}`}
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void extend(EXTEND_DAYS);
            }}
          >
            Extend {EXTEND_DAYS} days
          </button>
        </>
      )}{' '}
      <button
        type="button"
        className="button small"
        // The visible words first (WCAG 2.5.3), as Extend's name.
        aria-label={`Never expires: invite for ${name}`}
        aria-disabled={busy}
        onClick={() => {
          if (!busy) void extend(null);
        }}
      >
        Never expires
      </button>
      {error && (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
