/**
 * What React reads of one open board (BoardConnection.getSnapshot, for useSyncExternalStore):
 * one immutable value per change. Its own file beside samePeers and sameStatus, which let a
 * snapshot keep the previous one's peers and status when they are the same, so that what shows
 * them does not render again.
 */
import type { BoardView } from '../../shared/board';
import { type ConnectionFacts, type ConnectionStatus, deriveStatus } from './connectionStatus';
import type { LostEditNotice } from './LostEditNotices';
import type { Peer } from './presence';
import type { UnsavedChange } from './unsavedWork';

export interface BoardSnapshot {
  readonly board: BoardView;
  readonly status: ConnectionStatus;
  /** Local changes the server has not acknowledged yet. */
  readonly unsaved: boolean;
  /** Every local change is in this device's IndexedDB copy (always, without one). */
  readonly onDevice: boolean;
  /**
   * This connection keeps a copy on the device (IndexedDB), which outlives the tab; without one
   * (site storage blocked, or IndexedDB would not open) changes not yet saved last only as long
   * as the tab.
   */
  readonly keepsCopy: boolean;
  /** The board's content arrived (from IndexedDB or the server). */
  readonly loaded: boolean;
  readonly peers: readonly Peer[];
  /** This person's presence colour among the people present (presenceColours). */
  readonly myColour: string;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** This person's edits that a colleague's concurrent write replaced, oldest first. */
  readonly lostEdits: readonly LostEditNotice[];
  /** This person's changes the server refused, kept on this device until dismissed. */
  readonly setAside: readonly UnsavedChange[];
  /**
   * The cards with changes the server refused on this page (keepRefusedWork): read-only now,
   * the page still shows them as this device has them, those changes with them, until it
   * goes. Kept however the list is dismissed, since the cards still show the changes.
   */
  readonly refusedCards: ReadonlySet<string>;
  /** The page opened with changes an earlier page of this browser left unsaved (offline). */
  readonly earlierUnsaved: boolean;
  /**
   * Moves whenever the board's invites may have changed unseen: the server said so (message
   * 101: an invite made, revoked, joined or given another role), or the connection is back
   * after a time in which it could not have said so. What shows invites reads them again.
   */
  readonly invitesChanged: number;
}

/** Whether two lists of peers show the same (a snapshot keeps the previous list then). */
export function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i] as Peer;
      return (
        p.clientId === q.clientId &&
        p.user.name === q.user.name &&
        p.user.colour === q.user.colour &&
        p.openCard === q.openCard &&
        p.carrying === q.carrying
      );
    })
  );
}

/** The status the facts say, or the previous one when the same (a snapshot keeps it then). */
export function sameStatus(previous: ConnectionStatus | undefined, facts: ConnectionFacts) {
  const status = deriveStatus(facts);
  return previous && previous.kind === status.kind && previous.code === status.code
    ? previous
    : Object.freeze(status);
}
