/**
 * Tells the person when the changes this device kept from an earlier page (made offline, then
 * the tab closed or reloaded) reach the server. Without it only the pill passing through
 * "Saving…" showed it, and someone who remembers working offline could not tell whether that
 * work went up (found by QA). What the server refuses instead is listed under "Not saved".
 */
import { useEffect, useRef } from 'react';
import type { BoardSnapshot } from '../sync/BoardConnection';

export const EARLIER_WORK_SAVED =
  'Changes you made here earlier, kept on this device, are now saved.';

export function useEarlierWorkSaved(snapshot: BoardSnapshot, tell: (text: string) => void): void {
  const waiting = useRef(snapshot.earlierUnsaved);
  /** What was listed under "Not saved" as the page opened: a longer list is a refusal. */
  const refusedBefore = useRef(snapshot.setAside.length);
  const { unsaved, setAside } = snapshot;
  const kind = snapshot.status.kind;
  useEffect(() => {
    if (!waiting.current || kind !== 'saved' || unsaved) return;
    waiting.current = false;
    if (setAside.length === refusedBefore.current) tell(EARLIER_WORK_SAVED);
  }, [unsaved, kind, setAside.length, tell]);
}
