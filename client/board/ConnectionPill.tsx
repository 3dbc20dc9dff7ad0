import { useEffect, useMemo, useRef, useState } from 'react';
import { type ConnectionStatus, reconnectingForRole, statusLabel } from '../sync/connectionStatus';
import { dialogVoiceOver } from '../ui/dialogVoices';
import { StatusVoice } from './statusVoice';

/**
 * How long a save may wait for the server, and a connection take, before the pill says so: a
 * reconnection the server asked for (a role change) or a page opening takes well under a
 * second.
 */
const SLOW_MS: Partial<Record<ConnectionStatus['kind'], number>> = {
  saving: 10_000,
  connecting: 3_000,
};
/**
 * How long a sentence stays in the live region once said. Then the region is emptied, so a
 * screen reader that reads the pill finds its current words, not the last sentence said (it
 * read "All changes saved" under "Saving…" for as long as the server did not answer).
 */
const SAID_MS = 5_000;

/**
 * The connection state, always visible, and readable as it is now. Read out only when it
 * matters (StatusVoice): going offline, refused, reopening, a connection still not made after
 * 3 s, a save the server has not confirmed after 10 s, and "All changes saved" once everything
 * is stored again after one of those.
 */
export function ConnectionPill({
  status,
  unsaved,
  onDevice,
  keepsCopy,
  readOnly,
  refused,
  refusedCards,
  refusedWhy,
}: {
  status: ConnectionStatus;
  unsaved: boolean;
  /** Every local change is in this device's copy. */
  onDevice: boolean;
  /** There is a copy on this device at all (none where site storage is blocked). */
  keepsCopy: boolean;
  /** The person may change nothing (a viewer). */
  readOnly: boolean;
  /** This device's changes the server refused, listed under "Not saved". */
  refused: number;
  /** The cards of the refused commands on several cards among them (statusLabel). */
  refusedCards: number;
  /** Refused, who revoked the invite and when, once the server said (statusLabel). */
  refusedWhy: string | null;
}) {
  const saving = status.kind === 'saving';
  // How long a save or a connection has taken: said only when it is slow (StatusVoice). The
  // kind that went slow, so a render that has just left it is not slow in the next one.
  const [slowKind, setSlowKind] = useState<ConnectionStatus['kind'] | null>(null);
  const slow = slowKind === status.kind;
  useEffect(() => {
    const kind = status.kind;
    const waitFor = SLOW_MS[kind];
    if (waitFor === undefined) return;
    const timer = window.setTimeout(() => setSlowKind(kind), waitFor);
    return () => {
      clearTimeout(timer);
      setSlowKind(null);
    };
  }, [status.kind]);
  const label = statusLabel(status, {
    unsaved,
    onDevice,
    keepsCopy,
    readOnly,
    slow: slow && saving,
    refused,
    refusedCards,
    refusedWhy,
  });
  const voice = useMemo(() => new StatusVoice(), []);
  const [heard, setHeard] = useState('');
  const region = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const sentence = voice.next({
      kind: status.kind,
      label,
      unsaved,
      onDevice,
      slow,
    });
    if (!sentence) return;
    // Behind an open modal dialog the region is inert and read by nobody (found by QA: a card
    // open while offline heard none of it): the dialog's own region says it instead.
    const over = dialogVoiceOver(region.current);
    if (over) over(sentence);
    else setHeard(sentence);
  }, [voice, status.kind, label, unsaved, onDevice, slow]);
  useEffect(() => {
    if (!heard) return;
    const timer = window.setTimeout(() => setHeard(''), SAID_MS);
    return () => clearTimeout(timer);
  }, [heard]);
  // A role change's reconnection looks like the sync that follows it, not a connection problem.
  const look = reconnectingForRole(status) ? 'syncing' : status.kind;
  return (
    <p className={`status-pill status-${look}`} data-status={status.kind}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{label}</span>
      {/* Changes only when something is to be heard. */}
      <span className="visually-hidden" role="status" ref={region}>
        {heard}
      </span>
    </p>
  );
}
