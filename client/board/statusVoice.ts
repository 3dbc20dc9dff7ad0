import { connectionDown, type ConnectionKind } from '../sync/connectionStatus';

/** States said only once they have lasted (ConnectionPill times them: `slow`). */
const SAID_WHEN_SLOW: ReadonlySet<ConnectionKind> = new Set(['connecting', 'saving']);
/** States that are no trouble at all. */
const FINE: ReadonlySet<ConnectionKind> = new Set(['syncing', 'saved']);

export interface PillState {
  readonly kind: ConnectionKind;
  /** The pill's words. */
  readonly label: string;
  /** Local changes wait for the server's acknowledgment. */
  readonly unsaved: boolean;
  /** Every local change is in this device's copy. */
  readonly onDevice: boolean;
  /** The state has lasted too long: a save or a connection (see ConnectionPill). */
  readonly slow: boolean;
}

/**
 * What the status pill reads out, one trouble at a time: going offline, refused, the board
 * reopening after the server refused this device's copy, a connection or a save that is slow
 * to come; then "All changes saved" once, when everything is stored
 * again. A quick connection is no trouble: a page opening, or one the server closed to
 * reconnect (a role change), said "Connecting…" and "All changes saved" over what mattered
 * ("Lea changed your role to Reviewer at 14:02"). Each sentence once per trouble: offline,
 * every edit turns the words from "keeping changes on this device…" to "changes kept on this device" and back
 * (found by QA: 13 announcements for 5 offline moves, competing with the moves' own), so the
 * passing "keeping…" is not said and "kept" is said the first time only. An ordinary save says
 * nothing: "Saving…" then "All changes saved" each time would drown out the rest.
 */
export class StatusVoice {
  private said = new Set<string>();

  /** The sentence to say for this state of the pill, or null. */
  next(state: PillState): string | null {
    const trouble = SAID_WHEN_SLOW.has(state.kind) ? state.slow : !FINE.has(state.kind);
    if (!trouble) {
      if (state.kind !== 'saved' || this.said.size === 0) return null;
      this.said.clear();
      return state.label;
    }
    // Changes only this page holds are a passing state, said once they are kept on the device.
    const away = connectionDown(state.kind) || state.kind === 'storageFull';
    if (away && state.unsaved && !state.onDevice) return null;
    // A refusal is one trouble whatever its words: they grow once the server says who revoked
    // the invite and when ("Lea (lead) revoked your invite at 23:12"), which a screen reader
    // heard as a second refusal just after the first. The pill shows the fuller words.
    const what = state.kind === 'refused' ? 'refused' : state.label;
    if (this.said.has(what)) return null;
    this.said.add(what);
    return state.label;
  }
}
