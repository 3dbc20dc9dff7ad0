/**
 * One open board: the only place in the client that touches Yjs. It owns the Y.Doc, the
 * WebSocket provider with awareness, the IndexedDB copy for offline work, the undo manager
 * (own commands only) and the storage acknowledgments, and it offers React one immutable
 * snapshot (`subscribe` / `getSnapshot`, for `useSyncExternalStore`) plus bound commands.
 *
 * It wires its collaborators: openProvider (the socket, as reconnectPolicy says), ServerSaves
 * (acknowledgments and the server's storage-full state), ConnectionRefusal (closes for good,
 * and the work and copy they affect), DeviceCopy, RedactionsFound, sendOwnPresence and the
 * BoardSnapshot it builds.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import {
  type Actor,
  type BoardReader,
  type BoardView,
  createBoardReader,
} from '../../shared/board';
import { MESSAGE } from '../../shared/protocol/messages';
import type { Role } from '../../shared/roles';
import { forgetDepartedClients } from '../../shared/yjs/forgetDepartedClients';
import type { BoardConnectionOptions } from './BoardConnectionOptions';
import { type BoardCommands, bindCommands } from './boardCommands';
import { type BoardSnapshot, samePeers, sameStatus } from './BoardSnapshot';
import { BoardUndo, type UndoStep } from './BoardUndo';
import { ConnectionRefusal } from './ConnectionRefusal';
import type { ConnectionFacts } from './connectionStatus';
import { colourFor, parseState, type PresenceState, presenceSeen, readPresence } from './presence';
import { DeviceCopy } from './DeviceCopy';
import { LostEditWatch } from './LostEditWatch';
import { LostEditNotices } from './LostEditNotices';
import { openProvider } from './openProvider';
import { browserFrames, type PageFrames } from './pageFrames';
import { SaveTracker } from './SaveTracker';
import { sendOwnPresence } from './sendOwnPresence';
import { ServerSaves } from './ServerSaves';
import { SetAsideWork } from './SetAsideWork';
import { collectRedactedWords } from './redactedWords';
import { RedactionsFound, type RedactionsHow } from './RedactionsFound';
import { bulkNoteIn } from './bulkNotes';
import { removalsIn } from './removalsIn';
import { browserNetwork, type NetworkEvents, SILENCE_MS, watchSilence } from './reconnectPolicy';
import { unstoredWrites } from './writeCountingSocket';
import { namedWrites, unnamedWriters, type WhoIs } from './crossedWrites';
import { askServer, WriterNames } from './WriterNames';

export type { BoardConnectionOptions } from './BoardConnectionOptions';
export type { BoardSnapshot } from './BoardSnapshot';
export type { NetworkEvents } from './reconnectPolicy';
export type { PageFrames } from './pageFrames';

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
  private readonly frames: PageFrames | null;
  /** Stops listening for the page being shown or hidden. */
  private readonly stopWatchingVisibility: () => void;
  private readonly listeners = new Set<() => void>();
  /** The current snapshot; null after a change until the next read. */
  private snapshot: BoardSnapshot | null = null;
  /** The previous snapshot, whose unchanged parts the next one reuses. */
  private lastSnapshot: BoardSnapshot | null = null;
  private socket: ConnectionFacts['socket'] = 'disconnected';
  /** The server's refusal, if any, and what follows from it (ConnectionRefusal). */
  private readonly refusal: ConnectionRefusal;
  /** What the server says it stored, and whether its disk is full (ServerSaves). */
  private readonly saves: ServerSaves;
  /**
   * The server's reason for a refusal ("invalid token": a link cut short or changed, or
   * expired; "revoked"), which the page uses to say which it was.
   */
  get refusedReason(): string | null {
    return this.refusal.reason;
  }
  private loaded = false;
  private destroyed = false;
  private readonly silenceCheck: ReturnType<typeof setInterval> | null = null;
  private readonly lostEditWatch: LostEditWatch;
  private readonly lostEdits: LostEditNotices;
  private readonly setAside: SetAsideWork;
  private invitesChanged = 0;
  /** Stops sending this person's presence changes to the server (sendOwnPresence). */
  private stopOwnPresence: () => void = () => undefined;
  /** The comments transactions show redacted, whose words go after them (scrubRedactions). */
  private readonly redactions: RedactionsFound;
  /** Writers the server names, for those presence never showed this page (namedByServer). */
  private readonly writerNames: WriterNames;
  /** Who wrote on a client, for an Undo's kept values: presence, else the server's answer. */
  private readonly whoWrote: WhoIs;

  constructor(options: BoardConnectionOptions) {
    this.role = options.role;
    this.setAside = new SetAsideWork(options.setAsideStore ?? null, this.changed);
    this.actor = options.actor;
    this.doc = options.doc ?? new Y.Doc();
    this.lostEdits = new LostEditNotices({
      doc: this.doc,
      store: options.lostEditStore ?? null,
      isStored: (client, clock) => this.tracker.isStored(client, clock),
      whoIs: this.presentUser,
      changed: this.changed,
    });
    this.awareness = new Awareness(this.doc);
    forgetDepartedClients(this.awareness, options.presenceForgetMs);
    this.reader = createBoardReader(this.doc);
    this.tracker = new SaveTracker(options.ackStore ?? null);
    this.network = options.network === undefined ? browserNetwork() : options.network;
    this.frames = options.frames === undefined ? browserFrames() : options.frames;
    this.stopWatchingVisibility =
      this.frames?.onVisibilityChange(this.onVisibilityChange) ?? (() => undefined);

    // Before the undo manager, whose stack events re-render too: by then a local change must
    // already count as unsaved (a delete moves no clock that would show it).
    this.lostEditWatch = new LostEditWatch(
      this.doc,
      this.lostEdits.note,
      options.ownWriteStore ?? null,
    );
    this.doc.on('afterTransaction', this.noteOwnChange);
    this.redactions = new RedactionsFound(this.doc, {
      fromServer: (origin) => origin === this.provider,
      destroyed: () => this.destroyed,
      scrub: this.scrubRedactions,
    });
    this.doc.on('afterTransaction', this.redactions.note);
    this.writerNames = new WriterNames(
      options.serverUrl === null
        ? null
        : askServer(options.serverUrl, options.boardId, options.token),
    );
    const seen = presenceSeen(this.awareness);
    this.whoWrote = (client) => seen(client) ?? this.writerNames.whoIs(client);
    this.undoSteps = new BoardUndo(this.doc, this.changed, this.whoWrote, this.actor.id);
    this.undoManager = this.undoSteps.manager;
    this.commands = bindCommands({
      doc: this.doc,
      actor: this.actor,
      role: this.role,
      refused: () => this.refusal.code !== null,
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
    this.saves = new ServerSaves({
      doc: this.doc,
      tracker: this.tracker,
      deviceCopy: this.deviceCopy,
      noteStored: () => this.noteStored(),
      changed: this.changed,
    });
    this.refusal = new ConnectionRefusal({
      doc: this.doc,
      reader: this.reader,
      tracker: this.tracker,
      setAside: this.setAside,
      deviceCopy: this.deviceCopy,
      onRoleChanged: options.onRoleChanged,
      onStaleCopy: options.onStaleCopy,
      changed: this.changed,
    });

    this.provider = openProvider(options, this.doc, this.awareness, this.network);
    if (this.provider) {
      this.wireProvider(this.provider);
      this.silenceCheck = watchSilence(
        this.provider,
        options.silenceMs ?? SILENCE_MS,
        () => this.refusal.code === null && !this.destroyed,
      );
    }
    this.network?.addEventListener('online', this.onOnline);
    this.network?.addEventListener('offline', this.onOffline);
    if (!this.deviceCopy && !this.provider) this.loaded = true;
  }

  private wireProvider(provider: WebsocketProvider): void {
    this.stopOwnPresence = sendOwnPresence(provider, this.awareness, this.doc);
    this.saves.wire(provider);
    const handlers = provider.messageHandlers as unknown as (() => void)[];
    handlers[MESSAGE.invitesChanged] = () => this.noteInvitesChanged();
    provider.on('connection-close', (event) => {
      this.refusal.connectionClosed(event);
      this.saves.connectionClosed(event);
    });
    provider.on('status', ({ status }) => {
      this.socket = status;
      if (!this.refusal.closingForGood) this.changed();
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.saves.synced();
        this.markLoaded();
        this.deviceCopy?.takeOtherTabsWork();
        // While the socket was down, nobody could tell this page of changed invites.
        this.noteInvitesChanged();
      }
      this.changed();
    });
    provider.on('closed', (event) => this.refusal.closed(event, provider));
  }

  /** The person on a client present now (its awareness state), or null. */
  private readonly presentUser = (client: number) =>
    parseState(client, this.awareness.getStates().get(client))?.user ?? null;

  /**
   * Whether the latest change to a card in the snapshot last read was this person's (a
   * command, an Undo), card by card: a colleague's change told in the same frame as one's own
   * (tellRemoteSoon) is theirs, and its notice is made. Of that snapshot, not of the doc: a
   * colleague's change may have arrived since, and is told only with its frame.
   */
  readonly lastChangeWasOwn = (cardId: string): boolean =>
    this.ownCards.get(cardId) ?? this.ownUnknown;
  /** Whether each card changed so far was last changed by this person, as of the snapshot. */
  private readonly ownCards = new Map<string, boolean>();
  /** What lastChangeWasOwn says of a card ownCards does not know (noteWhose). */
  private ownUnknown = false;
  /** Whether the doc's latest change was this person's. */
  private ownLast = false;

  /** Everything that came neither from the server nor from IndexedDB is this person's own. */
  private isOwn(origin: unknown): boolean {
    const fromServer = this.provider !== null && origin === this.provider;
    return !fromServer && !(this.deviceCopy !== null && origin === this.deviceCopy.persistence);
  }

  /**
   * Notes whose each card's change between two snapshots' boards was. Where the reader cannot
   * tell (the first snapshot, or one 64 reads after the last), what was whose is forgotten and
   * every card reads as the doc's latest change.
   */
  private noteWhose(from: BoardView | undefined, to: BoardView): void {
    const origins = from && this.reader.changeOrigins(from, to);
    if (!origins) {
      this.ownCards.clear();
      this.ownUnknown = this.ownLast;
      return;
    }
    for (const [cardId, origin] of origins) this.ownCards.set(cardId, this.isOwn(origin));
  }

  private readonly noteOwnChange = (transaction: Y.Transaction) => {
    const own = this.isOwn(transaction.origin);
    const changed = changedDoc(transaction);
    if (changed) this.ownLast = own;
    if (own && changed) {
      const removed = removalsIn(transaction, this.doc);
      const bulk = bulkNoteIn(transaction, this.doc, removed);
      this.tracker.noteLocalWrite(this.doc.clientID, removed, bulk);
      this.deviceCopy?.trackLocalChange();
    }
    this.lostEditWatch.noteTransaction(transaction, !own);
  };

  /**
   * Lets go of the words of the comments found redacted (RedactionsFound), just after the
   * transaction that showed them, before any Undo can be pressed: this tab's Undo and Redo
   * steps that touch them give way to empty ones (an Undo there says why nothing was undone),
   * the doc's deleted values of their text are emptied, and this device's other records of them
   * forget them (scrubRecords). Then the device's copy is rewritten without them, as far as it
   * may hold them (DeviceCopy.scrubComments).
   */
  private readonly scrubRedactions = (ids: ReadonlySet<string>, how: RedactionsHow) => {
    this.undoSteps.dropRedacted();
    collectRedactedWords(this.doc, ids);
    this.scrubRecords(ids);
    this.changed();
    this.deviceCopy?.scrubComments(ids, how);
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

  /** The server stored more of this person's writes: a deletion after that could see them. */
  private noteStored(): void {
    this.lostEditWatch.forgetStored((client, clock) => this.tracker.isStored(client, clock));
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

  /** Keeps who a lost-edit notice's writer was, once the server or the history named them. */
  nameLostEdit(seq: number, who: Actor): void {
    this.lostEdits.name(seq, who);
  }

  /**
   * A colleague's change is told with the others of its frame (tellRemoteSoon), the page's own
   * and the device copy's at once. Told one by one, a colleague's burst (300 changes a second
   * on a 300-card board) made React render the board once a change, and React threw 'Maximum
   * update depth exceeded' (#185) there, each time losing that screen update.
   */
  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (this.provider !== null && origin === this.provider) this.tellRemoteSoon();
    else this.changed();
  };

  /** Cancels the colleague's changes' telling to come (tellRemoteSoon), or null. */
  private remoteDue: (() => void) | null = null;

  private tellRemoteSoon(): void {
    if (this.remoteDue || this.destroyed) return;
    const tell = () => {
      this.remoteDue = null;
      this.changed();
    };
    // A hidden tab draws no frames: its listeners (notices, whenServerAnswered) still hear.
    if (this.frames?.visible) {
      this.remoteDue = this.frames.requestFrame(tell);
    } else {
      const timer = setTimeout(tell, 0);
      this.remoteDue = () => clearTimeout(timer);
    }
  }

  /**
   * A telling still to come is asked for again as the page is hidden or shown: a frame asked for
   * while the tab was shown is not drawn while it is hidden, and the colleague's changes waited
   * for the next telling of something else (one's own change, a colleague's presence).
   */
  private readonly onVisibilityChange = () => {
    if (!this.remoteDue) return;
    this.remoteDue();
    this.remoteDue = null;
    this.tellRemoteSoon();
  };

  private noteInvitesChanged(): void {
    this.invitesChanged++;
    this.changed();
  }

  private readonly onOnline = () => {
    if (this.refusal.code === null) this.provider?.connect();
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
    this.saves.sendMissing(this.provider);
  };

  private markLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.changed();
  }

  private readonly changed = () => {
    if (this.destroyed) return;
    this.snapshot = null;
    // Telling now tells a colleague's changes still to be told too.
    this.remoteDue?.();
    this.remoteDue = null;
    // A listener's error must not reach Yjs: thrown in the doc's 'update' event (React's
    // 'Maximum update depth exceeded' did, in a colleague's burst of changes), it leaves that
    // transaction's cleanup unfinished, and Yjs then finishes no other. The page stopped
    // showing changes, keeping them on the device and sending its own, and kept every later
    // transaction in memory. The error is reported; the next listener is still told.
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        reportListenerError(error);
      }
    }
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
    const board = this.reader.read();
    this.noteWhose(previous?.board, board);
    const next: BoardSnapshot = Object.freeze({
      board,
      status: sameStatus(previous?.status, this.facts(saved)),
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
      refusedCode: this.refusal.code,
      reopening: this.refusal.reopening,
      roleChange: this.refusal.roleChange,
      storageFull: this.saves.storageFull,
    };
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

  /**
   * An Undo's or Redo's step with the writers of its kept values that this page could not name
   * (never seen in presence: they wrote while it was closed, or without presence) named as the
   * server knows them, or as it was when the server cannot say. Null when there is nobody to
   * ask about (all named, or asked about before): the step is told as it is, at once.
   */
  namedByServer(step: UndoStep): Promise<UndoStep> | null {
    const { kept } = step;
    const clients = unnamedWriters(kept);
    if (!kept || !this.writerNames.mayName(clients)) return null;
    return this.writerNames.learn(clients).then(
      () => ({ ...step, kept: namedWrites(kept, this.whoWrote, this.actor.id) }),
      () => step,
    );
  }

  /**
   * Who wrote with a Yjs client id: as presence showed them on this page, else as the server
   * knows them (asked as namedByServer asks, once per id), else null. A lost-edit notice's
   * writer, by the very write that was kept: one who wrote while this page was closed, or
   * without presence. Rejects when the server cannot say.
   */
  readonly writerOf = async (client: number): Promise<Actor | null> => {
    if (this.whoWrote(client) === null && this.writerNames.mayName([client])) {
      await this.writerNames.learn([client]);
    }
    return this.whoWrote(client);
  };

  /** Connects again after a close that waited for an answer (onRoleChanged). */
  reconnect(): void {
    if (!this.destroyed && this.refusal.code === null) this.provider?.connect();
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
    const answered = () => !this.provider || this.provider.synced || this.refusal.code !== null;
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
    this.doc.off('afterTransaction', this.redactions.note);
    this.doc.off('update', this.onUpdate);
    this.stopWatchingVisibility();
    this.remoteDue?.();
    this.stopOwnPresence();
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

/**
 * Reports a listener's error as an uncaught one is (the console, the window's 'error' event)
 * without throwing it into the caller: Node, where the tests run the store, has no reportError.
 */
function reportListenerError(error: unknown): void {
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
}
