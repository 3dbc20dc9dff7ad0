import { useEffect, useMemo, useRef, useState } from 'react';
import { type ConnectionStatus, statusLabel } from '../sync/connectionStatus';
import { dialogVoiceOver } from '../ui/dialogVoices';
import { StatusVoice } from './statusVoice';

/** How long a save may wait for the server before the pill says so. */
const SLOW_SAVE_MS = 10_000;
/**
 * How long a sentence stays in the live region once said. Then the region is emptied, so a
 * screen reader that reads the pill finds its current words, not the last sentence said (it
 * read "All changes saved" under "Saving…" for as long as the server did not answer).
 */
const SAID_MS = 5_000;

/**
 * The connection state, always visible, and readable as it is now. Read out only when it
 * matters (StatusVoice): going offline, trying to connect, refused, a save the server has not
 * confirmed after 10 s, and "All changes saved" once everything is stored again after one of
 * those.
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
  const saving = status.kind === 'saving';
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!saving) return;
    const timer = window.setTimeout(() => setSlow(true), SLOW_SAVE_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [saving]);
  const label = statusLabel(status, unsaved, onDevice, readOnly, slow && saving);
  const voice = useMemo(() => new StatusVoice(), []);
  const [heard, setHeard] = useState('');
  const region = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const sentence = voice.next({
      kind: status.kind,
      label,
      unsaved,
      onDevice,
      slow: slow && saving,
    });
    if (!sentence) return;
    // Behind an open modal dialog the region is inert and read by nobody (found by QA: a card
    // open while offline heard none of it): the dialog's own region says it instead.
    const over = dialogVoiceOver(region.current);
    if (over) over(sentence);
    else setHeard(sentence);
  }, [voice, status.kind, label, unsaved, onDevice, slow, saving]);
  useEffect(() => {
    if (!heard) return;
    const timer = window.setTimeout(() => setHeard(''), SAID_MS);
    return () => clearTimeout(timer);
  }, [heard]);
  return (
    <p className={`status-pill status-${status.kind}`} data-status={status.kind}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-label">{label}</span>
      {/* Changes only when something is to be heard. */}
      <span className="visually-hidden" role="status" ref={region}>
        {heard}
      </span>
    </p>
  );
}
