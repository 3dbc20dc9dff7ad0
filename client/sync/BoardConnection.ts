/**
 * One open board: the only place in the client that touches Yjs. It owns the Y.Doc, the
 * WebSocket provider with awareness, the IndexedDB copy for offline work, the undo manager
 * (own commands only) and the storage acknowledgments, and it offers React one immutable
 * snapshot (`subscribe` / `getSnapshot`, for `useSyncExternalStore`) plus bound commands.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { tokenProtocol } from '../../shared/protocol/tokenProtocol';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { writeUpdate } from 'y-protocols/sync';
import {
  type Actor,
  type BoardReader,
  type BoardView,
  COMMENT_REDACTED_KEY,
  commentsMap,
  createBoardReader,
} from '../../shared/board';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { decodeSavedAck, decodeStorageFull, MESSAGE } from '../../shared/protocol/messages';
import type { Role } from '../../shared/roles';
import { withoutUpdateEvents } from '../../shared/yjs/withoutUpdateEvents';
import { type BoardCommands, bindCommands } from './boardCommands';
import { BoardUndo, type UndoStep } from './BoardUndo';
import { type ConnectionFacts, type ConnectionStatus, deriveStatus } from './connectionStatus';
import { colourFor, parseState, type Peer, type PresenceState, readPresence } from './presence';
import { DeviceCopy } from './DeviceCopy';
import { LostEditWatch } from './LostEditWatch';
import type { OwnWriteStore } from './lostWork';
import type { LostEditStore } from './lostEditStore';
import { type LostEditNotice, LostEditNotices } from './LostEditNotices';
import { type AckStore, SaveTracker } from './SaveTracker';
import type { SetAsideStore } from './setAsideStore';
import { SetAsideWork } from './SetAsideWork';
import { collectRedactedWords, isRedacted } from './redactedWords';
import { removalsIn } from './removalsIn';
import { describeUnsaved, type UnsavedChange } from './unsavedWork';
import {
  browserNetwork,
  type NetworkEvents,
  reconnectAfter,
  SILENCE_MS,
  watchSilence,
} from './reconnectPolicy';
import { noteStoredWrites, unstoredWrites, writeCountingSocket } from './writeCountingSocket';

export type { NetworkEvents } from './reconnectPolicy';

/** y-protocols' sync message types: step 1 (a state vector), step 2 and update (content). */
const SYNC_STEP_1 = 0;
const SYNC_UPDATE = 2;
/** Sync content from this size on is applied without 'update' events (withoutUpdateEvents). */
const QUIET_APPLY_BYTES = 1024 * 1024;

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

export interface BoardConnectionOptions {
  readonly boardId: string;
  readonly token: string;
  readonly role: Role;
  /** The local user: `id` is their invite id, as the server attributes their writes. */
  readonly actor: Actor;
  /** The server's origin, e.g. `http://localhost:8080`; null for no network (tests). */
  readonly serverUrl: string | null;
  /** Keep a copy in IndexedDB (browser only). */
  readonly persist: boolean;
  readonly ackStore?: AckStore;
  /** Where this person's card edits are kept across a reload, to report lost ones. */
  readonly ownWriteStore?: OwnWriteStore;
  /** Where the notices of their lost edits are kept across a reload, until dismissed. */
  readonly lostEditStore?: LostEditStore;
  readonly WebSocketPolyfill?: typeof WebSocket;
  /**
   * The server closed the connection because a lead changed this invite's role (4205). The
   * connection waits: its commands are bound to the old role. Open one with the new role, or
   * call reconnect() if the role is the same after all.
   */
  readonly onRoleChanged?: () => void;
  /** Where the changes the server refused are kept across a reload, until dismissed. */
  readonly setAsideStore?: SetAsideStore;
  /**
   * The server refused changes that only this device's copy held (4403: written with a client
   * id bound to an earlier invite, or that this role may not make). They are set aside and the
   * copy is gone: open a new connection (a new doc, so a new client id) to carry on.
   */
  readonly onStaleCopy?: () => void;
  /** Injected for tests; the browser's `window` by default. */
  readonly network?: NetworkEvents | null;
  /** How long a connected socket may be silent before it is replaced (tests); SILENCE_MS. */
  readonly silenceMs?: number;
  readonly doc?: Y.Doc;
}

type AwarenessListener = (
  change: { added: number[]; updated: number[]; removed: number[] },
  origin: unknown,
) => void;

type MessageHandler = (
  encoder: unknown,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

/**
 * The server acknowledges the writes it stored (message 100) to writers only, never to a
 * viewer: a writer's socket counts the write messages it sends, to compare with those acks.
 */
function socketClass(role: Role, polyfill: typeof WebSocket | undefined): typeof WebSocket {
  const Base = polyfill ?? WebSocket;
  return role === 'viewer' ? Base : writeCountingSocket(Base);
}

export class BoardConnection {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The undo manager's stacks, for whether there is a step to undo or redo. */
  readonly undoManager: Y.UndoManager;
  readonly commands: BoardCommands;
  readonly role: Role;
  readonly actor: Actor;

  private readonly reader: BoardReader;
  private readonly undoSteps: BoardUndo;
  private readonly tracker: SaveTracker;
  private readonly provider: WebsocketProvider | null;
  private readonly deviceCopy: DeviceCopy | null;
  private readonly network: NetworkEvents | null;
  private readonly listeners = new Set<() => void>();
  /** The current snapshot; null after a change until the next read. */
  private snapshot: BoardSnapshot | null = null;
  /** The previous snapshot, whose unchanged parts the next one reuses. */
  private lastSnapshot: BoardSnapshot | null = null;
  private socket: ConnectionFacts['socket'] = 'disconnected';
  private refusedCode: number | null = null;
  /** The server closed the socket for good: the provider is about to say why ('closed'). */
  private closingForGood = false;
  /** The refusal was of this device's copy only, and onStaleCopy opens the board afresh. */
  private reopening = false;
  /**
   * The server's reason for a refusal ("invalid token": a link cut short or changed, or
   * expired; "revoked"), which the page uses to say which it was.
   */
  refusedReason: string | null = null;
  private loaded = false;
  private destroyed = false;
  private readonly silenceCheck: ReturnType<typeof setInterval> | null = null;
  private readonly lostEditWatch: LostEditWatch;
  private readonly lostEdits: LostEditNotices;
  private readonly onRoleChanged: (() => void) | undefined;
  private readonly onStaleCopy: (() => void) | undefined;
  private readonly setAside: SetAsideWork;
  private invitesChanged = 0;
  /**
   * The server said its disk is full (102, or a close with 4507: the board could not be loaded)
   * and has acknowledged nothing since. Kept across a reconnection: a server still full says so
   * again as the socket joins, and one that has space answers the sync ('sync', below).
   */
  private storageFull = false;
  /** The server's state vector from its last sync step 1: what it is known to store. */
  private serverState: Map<number, number> | null = null;
  /** Comments found marked redacted whose words this tab has not let go of yet (noteRedactions). */
  private readonly redactionsFound = new Set<string>();
  /** One of them was redacted while this tab had the comment: its words were here. */
  private redactedLive = false;
  /** One of them came from this device's copy, or a tab's record, not from the server. */
  private redactionFromDevice = false;

  constructor(options: BoardConnectionOptions) {
    this.role = options.role;
    this.onRoleChanged = options.onRoleChanged;
    this.onStaleCopy = options.onStaleCopy;
    this.setAside = new SetAsideWork(options.setAsideStore ?? null, this.changed);
    this.actor = options.actor;
    this.doc = options.doc ?? new Y.Doc();
    this.lostEdits = new LostEditNotices({
      doc: this.doc,
      store: options.lostEditStore ?? null,
      isStored: (client, clock) => this.tracker.isStored(client, clock),
      whoIs: (client) => parseState(client, this.awareness.getStates().get(client))?.user ?? null,
      changed: this.changed,
    });
    this.awareness = new Awareness(this.doc);
    this.reader = createBoardReader(this.doc);
    this.tracker = new SaveTracker(options.ackStore ?? null);
    this.network = options.network === undefined ? browserNetwork() : options.network;

    // Before the undo manager, whose stack events re-render too: by then a local change must
    // already count as unsaved (a delete moves no clock that would show it).
    this.lostEditWatch = new LostEditWatch(
      this.doc,
      this.lostEdits.note,
      options.ownWriteStore ?? null,
    );
    this.doc.on('afterTransaction', this.noteOwnChange);
    this.doc.on('afterTransaction', this.noteRedactions);
    this.undoSteps = new BoardUndo(this.doc, this.changed);
    this.undoManager = this.undoSteps.manager;
    this.commands = bindCommands({
      doc: this.doc,
      actor: this.actor,
      role: this.role,
      refused: () => this.refusedCode !== null,
      afterCommand: () => this.undoManager.stopCapturing(),
    });

    this.awareness.setLocalState({
      user: { id: this.actor.id, name: this.actor.name, colour: colourFor(this.actor.id) },
      openCard: null,
      carrying: null,
    } satisfies PresenceState);

    this.doc.on('update', this.onUpdate);
    this.awareness.on('change', this.changed);

    this.deviceCopy = options.persist
      ? new DeviceCopy(options.boardId, this.doc, {
          provider: () => this.provider,
          // An empty copy (a first visit) is no board: the page says "Loading board…" until
          // the server's arrives, not "No cards yet" over an "Untitled board" for as long as a
          // slow link takes to bring it (found by QA: 30 s, a 300-card board at 30 KB/s).
          loaded: (held) => {
            if (held || !this.provider) this.markLoaded();
          },
          afterLoad: this.afterDiskLoad,
          changed: this.changed,
        })
      : null;

    this.provider =
      options.serverUrl === null
        ? null
        : new WebsocketProvider(`${options.serverUrl}/sync`, options.boardId, this.doc, {
            // Not in the URL, which the browser prints on every failed connection.
            protocols: [tokenProtocol(options.token)],
            awareness: this.awareness,
            connect: this.network?.onLine ?? true,
            // Other tabs' updates are not stored yet; they sync through the server instead.
            disableBc: true,
            shouldReconnect: reconnectAfter,
            WebSocketPolyfill: socketClass(options.role, options.WebSocketPolyfill),
          });
    if (this.provider) {
      this.wireProvider(this.provider);
      this.silenceCheck = watchSilence(
        this.provider,
        options.silenceMs ?? SILENCE_MS,
        () => this.refusedCode === null && !this.destroyed,
      );
    }
    this.network?.addEventListener('online', this.onOnline);
    this.network?.addEventListener('offline', this.onOffline);
    if (!this.deviceCopy && !this.provider) this.loaded = true;
  }

  private wireProvider(provider: WebsocketProvider): void {
    // The provider re-sends every awareness change it sees, colleagues' states included, which
    // the server refuses (a connection may set only its own presence). Send only our own.
    const echo = (provider as unknown as { _awarenessUpdateHandler: AwarenessListener })
      ._awarenessUpdateHandler;
    this.awareness.off('update', echo);
    this.awareness.on('update', this.sendOwnAwareness);
    const handlers = provider.messageHandlers as unknown as MessageHandler[];
    handlers[MESSAGE.saved] = (_encoder, decoder, p) => {
      const ack = decodeSavedAck(decoder);
      const unstored = unstoredWrites(p.ws);
      const allWrites = noteStoredWrites(p.ws, ack.writes);
      const moved = this.tracker.acknowledge(ack.clocks, { allWrites });
      if (moved) this.noteStored();
      // Something was stored: the disk has space again (a restarted server says no 102).
      const stored = this.storageFull;
      this.storageFull = false;
      if (moved || stored || unstoredWrites(p.ws) !== unstored) this.changed();
    };
    handlers[MESSAGE.storageFull] = (_encoder, decoder) => {
      this.storageFull = decodeStorageFull(decoder);
      this.changed();
    };
    handlers[MESSAGE.invitesChanged] = () => this.noteInvitesChanged();
    const sync = handlers[MESSAGE.sync] as MessageHandler;
    handlers[MESSAGE.sync] = (encoder, decoder, p, emitSynced, type) => {
      const peek = decoding.clone(decoder);
      const kind = decoding.readVarUint(peek);
      if (kind === SYNC_STEP_1) {
        // The server's sync step 1 carries its state vector: everything in it is stored.
        const serverState = Y.decodeStateVector(decoding.readVarUint8Array(peek));
        this.serverState = serverState;
        // It proves clocks only: a delete waits for an acknowledgment that counts its message.
        if (this.tracker.acknowledge(serverState, { allWrites: false })) {
          this.noteStored();
          this.changed();
        }
      }
      // A subarray, not a copy: read only when another tab's change waits (acknowledgeRelayed).
      const relayed =
        kind === SYNC_UPDATE ? decoding.readVarUint8Array(decoding.clone(peek)) : null;
      if (kind !== SYNC_STEP_1 && decoder.arr.byteLength - decoder.pos >= QUIET_APPLY_BYTES) {
        // A large board arriving: skip the re-encoding for 'update' listeners (see
        // withoutUpdateEvents). The provider would ignore it; the store and IndexedDB are told
        // here, IndexedDB with the bytes as they came.
        const update = decoding.readVarUint8Array(peek);
        withoutUpdateEvents(this.doc, () => sync(encoder, decoder, p, emitSynced, type));
        this.changed();
        this.deviceCopy?.keep(update);
        if (relayed) this.acknowledgeRelayed(relayed);
        return;
      }
      sync(encoder, decoder, p, emitSynced, type);
      if (relayed) this.acknowledgeRelayed(relayed);
    };
    // A socket the server closed for good is said down (status) before the provider says why
    // ('closed', at once after): in between, the connection seemed to be reconnecting, with no
    // answer awaited (awaitsAnswer), and the page showed a new connection in its place before
    // this one was refused (the viewer's, which said his new role, then "Saving…" for the move
    // refused here, and was refused in turn). Its status changes once, with the reason.
    provider.on('connection-close', (event) => {
      this.closingForGood = event !== null && !reconnectAfter(event);
      // The board could not be loaded for a full disk: retried, and said meanwhile.
      if (event?.code === CLOSE.storageFull) this.storageFull = true;
    });
    provider.on('status', ({ status }) => {
      this.socket = status;
      if (!this.closingForGood) this.changed();
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        // The server answered the sync: no batch of the board waits for space (its room
        // answers only between them), and the board loaded.
        this.storageFull = false;
        this.markLoaded();
        this.deviceCopy?.takeOtherTabsWork();
        // While the socket was down, nobody could tell this page of changed invites.
        this.noteInvitesChanged();
      }
      this.changed();
    });
    provider.on('closed', ({ code, reason }) => {
      this.closingForGood = false;
      if (code === CLOSE.roleChanged) {
        this.changed();
        this.onRoleChanged?.();
        return;
      }
      this.refusedReason = reason;
      this.refusedCode = code;
      const refusedWork = code === CLOSE.unauthorized || code === CLOSE.forbidden;
      const stale = code === CLOSE.forbidden && !this.tracker.isSaved(this.doc);
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
        this.deviceCopy && forget ? this.deviceCopy.forget(provider.roomname) : Promise.resolve();
      // The page is told it is being opened afresh, not refused: it says so, and no more. A copy
      // that could not be dropped would be refused again: then it is a refusal after all.
      this.reopening = stale && this.onStaleCopy !== undefined;
      if (stale) {
        forgotten.then(
          () => this.onStaleCopy?.(),
          () => {
            this.reopening = false;
            this.changed();
          },
        );
      }
      this.changed();
    });
  }

  private readonly sendOwnAwareness: AwarenessListener = (change, origin) => {
    const provider = this.provider;
    if (!provider || origin === provider) return;
    const own = [...change.added, ...change.updated, ...change.removed].filter(
      (id) => id === this.doc.clientID,
    );
    const ws = provider.ws;
    if (own.length === 0 || !provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, own));
    ws.send(encoding.toUint8Array(encoder));
  };

  /** Whether the latest change to the board was this person's (a command, an Undo). */
  readonly lastChangeWasOwn = (): boolean => this.ownLast;
  private ownLast = false;

  private readonly noteOwnChange = (transaction: Y.Transaction) => {
    // Everything that came neither from the server nor from IndexedDB is this person's own.
    const origin: unknown = transaction.origin;
    const fromServer = this.provider !== null && origin === this.provider;
    const fromDisk = this.deviceCopy !== null && origin === this.deviceCopy.persistence;
    const changed = changedDoc(transaction);
    if (changed) this.ownLast = !fromServer && !fromDisk;
    if (!fromServer && !fromDisk && changed) {
      this.tracker.noteLocalWrite(this.doc.clientID, removalsIn(transaction, this.doc));
      this.deviceCopy?.trackLocalChange();
    }
    this.lostEditWatch.noteTransaction(transaction, fromServer || fromDisk);
  };

  /**
   * Notes the comments a transaction shows marked redacted: newly (the lead's redaction, which
   * this tab saw live, with the comment's words before it) or as they arrive (a board loading
   * from this device's copy, which may hold their words, or from the server). What this tab and
   * this device keep of their words goes just after the transaction (scrubRedactions), before
   * any Undo can be pressed.
   */
  private readonly noteRedactions = (transaction: Y.Transaction) => {
    const comments = commentsMap(this.doc);
    let found = false;
    for (const [type, keys] of transaction.changed) {
      if ((type as unknown) === comments) {
        for (const id of keys) {
          if (id === null || !isRedacted(comments.get(id))) continue;
          this.redactionsFound.add(id);
          this.redactionFromDevice ||= transaction.origin !== this.provider;
          found = true;
        }
      } else if (
        keys.has(COMMENT_REDACTED_KEY) &&
        type._item?.parent === comments &&
        isRedacted(type)
      ) {
        this.redactionsFound.add(type._item.parentSub as string);
        this.redactedLive = true;
        found = true;
      }
    }
    if (found) queueMicrotask(this.scrubRedactions);
  };

  /**
   * Lets go of the words of the comments found redacted: this tab's Undo and Redo steps that
   * touch them give way to empty ones (an Undo there says why nothing was undone), the doc's
   * deleted values of their text are emptied, and this device's other records of them forget
   * them (scrubRecords). Then the device's copy is rewritten without them, as far as it may
   * hold them (DeviceCopy.scrubComments).
   */
  private readonly scrubRedactions = () => {
    if (this.destroyed || this.redactionsFound.size === 0) return;
    const ids: ReadonlySet<string> = new Set(this.redactionsFound);
    const live = this.redactedLive;
    const fromDevice = this.redactionFromDevice;
    this.redactionsFound.clear();
    this.redactedLive = false;
    this.redactionFromDevice = false;
    this.undoSteps.dropRedacted();
    collectRedactedWords(this.doc, ids);
    this.scrubRecords(ids);
    this.changed();
    this.deviceCopy?.scrubComments(ids, { live, fromDevice });
  };

  /**
   * Forgets the comments' words in this device's records in localStorage (and this page's copy
   * of them): the refused changes set aside, this person's lost-edit notices and own writes, and
   * what unconfirmed deletions removed. Another person's notices in this browser are theirs,
   * scrubbed when their page of the board opens.
   */
  private scrubRecords(ids: ReadonlySet<string>): void {
    this.lostEditWatch.forgetComments(ids);
    this.tracker.forgetComments(ids);
    this.setAside.forgetComments(ids);
    this.lostEdits.forgetComments(ids);
  }

  /**
   * The server relays an update only once it has stored it (Room.publish), so what it carries
   * of this browser's client ids is stored: another tab's change, say, whose acknowledgment
   * only that tab's socket gets. Without this a tab opened after another had written said
   * "Saving…" after each change of the other, until it wrote itself. Clocks only, as with
   * step 1. Parsed only while such a change waits: a parse costs about as much as applying.
   */
  private acknowledgeRelayed(update: Uint8Array): void {
    if (!this.tracker.awaitsOtherTabs(this.doc)) return;
    if (this.tracker.acknowledge(Y.parseUpdateMeta(update).to, { allWrites: false })) {
      this.noteStored();
      this.changed();
    }
  }

  /** The server stored more of this person's writes: a deletion after that could see them. */
  private noteStored(): void {
    this.lostEditWatch.forgetStored((client, clock) => this.tracker.isStored(client, clock));
  }

  private keepRefusedWork(): void {
    const from = this.tracker.unstoredFrom(this.doc);
    const removed = this.tracker.unconfirmedRemovals();
    if (from.size === 0 && removed.length === 0) return;
    const refused = describeUnsaved(this.doc, from, this.reader.read(), removed);
    this.setAside.keep(refused);
  }

  /**
   * Posts a refused comment again, as a new comment of this connection's invite (a reply stays
   * a reply while its thread is on the board), and takes it off the list. Throws as
   * addComment does (the card is gone, the role may not comment).
   */
  postSetAsideComment(key: string): void {
    const change = this.setAside.find(key);
    if (!change?.comment || change.text === null) return;
    const { cardId, parentId } = change.comment;
    const threads = this.reader.read().cards[cardId]?.comments ?? [];
    const thread = parentId !== null && threads.some((c) => c.id === parentId) ? parentId : null;
    this.commands.addComment(cardId, { text: change.text, parentId: thread });
    this.setAside.forget(key);
  }

  /**
   * Makes a refused edit of a comment again, on the comment the board still has, and takes it
   * off the list. Throws as editComment does (the comment is gone or not theirs, the role may
   * not comment).
   */
  editSetAsideComment(key: string): void {
    const change = this.setAside.find(key);
    if (!change?.edit || change.text === null) return;
    this.commands.editComment(change.edit.commentId, change.text);
    this.setAside.forget(key);
  }

  /** Forgets the refused changes: their person has what they need of them. */
  dismissSetAside(): void {
    this.setAside.dismiss();
  }

  /** Takes a lost-edit notice off the list (restored, or read and let go), here and on the device. */
  dismissLostEdit(seq: number): void {
    this.lostEdits.dismiss(seq);
  }

  private readonly onUpdate = () => this.changed();

  private noteInvitesChanged(): void {
    this.invitesChanged++;
    this.changed();
  }

  private readonly onOnline = () => {
    if (this.refusedCode === null) this.provider?.connect();
    this.changed();
  };

  private readonly onOffline = () => {
    // Chromium may keep a dead socket open for a while; drop it so the state is honest.
    this.provider?.disconnect();
    this.changed();
  };

  /**
   * After the load from IndexedDB: the store is told, and the server gets what the copy holds
   * that it did not store (work made offline), as the provider would have sent it. Before the
   * server's sync step 1 has arrived, the provider's answer to it carries that instead.
   */
  private readonly afterDiskLoad = () => {
    this.changed();
    const provider = this.provider;
    const ws = provider?.ws;
    if (!provider?.wsconnected || !ws || ws.readyState !== ws.OPEN || !this.serverState) return;
    const missing = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.serverState));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    writeUpdate(encoder, missing);
    ws.send(encoding.toUint8Array(encoder));
  };

  private markLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.changed();
  }

  private readonly changed = () => {
    if (this.destroyed) return;
    this.snapshot = null;
    for (const listener of [...this.listeners]) listener();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Which cards may differ between two boards of this connection's snapshots (the reader's
   * changedCards): what is derived from every card follows a change at the cost of its cards.
   */
  readonly changedCards = (from: BoardView, to: BoardView): ReadonlySet<string> | null =>
    this.reader.changedCards(from, to);

  readonly getSnapshot = (): BoardSnapshot => {
    if (this.snapshot) return this.snapshot;
    const saved = this.tracker.isSaved(this.doc) && unstoredWrites(this.provider?.ws ?? null) === 0;
    const previous = this.lastSnapshot;
    const { peers, colours } = readPresence(this.awareness, this.actor.id);
    const myColour = colours.get(this.actor.id) ?? colourFor(this.actor.id);
    const next: BoardSnapshot = Object.freeze({
      board: this.reader.read(),
      status: this.sameStatus(previous?.status, this.facts(saved)),
      unsaved: !saved,
      onDevice: this.deviceCopy?.allStored ?? true,
      keepsCopy: this.deviceCopy?.keeps ?? false,
      loaded: this.loaded,
      peers: previous && samePeers(previous.peers, peers) ? previous.peers : Object.freeze(peers),
      myColour,
      canUndo: this.undoManager.canUndo(),
      canRedo: this.undoManager.canRedo(),
      lostEdits: this.lostEdits.list,
      setAside: this.setAside.list,
      refusedCards: this.setAside.refusedCards,
      earlierUnsaved: this.tracker.leftUnconfirmed,
      invitesChanged: this.invitesChanged,
    });
    this.snapshot = next;
    this.lastSnapshot = next;
    return next;
  };

  private facts(saved: boolean): ConnectionFacts {
    return {
      online: this.network?.onLine ?? true,
      socket: this.provider ? this.socket : 'connected',
      synced: this.provider ? this.provider.synced : true,
      saved,
      refusedCode: this.refusedCode,
      reopening: this.reopening,
      storageFull: this.storageFull,
    };
  }

  private sameStatus(previous: ConnectionStatus | undefined, facts: ConnectionFacts) {
    const status = deriveStatus(facts);
    return previous && previous.kind === status.kind && previous.code === status.code
      ? previous
      : Object.freeze(status);
  }

  /** Tells others which card this person has open (null when none). */
  setOpenCard(cardId: string | null): void {
    this.awareness.setLocalStateField('openCard', cardId);
  }

  /** Tells others which card this person is moving (null when none). */
  setCarrying(cardId: string | null): void {
    this.awareness.setLocalStateField('carrying', cardId);
  }

  /** Undoes this person's last change: which command made it, and whether it changed anything. */
  undo(): UndoStep {
    return this.undoSteps.undo();
  }

  /** Redoes the last undone change. */
  redo(): UndoStep {
    return this.undoSteps.redo();
  }

  /** Connects again after a close that waited for an answer (onRoleChanged). */
  reconnect(): void {
    if (!this.destroyed && this.refusedCode === null) this.provider?.connect();
  }

  /**
   * Whether the server has yet to answer changes made on this browser, on a socket it can answer
   * on (in sync, or syncing): store them, or refuse them and with them this device's copy. Not
   * the pill's "Saving…" alone, which also waits for the server to count this socket's writes
   * (a connection whose invite has just become a viewer's may wait for that for good).
   */
  awaitsAnswer(): boolean {
    const { kind } = this.getSnapshot().status;
    return (kind === 'syncing' || kind === 'saving') && !this.tracker.isSaved(this.doc);
  }

  /**
   * Resolves once the server has answered this connection: its board arrived (sync step 2), or
   * it refused the connection. Until then the doc may hold less than the board (nothing at all
   * when this device's copy was dropped): a page that shows another connection's board keeps
   * showing it until then, or every card would seem deleted to what watches the board.
   */
  whenServerAnswered(): Promise<void> {
    const answered = () => !this.provider || this.provider.synced || this.refusedCode !== null;
    if (answered()) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (answered()) {
          off();
          resolve();
        }
      });
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.silenceCheck) clearInterval(this.silenceCheck);
    this.network?.removeEventListener('online', this.onOnline);
    this.network?.removeEventListener('offline', this.onOffline);
    this.doc.off('afterTransaction', this.noteOwnChange);
    this.doc.off('afterTransaction', this.noteRedactions);
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.sendOwnAwareness);
    this.lostEdits.destroy();
    this.undoSteps.destroy();
    this.provider?.destroy();
    this.deviceCopy?.destroy();
    this.awareness.destroy();
    this.reader.destroy();
    this.listeners.clear();
  }
}

/** Whether a transaction changed the doc (Yjs emits an update for it): a delete or a struct. */
function changedDoc(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
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
