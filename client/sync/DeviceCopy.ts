/**
 * This device's copy of one board in IndexedDB (y-indexeddb), which lets a person work offline
 * and reopens the board at once: when it holds each local change, how it loads without
 * re-encoding the board, and the work the board's other tabs in this browser kept in it.
 */
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { fetchUpdates, IndexeddbPersistence } from 'y-indexeddb';
import { detachUpdateEvents } from '../../shared/yjs/withoutUpdateEvents';
import { forgetBoardData, indexedDbName } from './forgetBoardData';
import { scrubDeviceCopy } from './scrubDeviceCopy';

export interface DeviceCopyHooks {
  /** The connection's provider (the origin of what the server sent), null without one. */
  readonly provider: () => WebsocketProvider | null;
  /**
   * The copy has loaded (y-indexeddb's 'synced'); `held` false: it held nothing, or its
   * database would not open (`keeps` is then false).
   */
  readonly loaded: (held: boolean) => void;
  /** The copy's load is applied and the doc's 'update' listeners are back (quietLoad). */
  readonly afterLoad: () => void;
  /** Runs when `allStored` may have changed. */
  readonly changed: () => void;
}

/**
 * y-indexeddb's own step after the open (its load) has no rejection handler: the open's
 * refusal, handled here (DeviceCopy), would still be reported as an unhandled rejection with
 * the same reason. That one report is not made.
 */
function ownRejection(reason: unknown): void {
  if (typeof window === 'undefined') return;
  const quiet = (event: PromiseRejectionEvent) => {
    if (event.reason !== reason) return;
    event.preventDefault();
    window.removeEventListener('unhandledrejection', quiet);
  };
  window.addEventListener('unhandledrejection', quiet);
}

export class DeviceCopy {
  readonly persistence: IndexeddbPersistence;
  /**
   * This board's other tabs in this browser. A tab that keeps a change on the device while it
   * cannot reach the server says so here, and a tab that can takes it (takeOtherTabsWork): one
   * tab cut off alone (closed before it reconnected after a server restart, say) left its work
   * in IndexedDB while the tab beside it said "All changes saved" (found by QA).
   */
  private readonly tabs: BroadcastChannel | null;
  /** Local changes not yet committed to IndexedDB (trackLocalChange). */
  private unstored = 0;
  /** Another tab said it kept changes it could not send, and this one has not read them yet. */
  private othersKept = false;
  /** The copy held nothing when it loaded: a first visit, say. */
  private wasEmpty = false;
  /** Puts the 'update' listeners back after the load (quietLoad). */
  private reattachUpdates: (() => void) | null = null;
  /** The copy's rewrites, one after the other (scrubComments). */
  private scrubs: Promise<void> = Promise.resolve();
  private destroyed = false;
  /** IndexedDB would not open the copy's database (keeps). */
  private failed = false;
  /** The database has opened and the copy loaded, or it would not open. */
  private readonly settled: Promise<unknown>;

  constructor(
    boardId: string,
    private readonly doc: Y.Doc,
    private readonly hooks: DeviceCopyHooks,
  ) {
    // It opens the database first: no transaction of its load comes before the listeners.
    this.persistence = new IndexeddbPersistence(indexedDbName(boardId), doc);
    doc.on('beforeTransaction', this.quietLoad);
    doc.on('afterAllTransactions', this.afterQuietLoad);
    this.persistence.on('synced', () => {
      // Nothing from the server arrives before in practice; if it did, the copy counts as held.
      this.wasEmpty = doc.store.clients.size === 0;
      hooks.loaded(!this.wasEmpty);
    });
    // Where localStorage works but IndexedDB will not open (some private modes, a disk error),
    // y-indexeddb never says 'synced', nor handles the rejection: the board waited for the copy
    // for good ("keeping changes on this device…" offline). It works without one instead.
    const refused = this.persistence._db.then(
      () => undefined,
      (reason: unknown) => {
        this.failed = true;
        ownRejection(reason);
        if (this.destroyed) return;
        hooks.loaded(false);
        hooks.changed();
      },
    );
    this.settled = Promise.race([this.persistence.whenSynced, refused]);
    this.tabs =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(`factboard-tabs:${boardId}`)
        : null;
    this.tabs?.addEventListener('message', this.onTabKept);
  }

  /**
   * This device keeps a copy of the board: false once IndexedDB would not open its database,
   * and changes not yet saved then last only as long as the tab.
   */
  get keeps(): boolean {
    return !this.failed;
  }

  /** Every local change is committed to IndexedDB. */
  get allStored(): boolean {
    return this.unstored === 0;
  }

  /**
   * Counts a local change until IndexedDB holds it. y-indexeddb writes each update in a
   * transaction of its own, from the doc's 'update' event, which fires after this transaction's
   * 'afterTransaction': a read of the same store started after that (a microtask later) is
   * ordered after the write, so its completion says the write is committed.
   */
  trackLocalChange(): void {
    const persistence = this.persistence;
    this.unstored++;
    const stored = () => {
      this.unstored--;
      const kept = !this.failed && !this.destroyed;
      if (kept && !this.hooks.provider()?.synced) this.tabs?.postMessage('kept');
      this.hooks.changed();
    };
    // Before the database opens, y-indexeddb stores the whole doc once it has: after that.
    void this.settled.then(() =>
      queueMicrotask(() => {
        const db = persistence.db;
        if (!db || this.destroyed) return stored();
        try {
          const read = db.transaction('updates', 'readonly');
          read.oncomplete = read.onerror = read.onabort = stored;
        } catch {
          stored(); // the database is closing: nothing more will be written
        }
      }),
    );
  }

  /**
   * Keeps an update that was applied without 'update' events, after the next frame is painted:
   * the bytes as they came, as one more record, which is what y-indexeddb does with every
   * update. Storing the whole doc instead re-encoded all of it (1.2 MB on a 600-card board with
   * a long history), a long task just after a first visit's board was painted. If the database
   * is not open yet, y-indexeddb stores the whole doc when it opens.
   */
  keep(update: Uint8Array): void {
    const persistence = this.persistence;
    if (!persistence.db) return;
    const store = () => {
      // A copy: the message's bytes are a view into its whole frame, which IndexedDB would keep.
      if (!this.destroyed) persistence._storeUpdate(update.slice(), this.hooks.provider());
    };
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(store, 0));
    } else {
      setTimeout(store, 0);
    }
  }

  /**
   * Another tab of this board may have closed with changes made offline that only IndexedDB
   * holds: its person would wait for a reload of some tab to see them sent, while this tab said
   * "All changes saved". Once this tab is in sync with the server after such a tab said so
   * (onTabKept), it reads what was stored since it last looked (y-indexeddb reads the store
   * only when it opens) and sends it on. Only then: the read takes this tab's own records too,
   * and applying them again changes nothing but costs their decoding, which for the board as
   * a first visit received it (1.2 MB on a 600-card board) was 170-270 ms of the first
   * reconnect.
   */
  takeOtherTabsWork(): void {
    const persistence = this.persistence;
    if (!this.othersKept || !this.hooks.provider()?.synced || !persistence.db) return;
    if (this.destroyed) return;
    this.othersKept = false;
    void fetchUpdates(persistence).catch(() => undefined); // the database is closing
  }

  /**
   * Rewrites the copy without the words of these comments, once it has loaded, after any
   * rewrite before it (scrubDeviceCopy): always after a redaction seen live, else unless it was
   * already for them; but a copy that held nothing as it loaded, to which only the server
   * brought the comments, marked, never held their words: they are only listed (a first visit
   * to a large board would otherwise spend a second on it).
   */
  scrubComments(ids: ReadonlySet<string>, seen: { live: boolean; fromDevice: boolean }): void {
    const persistence = this.persistence;
    this.scrubs = this.scrubs
      .then(() => this.settled)
      .then(() => {
        if (this.destroyed || this.failed) return false;
        const clean = !seen.fromDevice && this.wasEmpty;
        const mode = seen.live ? 'always' : clean ? 'never' : 'unlisted';
        return scrubDeviceCopy(persistence, ids, mode);
      })
      // The database closing with the page: not listed scrubbed, the next visit rewrites it.
      .then(
        () => undefined,
        () => undefined,
      );
  }

  /** Drops the copy, and the board's other records on this device (forgetBoardData). */
  forget(roomName: string): Promise<void> {
    const closed = this.persistence.destroy();
    if (!this.failed) return closed.then(() => forgetBoardData(roomName));
    // A database that never opened holds nothing, and its deletion may fail as its opening did.
    void closed.catch(() => undefined);
    return forgetBoardData(roomName).catch(() => undefined);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('beforeTransaction', this.quietLoad);
    this.doc.off('afterAllTransactions', this.afterQuietLoad);
    this.tabs?.close();
    // A database that never opened rejects its closing too.
    void this.persistence.destroy().catch(() => undefined);
  }

  /**
   * The copy loading is applied without 'update' events: Yjs would re-encode all of it for the
   * listeners (on a 600-card board with a long history, 1.3 MB: about a second of a reload's
   * blocked page, as long as applying it), and y-indexeddb ignores its own load. What the
   * others did with it is done after it (hooks.afterLoad). Later reads of other tabs' work
   * (takeOtherTabsWork) keep their events: the provider sends them on.
   */
  private readonly quietLoad = (transaction: Y.Transaction) => {
    const persistence = this.persistence;
    if (persistence.synced || transaction.origin !== persistence) return;
    this.reattachUpdates ??= detachUpdateEvents(this.doc);
  };

  private readonly afterQuietLoad = () => {
    const reattach = this.reattachUpdates;
    if (!reattach) return;
    this.reattachUpdates = null;
    reattach();
    this.hooks.afterLoad();
  };

  /** Another tab kept a change on the device that it could not send: send it, once this can. */
  private readonly onTabKept = () => {
    this.othersKept = true;
    this.takeOtherTabsWork();
  };
}
