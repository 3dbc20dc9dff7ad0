import { useEffect, useRef, useState } from 'react';
import { type ConnectionKind, type ConnectionStatus, statusLabel } from '../sync/connectionStatus';

/** The states of every save: said on screen, not read out each time. */
const ROUTINE: ReadonlySet<ConnectionKind> = new Set(['syncing', 'saving', 'saved']);

/**
 * The connection state, always visible. Read out only when it matters: going offline, trying
 * to connect, refused, and "All changes saved" once everything is stored again after one of
 * those. Every save would otherwise say "Saving…" then "All changes saved" (about a dozen
 * announcements per card a keyboard user triages).
 */
export function ConnectionPill({
  status,
  unsaved,
  onDevice,
  readOnly,
}: {
  status: ConnectionStatus;
  unsaved: boolean;
  /** Every local change is in this device's copy. */
  onDevice: boolean;
  /** The person may change nothing (a viewer). */
  readOnly: boolean;
}) {
  const label = statusLabel(status, unsaved, onDevice, readOnly);
  const [heard, setHeard] = useState('');
  const troubled = useRef(false);
  useEffect(() => {
    if (!ROUTINE.has(status.kind)) {
      troubled.current = true;
      setHeard(label);
    } else if (troubled.current && status.kind === 'saved') {
      troubled.current = false;
      setHeard(label);
    }
  }, [status.kind, label]);
  return (
    <p className={`status-pill status-${status.kind}`} data-status={status.kind}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label" aria-hidden="true">
        {label}
      </span>
      {/* Changes only when something is to be heard: its text is the last thing said. */}
      <span className="visually-hidden" role="status">
        {heard}
      </span>
    </p>
  );
}
