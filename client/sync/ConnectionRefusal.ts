/**
 * How a connection takes the server's refusal (a close for good, see reconnectPolicy): the code
 * and reason the page says, the work the server did not store set aside with its text, the
 * device's copy of a board this invite may no longer read dropped, and a copy the server refused
 * (4403, or 4413: a change too large for it) replaced by opening the board afresh. A role
 * change (4205) is no refusal: the page is told and opens a connection with the new role. Its
 * own class so that BoardConnection only asks whether it was refused.
 */
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { BoardReader } from '../../shared/board';
import { CLOSE } from '../../shared/protocol/closeCodes';
import type { DeviceCopy } from './DeviceCopy';
import { reconnectAfter } from './reconnectPolicy';
import type { SaveTracker } from './SaveTracker';
import type { SetAsideWork } from './SetAsideWork';
import { describeUnsaved } from './unsavedWork';

/** What of the connection a refusal reads and changes. */
export interface ConnectionRefusalDeps {
  readonly doc: Y.Doc;
  readonly reader: BoardReader;
  readonly tracker: SaveTracker;
  readonly setAside: SetAsideWork;
  readonly deviceCopy: DeviceCopy | null;
  /** See BoardConnectionOptions.onRoleChanged. */
  readonly onRoleChanged: (() => void) | undefined;
  /** See BoardConnectionOptions.onStaleCopy. */
  readonly onStaleCopy: (() => void) | undefined;
  /** Something the snapshot shows changed. */
  readonly changed: () => void;
}

export class ConnectionRefusal {
  /** The close code of the server's refusal; null while not refused. */
  code: number | null = null;
  /**
   * The server's reason for a refusal ("invalid token": a link cut short or changed, or
   * expired; "revoked"), which the page uses to say which it was.
   */
  reason: string | null = null;
  /** The server closed the socket for good: the provider is about to say why ('closed'). */
  closingForGood = false;
  /** The refusal was of this device's copy only, and onStaleCopy opens the board afresh. */
  reopening = false;
  /**
   * The server closed the last socket for a role change (4205): the page reconnects at once
   * with the new role, the server being there all along. Any other close ends it.
   */
  roleChange = false;

  constructor(private readonly deps: ConnectionRefusalDeps) {}

  /**
   * A socket the server closed for good is said down (status) before the provider says why
   * ('closed', at once after): in between, the connection seemed to be reconnecting, with no
   * answer awaited (awaitsAnswer), and the page showed a new connection in its place before
   * this one was refused (the viewer's, which said his new role, then "Saving…" for the move
   * refused here, and was refused in turn). Its status changes once, with the reason.
   */
  connectionClosed(event: CloseEvent | null): void {
    this.closingForGood = event !== null && !reconnectAfter(event);
    this.roleChange = event?.code === CLOSE.roleChanged;
  }

  /** The provider gave up on the socket (a close for good): what the server's code means. */
  closed(
    { code, reason }: { readonly code: number; readonly reason: string },
    provider: WebsocketProvider,
  ): void {
    const { doc, tracker, deviceCopy, onStaleCopy, changed } = this.deps;
    this.closingForGood = false;
    if (code === CLOSE.roleChanged) {
      changed();
      this.deps.onRoleChanged?.();
      return;
    }
    this.reason = reason;
    this.code = code;
    // A change too large for the server (4413) is refused on every connection, as one the
    // role may not make (4403) is: sent again with each connection, it closed each, and the
    // page said "Connection refused (4413)" over a board showing what the server never had
    // (found by QA: the Undo of a bulk delete of long cards). So it is set aside with its text
    // and the copy that holds it goes, as for a 4403.
    const refusedCopy = code === CLOSE.forbidden || code === CLOSE.tooLarge;
    const refusedWork = code === CLOSE.unauthorized || refusedCopy;
    const stale = refusedCopy && !tracker.isSaved(doc);
    // Whatever the server did not store is said, with its text, before the copy goes.
    if (refusedWork) this.keepRefusedWork();
    // A revoked invite or a deleted board: this browser keeps no copy of a board it may no
    // longer read (what is on screen stays until the page goes). Nothing made here could be
    // saved any more: the server refuses this invite, and its client ids are bound to it.
    // Refused changes this device holds (4403) would be sent, and refused, on every
    // connection, whatever invite opens the board next: that copy goes too, and the page
    // opens the board afresh.
    const forget = code === CLOSE.unauthorized || code === CLOSE.unknownBoard || stale;
    const forgotten =
      deviceCopy && forget ? deviceCopy.forget(provider.roomname) : Promise.resolve();
    // The page is told it is being opened afresh, not refused: it says so, and no more. A copy
    // that could not be dropped would be refused again: then it is a refusal after all.
    this.reopening = stale && onStaleCopy !== undefined;
    if (stale) {
      forgotten.then(
        () => this.deps.onStaleCopy?.(),
        () => {
          this.reopening = false;
          changed();
        },
      );
    }
    changed();
  }

  private keepRefusedWork(): void {
    const { doc, tracker, reader, setAside } = this.deps;
    const from = tracker.unstoredFrom(doc);
    const removed = tracker.unconfirmedRemovals();
    const bulk = tracker.unconfirmedBulk();
    if (from.size === 0 && removed.length === 0 && bulk.length === 0) return;
    const refused = describeUnsaved(doc, from, reader.read(), removed, bulk);
    setAside.keep(refused);
  }
}
