import type { ConnectionKind } from '../sync/connectionStatus';

/** The states of every save: shown on the pill, not read out each time. */
const ROUTINE: ReadonlySet<ConnectionKind> = new Set(['syncing', 'saving', 'saved']);

export interface PillState {
  readonly kind: ConnectionKind;
  /** The pill's words. */
  readonly label: string;
  /** Local changes wait for the server's acknowledgment. */
  readonly unsaved: boolean;
  /** Every local change is in this device's copy. */
  readonly onDevice: boolean;
  /** A save has waited too long for the server (see ConnectionPill). */
  readonly slow: boolean;
}

/**
 * What the status pill reads out, one trouble at a time: going offline, trying to connect,
 * refused, a save the server is slow to confirm; then "All changes saved" once, when
 * everything is stored again. Each sentence once per trouble: offline, every edit turns the
 * words from "keeping changes on this device…" to "changes kept on this device" and back
 * (found by QA: 13 announcements for 5 offline moves, competing with the moves' own), so the
 * passing "keeping…" is not said and "kept" is said the first time only. An ordinary save says
 * nothing: "Saving…" then "All changes saved" each time would drown out the rest.
 */
export class StatusVoice {
  private said = new Set<string>();
  /** The page has been in sync once: a connection before that is the page opening. */
  private settled = false;

  /** The sentence to say for this state of the pill, or null. */
  next(state: PillState): string | null {
    // Opening the page connects, then is saved: routine, not said (found by QA: "Connecting…"
    // and "All changes saved" at every opening). Offline, refused, or carrying changes kept
    // on the device, it is said from the start, and so is the connection after that.
    if (ROUTINE.has(state.kind)) this.settled = true;
    else if (this.opening() && state.kind === 'connecting' && !state.unsaved) return null;
    const trouble = !ROUTINE.has(state.kind) || state.slow;
    if (!trouble) {
      if (state.kind !== 'saved' || this.said.size === 0) return null;
      this.said.clear();
      return state.label;
    }
    if (state.unsaved && !state.onDevice && !ROUTINE.has(state.kind)) return null;
    if (this.said.has(state.label)) return null;
    this.said.add(state.label);
    return state.label;
  }

  /** Nothing is wrong yet: the page has not been in sync, and nothing has been said. */
  private opening(): boolean {
    return !this.settled && this.said.size === 0;
  }
}
