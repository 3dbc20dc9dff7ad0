import { type ConnectionStatus, statusLabel } from '../sync/connectionStatus';

/** The connection state, always visible; a polite status region so changes are heard. */
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
  return (
    <p className={`status-pill status-${status.kind}`} role="status" data-status={status.kind}>
      <span className="status-dot" aria-hidden="true" />
      {statusLabel(status, unsaved, onDevice, readOnly)}
    </p>
  );
}
