/**
 * One loaded board: its Y.Doc, presence (RoomPresence), connections, and one serial queue
 * through which every write and every reply passes, so that updates keep their order and
 * nothing leaves the server before it is durable.
 *
 * A turn of the queue takes the waiting writes (client updates, server changes), checks each
 * against the doc as it stands (decode, missing dependencies, role, client-id binding) and
 * applies the good ones; then stores what the doc emitted (updates, new client-id bindings,
 * history events) as one batch, retrying until storage succeeds; only then broadcasts the
 * updates, acknowledges them ("saved") and answers waiting sync requests and reads. Replies
 * wait for the batch before them, so no client ever sees state that is not stored yet.
 *
 * What is stored is what the doc emitted, not the client's bytes: redundant parts are not kept,
 * and an update that applied only partly is stored as far as it applied.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { migrateBoard, schemaVersionOf } from '../../shared/board/migrate';
import { ROOT_NAMES, SCHEMA_VERSION } from '../../shared/board/schema';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { can } from '../../shared/roles';
import { encodeSaved, encodeStorageFull } from '../../shared/protocol/messages';
import { actorOf, eventsFor, ServerChange } from '../audit/attribution';
import { observeHistory } from '../audit/observeHistory';
import { DeletedPlaces } from '../audit/DeletedPlaces';
import { withoutUpdateEvents } from '../../shared/yjs/withoutUpdateEvents';
import { applyStoredContent, dropPending } from '../storage/applyStoredContent';
import { isDiskFull } from '../storage/isDiskFull';
import type {
  ClientBinding,
  DeletedPlacesRecord,
  HistoryEvent,
  StructId,
  SyncStorage,
} from '../storage/Storage';
import { AccessChangedError } from './AccessChangedError';
import { analyzeUpdate } from './analyzeUpdate';
import type { ChangeOptions } from './ChangeOptions';
import { BoardInvites } from './BoardInvites';
import { ChangeNotSavedError } from './ChangeNotSavedError';
import { ClientBindings } from './ClientBindings';
import type { Connection } from './Connection';
import { decodeUpdate } from './decodeUpdate';
import type { SyncCounters } from './SyncCounters';
import type { SyncLog } from './syncLog';
import {
  type ClientMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './syncMessages';
import { RoomCompaction } from './RoomCompaction';
import { RoomPresence } from './RoomPresence';
import { StorageFullError } from './StorageFullError';
import { SyncError } from './SyncError';
import type { SyncOptions } from './syncOptions';
import { StorageError } from '../storage/StorageError';
import { UnknownBoardError } from './UnknownBoardError';
import { HistoryDigests } from './HistoryDigests';
import { checkWrite } from './writePolicy';
import { earliestTime, timeBounds } from './writeTimes';

type Job =
  | {
      readonly kind: 'write';
      readonly conn: Connection;
      readonly update: Uint8Array;
      /** The places of what it is lost to were read from storage (DeletedPlaces.unread). */
      readonly placesRead?: true;
    }
  | { readonly kind: 'syncStep1'; readonly conn: Connection; readonly stateVector: Uint8Array }
  | { readonly kind: 'join'; readonly conn: Connection }
  | {
      readonly kind: 'change';
      readonly actor: Actor;
      readonly options: ChangeOptions;
      readonly fn: (doc: Y.Doc) => unknown;
      readonly settle: Settle;
    }
  | { readonly kind: 'read'; readonly fn: (doc: Y.Doc) => unknown; readonly settle: Settle };

interface Settle {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Batch {
  readonly at: number;
  /** A write ran in this turn: replies must wait for the next one. */
  wrote: boolean;
  readonly updates: { readonly update: Uint8Array; readonly origin: unknown }[];
  readonly bindings: ClientBinding[];
  readonly history: HistoryEvent[];
  /** What this turn's deletions took (DeletedPlaces), stored with their history events. */
  readonly places: DeletedPlacesRecord[];
  readonly acks: Set<Connection>;
  readonly resync: Set<Connection>;
  readonly settled: (() => void)[];
  /** Called with storage's refusal when the batch could not be stored. */
  readonly failed: ((error: unknown) => void)[];
}

export interface RoomDeps {
  readonly boardId: string;
  readonly storage: SyncStorage;
  readonly options: SyncOptions;
  readonly log: SyncLog;
  /** What the room counts for /metrics: plain increments, nothing per message allocated. */
  readonly counters: SyncCounters;
  readonly now: () => number;
  /** Called whenever the room has no connections and no work. */
  readonly onIdle: (room: Room) => void;
  /** Called with each stored batch's history events, after it is broadcast. */
  readonly onHistory: (boardId: string, events: readonly HistoryEvent[]) => void;
}

/** On unload, compact when at least this many updates follow the last snapshot. */
const COMPACT_ON_UNLOAD = 100;
const LOAD = Symbol('load');
/**
 * A fresh client's sync reply (the whole board) is kept from this size on, until the next
 * change: encoding and framing 10,000 cards takes about 130 ms per joiner, and clients join a
 * board in waves (a newsroom opening it). Smaller boards are cheap to encode and not worth
 * the memory.
 */
const KEEP_FULL_STATE_BYTES = 1024 * 1024;
/**
 * A room whose last turn ended this long ago runs a new job at once; a busier one first lets
 * the other sockets deliver (see drain). Measured: the wait costs a lone edit 0.08 ms at the
 * median and up to 2 ms in the tail, and batching only pays when writes follow each other.
 */
const QUIET_MS = 2;

/** What a write that needs no read from storage returns (Room.write). */
const ALL_READ: readonly StructId[] = [];

/** Storage's refusal of a write to a board it deleted (Storage.deleteBoard). */
const boardGone = (error: unknown) =>
  error instanceof StorageError && error.code === 'board_not_found';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomClientId = () => Math.floor(Math.random() * 0xffffffff);

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly conns = new Set<Connection>();
  private readonly presence: RoomPresence;
  private readonly compaction: RoomCompaction;
  /** The board's invites, for who may be given a card (BoardInvites); loaded with the board. */
  readonly invites: BoardInvites;
  /** Resolves when the board's content is loaded; rejects if loading failed. */
  readonly ready: Promise<void>;
  failed = false;
  /** The load's failure is logged (once: the registry keeps a failed room a while). */
  private failureLogged = false;
  private closing = false;
  /** The board was deleted (discard): nothing more is taken, queued work fails. */
  private discarded = false;
  private queue: Job[] = [];
  private running = false;
  private bindings = new ClientBindings();
  /** What the board's history records of removed articles and deleted cards (checkSources). */
  private readonly historyDigests = new HistoryDigests();
  /** Where deleted cards and removed evidence items were, for the writes they lose. */
  private readonly deletedPlaces = new DeletedPlaces();
  /** Structs a write waiting at the queue's head is lost to, to read from storage first. */
  private unreadPlaces: readonly StructId[] | null = null;
  private batch: Batch | null = null;
  private lastSeq = 0;
  /** Stops the history observer, which is attached once the stored board is loaded. */
  private stopHistory: () => void = () => undefined;
  /** The sync step 2 for an empty state vector while the doc is unchanged, if large. */
  private fullState: Uint8Array | null = null;
  /** performance.now() when the last turn was published. */
  private lastTurnEnd = -Infinity;
  /** The earliest time a client's write may carry (writeTimes), set when the board loads. */
  private earliestTime = -Infinity;
  /**
   * Storing the board's last batch failed because the disk is full, and none stored since:
   * its connections have been told so (message 102), and are told when storing works again.
   */
  private storageFull = false;
  /** Ends the wait before a failed batch's next try at once (discard). */
  private wakeRetry: (() => void) | null = null;
  /** A client id's clock in the doc, for "saved" (made once: it runs for every ack). */
  private readonly storedClock = (client: number): number => Y.getState(this.doc.store, client);

  constructor(private readonly deps: RoomDeps) {
    this.invites = new BoardInvites(deps.boardId);
    for (const name of ROOT_NAMES) this.doc.getMap(name);
    this.compaction = new RoomCompaction({
      ...deps,
      doc: this.doc,
      lastSeq: () => this.lastSeq,
      between: () => !this.closing && !this.running,
    });
    this.presence = new RoomPresence(this.doc, {
      conns: this.conns,
      writerOf: (clientId) => this.bindings.ownerOf(clientId),
      maxStateBytes: deps.options.maxAwarenessBytes,
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullState = null;
      if (this.batch) this.batch.updates.push({ update, origin });
    });
    this.ready = this.load();
    this.ready.catch(() => {
      this.failed = true;
    });
    this.kick();
  }

  get boardId(): string {
    return this.deps.boardId;
  }

  /** No connections and nothing queued or running: the registry may unload it. */
  idle(): boolean {
    return this.conns.size === 0 && this.queue.length === 0 && !this.running;
  }

  join(conn: Connection): void {
    this.conns.add(conn);
    // At once, not in the queue: the queue waits behind the batch that cannot be stored.
    if (this.storageFull) conn.send(encodeStorageFull(true));
    this.enqueue({ kind: 'join', conn });
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.presence.leave(conn);
    if (this.idle()) this.deps.onIdle(this);
  }

  receive(conn: Connection, message: ClientMessage): void {
    this.deps.counters.messagesReceived++;
    switch (message.kind) {
      case 'write':
        this.deps.counters.updatesReceived++;
        this.enqueue({ kind: 'write', conn, update: message.update });
        return;
      case 'syncStep1':
        this.enqueue({ kind: 'syncStep1', conn, stateVector: message.stateVector });
        return;
      case 'awareness':
        this.presence.receive(conn, message.update);
        return;
      case 'queryAwareness':
        this.presence.sendStates(conn);
        return;
    }
  }

  change<T>(actor: Actor, fn: (doc: Y.Doc) => T, options: ChangeOptions = {}): Promise<T> {
    // Queued, it would wait behind the batch being retried for as long as the disk is full.
    if (this.storageFull) return Promise.reject(this.notDone());
    return new Promise<T>((resolve, reject) => {
      this.enqueue({
        kind: 'change',
        actor,
        options,
        fn,
        settle: { resolve: resolve as (v: unknown) => void, reject },
      });
    });
  }

  read<T>(fn: (doc: Y.Doc) => T): Promise<T> {
    // A read answers once what is queued before it is stored (see above): as for change.
    if (this.storageFull) return Promise.reject(this.notDone());
    return new Promise<T>((resolve, reject) => {
      this.enqueue({
        kind: 'read',
        fn,
        settle: { resolve: resolve as (v: unknown) => void, reject },
      });
    });
  }

  /**
   * The board is deleted, for good: its queued server changes and reads fail
   * (UnknownBoardError) and so does whatever is queued from now on; a turn under way ends (its
   * batch, refused by storage once the board is gone, fails its changes the same way); nothing
   * is compacted; the doc is freed. The sync server has closed the board's sockets.
   */
  async discard(): Promise<void> {
    this.closing = true;
    this.discarded = true;
    this.rejectQueued();
    this.wakeRetry?.();
    while (this.running) await sleep(5);
    await this.compaction.running();
    this.stopHistory();
    this.presence.destroy();
    this.doc.destroy();
  }

  private rejectQueued(): void {
    for (const job of this.queue.splice(0)) {
      if (job.kind === 'change' || job.kind === 'read') {
        job.settle.reject(new UnknownBoardError(this.boardId));
      }
    }
  }

  /** Finishes queued work, compacts if worthwhile, and frees the doc. */
  async close(): Promise<void> {
    this.closing = true;
    for (const conn of this.conns) conn.close(CLOSE.goingAway, 'server shutting down');
    while (this.running || this.queue.length > 0) {
      await this.drain();
      if (this.running) await sleep(5);
    }
    await this.compaction.running();
    if (!this.failed) {
      this.compaction.ifWorthwhile(Math.min(COMPACT_ON_UNLOAD, this.deps.options.compactEvery));
      await this.compaction.running();
    }
    this.stopHistory();
    this.presence.destroy();
    this.doc.destroy();
  }

  private async load(): Promise<void> {
    const { storage, boardId, log } = this.deps;
    const [content, bindings, invites, removedEvidence, removedArticles, deletedSources, board] =
      await Promise.all([
        storage.loadContent(boardId),
        storage.listClientBindings(boardId),
        storage.listInvites(boardId),
        storage.listRemovedEvidence(boardId),
        storage.listRemovedArticles(boardId),
        storage.listDeletedCardSources(boardId),
        storage.getBoard(boardId),
      ]);
    this.invites.load(invites);
    this.historyDigests.load(removedArticles, deletedSources);
    // Loading what is stored emits nothing to store or broadcast, and is no one's history: with
    // the 'update' listener and the history observer attached, a 10,000-card board (17 MB)
    // took 1,050-2,200 ms to load instead of 790-810 ms, all of it on the event loop.
    const skipped = withoutUpdateEvents(this.doc, () =>
      applyStoredContent(this.doc, content, LOAD),
    );
    if (skipped > 0) log('warn', 'skipped stored updates that do not apply', { boardId, skipped });
    dropPending(this.doc);
    if (board) this.earliestTime = earliestTime(this.doc, board.createdAt);
    this.stopHistory = observeHistory(
      this.doc,
      (drafts, origin) => {
        const actor = actorOf(origin);
        const batch = this.batch;
        const places = this.deletedPlaces.take();
        if (!actor || !batch) return;
        for (const d of drafts.flatMap((draft) => eventsFor(draft, origin))) {
          // A value a crossing write replaced is recorded in its own writer's name.
          const { actor: writer, ...event } = d;
          batch.history.push({ boardId, ...event, actor: writer ?? actor, at: batch.at });
        }
        batch.places.push(...places);
      },
      removedEvidence,
      (clientId) => {
        const inviteId = this.bindings.ownerOf(clientId);
        return inviteId === undefined ? null : this.invites.actor(inviteId);
      },
      this.deletedPlaces,
    );
    this.bindings = new ClientBindings(bindings);
    this.lastSeq = content.lastSeq;
    this.compaction.loaded(content);
    this.queueMigration();
  }

  /**
   * A board stored in an older layout (B10) is migrated before anything else runs, as a change
   * of the system's, stored and broadcast like any other. An empty doc is left alone: a new
   * board gets its layout from initBoard.
   */
  private queueMigration(): void {
    if (schemaVersionOf(this.doc) >= SCHEMA_VERSION) return;
    if (ROOT_NAMES.every((name) => this.doc.getMap(name).size === 0)) return;
    const { log, boardId } = this.deps;
    this.queue.unshift({
      kind: 'change',
      actor: SYSTEM_ACTOR,
      options: {},
      fn: (doc) => migrateBoard(doc, { actor: SYSTEM_ACTOR }),
      settle: {
        resolve: () => log('info', 'migrated the board layout', { boardId, to: SCHEMA_VERSION }),
        reject: (error) => log('error', 'migrating the board failed', { boardId, error }),
      },
    });
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    if (this.discarded) return this.rejectQueued();
    this.kick();
  }

  private kick(): void {
    this.drain().catch((error: unknown) => {
      this.deps.log('error', 'room queue failed', { boardId: this.boardId, error });
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      try {
        await this.ready;
      } catch (error) {
        this.failAll(error);
        return;
      }
      while (this.queue.length > 0) {
        if (this.unreadPlaces) await this.readPlaces(this.unreadPlaces);
        // Under load, let every socket with data deliver its messages first: one turn then
        // stores and sends them together (one commit, one write per socket) instead of one by
        // one. A quiet room has nothing to gather and answers at once.
        if (performance.now() - this.lastTurnEnd < QUIET_MS) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        const batch = this.turn();
        if (batch.updates.length > 0 || batch.history.length > 0 || batch.bindings.length > 0) {
          try {
            await this.commit(batch);
          } catch (error) {
            for (const fail of batch.failed) fail(error);
            if (boardGone(error)) {
              this.deps.log('info', 'dropped a change to a deleted board', {
                boardId: this.boardId,
              });
            } else {
              this.deps.log('error', 'gave up saving on shutdown', {
                boardId: this.boardId,
                error,
              });
            }
            continue;
          }
        }
        this.publish(batch);
        this.lastTurnEnd = performance.now();
        if (batch.history.length > 0) this.deps.onHistory(this.boardId, batch.history);
        this.compaction.ifWorthwhile(this.deps.options.compactEvery);
      }
    } finally {
      this.running = false;
      if (this.idle()) this.deps.onIdle(this);
    }
  }

  /** Runs waiting jobs against the doc until a reply would have to see this turn's writes. */
  private turn(): Batch {
    const batch: Batch = {
      at: this.deps.now(),
      wrote: false,
      updates: [],
      bindings: [],
      history: [],
      places: [],
      acks: new Set(),
      resync: new Set(),
      settled: [],
      failed: [],
    };
    this.batch = batch;
    try {
      let count = 0;
      while (this.queue.length > 0 && count < this.deps.options.maxBatch) {
        const job = this.queue[0] as Job;
        const writes = job.kind === 'write' || job.kind === 'change';
        if (!writes && batch.wrote) break;
        this.queue.shift();
        count++;
        if (writes) batch.wrote = true;
        this.run(job, batch);
        // A write that must wait for storage (readPlaces) went back to the head of the queue.
        if (this.unreadPlaces) break;
      }
    } finally {
      this.batch = null;
    }
    return batch;
  }

  /** Runs one job; whatever a job throws stays with that job (its connection or its caller). */
  private run(job: Job, batch: Batch): void {
    try {
      this.runJob(job, batch);
    } catch (error) {
      this.deps.log('error', 'job failed', { boardId: this.boardId, kind: job.kind, error });
      if ('conn' in job) job.conn.close(CLOSE.malformed, 'message not understood');
      if ('settle' in job) job.settle.reject(error);
    }
  }

  private runJob(job: Job, batch: Batch): void {
    switch (job.kind) {
      case 'write': {
        if (job.conn.closed) return;
        const unread = this.write(job.conn, job.update, batch, job.placesRead === true);
        if (unread.length > 0) {
          // Nothing of it ran: it runs again once the room has read what it is lost to.
          this.unreadPlaces = unread;
          this.queue.unshift({ ...job, placesRead: true });
          return;
        }
        // Counted whatever the outcome: a stored, redundant or gapped write is done with (a
        // refused one closes the socket), and the next ack, sent after the batch is stored,
        // reports the count.
        job.conn.writes++;
        return;
      }
      case 'change':
        this.serverChange(job, batch);
        return;
      case 'syncStep1':
        if (job.conn.closed) return;
        job.conn.send(this.syncStep2(job.stateVector), { bulk: true });
        return;
      case 'join':
        if (job.conn.closed) return;
        job.conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
        this.presence.sendStates(job.conn);
        return;
      case 'read':
        try {
          job.settle.resolve(job.fn(this.doc));
        } catch (error) {
          job.settle.reject(error);
        }
        return;
    }
  }

  /** What the doc has that a client with this state vector lacks, as a sync step 2. */
  private syncStep2(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    if (this.fullState) return this.fullState;
    const message = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    if (message.byteLength >= KEEP_FULL_STATE_BYTES) this.fullState = message;
    return message;
  }

  /**
   * Checks and applies a client's update. Returns the structs it is lost to that a deletion
   * before this room loaded may have taken (none once `placesRead`): then nothing of it ran,
   * so that it can run again after readPlaces, and its write.lost name what it was for.
   */
  private write(
    conn: Connection,
    update: Uint8Array,
    batch: Batch,
    placesRead: boolean,
  ): readonly StructId[] {
    try {
      const decoded = decodeUpdate(update);
      const analysis = analyzeUpdate(decoded, this.doc);
      if (analysis.missing) {
        // Never keep an update with a gap as pending data: ask the client for what is missing.
        batch.resync.add(conn);
        return ALL_READ;
      }
      const verdict = checkWrite(
        conn.role,
        conn.actor,
        analysis,
        decoded.ds,
        this.doc,
        this.invites,
        timeBounds(this.earliestTime, this.deps.now()),
        this.historyDigests,
      );
      if (!verdict.ok) throw new SyncError(CLOSE.forbidden, verdict.reason);
      const binding = this.bindings.check(this.doc, conn.inviteId, analysis.newClients);
      if (!binding.ok) throw new SyncError(CLOSE.forbidden, 'client id belongs to someone else');
      // Only a role that may edit cards could write into one (see below).
      const editor = can(conn.role, 'editBoard');
      if (editor && !placesRead) {
        const unread = this.deletedPlaces.unread(analysis.newItems);
        if (unread.length > 0) return unread;
      }
      for (const claim of binding.claims) {
        this.bindings.bind(claim);
        batch.bindings.push(claim);
      }
      if (analysis.newStructs.length > 0 || analysis.deletes.length > 0) {
        try {
          Y.applyUpdate(this.doc, update, conn);
        } catch {
          throw new SyncError(CLOSE.malformed, 'update does not apply');
        }
        if (dropPending(this.doc)) batch.resync.add(conn);
        // Writes into a card or evidence item deleted meanwhile, which Yjs discarded: only a
        // role that may edit cards could have made them.
        if (editor) {
          for (const d of this.deletedPlaces.lostWrites(analysis.newItems)) {
            batch.history.push({ boardId: this.boardId, ...d, actor: conn.actor, at: batch.at });
          }
        }
      }
      if (conn.role !== 'viewer') batch.acks.add(conn);
    } catch (error) {
      // Anything else that fails on a client's bytes is treated as a malformed update.
      const refusal =
        error instanceof SyncError
          ? error
          : new SyncError(CLOSE.malformed, 'update not understood');
      if (!(error instanceof SyncError)) {
        this.deps.log('error', 'update check failed', { boardId: this.boardId, error });
      }
      conn.close(refusal.closeCode, refusal.reason);
    }
    return ALL_READ;
  }

  private serverChange(job: Extract<Job, { kind: 'change' }>, batch: Batch): void {
    const { requires, intent = {} } = job.options;
    if (requires && !this.invites.may(job.actor.id, requires)) {
      const revoked = this.invites.revoked(job.actor.id);
      batch.settled.push(() =>
        job.settle.reject(new AccessChangedError(job.actor.id, requires, revoked)),
      );
      return;
    }
    // The server writes with its own client id, which no client may have taken.
    while (this.bindings.check(this.doc, SYSTEM_ACTOR.id, [this.doc.clientID]).ok === false) {
      this.doc.clientID = randomClientId();
    }
    const claim = this.bindings.check(this.doc, SYSTEM_ACTOR.id, [this.doc.clientID]);
    try {
      const result = this.doc.transact(() => job.fn(this.doc), new ServerChange(job.actor, intent));
      batch.settled.push(() => job.settle.resolve(result));
    } catch (error) {
      batch.settled.push(() => job.settle.reject(error));
    }
    if (claim.ok && Y.getState(this.doc.store, this.doc.clientID) > 0) {
      for (const c of claim.claims) {
        this.bindings.bind(c);
        batch.bindings.push(c);
      }
    }
    batch.failed.push((error) =>
      job.settle.reject(
        boardGone(error)
          ? new UnknownBoardError(this.boardId)
          : error instanceof StorageFullError
            ? error
            : new ChangeNotSavedError(this.boardId, { cause: error }),
      ),
    );
  }

  /**
   * Reads where the structs a waiting write is lost to were, which a deletion before this room
   * loaded took (DeletedPlaces): stored with that deletion, in this room's memory no more. Runs
   * only for such a write. Should the read fail, the write runs anyway, without its write.lost.
   */
  private async readPlaces(ids: readonly StructId[]): Promise<void> {
    const { storage, boardId, log } = this.deps;
    try {
      this.deletedPlaces.read(await storage.findDeletedPlaces(boardId, ids));
    } catch (error) {
      log('error', 'reading the places of deleted cards failed', { boardId, error });
    } finally {
      this.unreadPlaces = null;
    }
  }

  private async commit(batch: Batch): Promise<void> {
    const { storage, boardId, options, log } = this.deps;
    let wait = options.retryMinMs;
    /** When the batch first failed for a full disk. */
    let fullSince: number | null = null;
    for (let attempt = 1; ; attempt++) {
      try {
        this.lastSeq = await storage.appendBatch(boardId, {
          updates: batch.updates.map((u) => u.update),
          bindings: batch.bindings,
          history: batch.history,
          places: batch.places,
          at: batch.at,
        });
        this.compaction.stored(batch.updates);
        // Before publish's acknowledgments, so that a page that was told drops it as they come.
        this.tellStorageFull(false);
        this.deps.counters.batchesStored++;
        this.deps.counters.updatesStored += batch.updates.length;
        return;
      } catch (error) {
        // Deleted meanwhile (discard): no retry will store it.
        if (boardGone(error)) throw error;
        this.deps.counters.saveFailures++;
        log('warn', 'saving failed; retrying', { boardId, attempt, error });
        if (isDiskFull(error)) {
          // Said at the first failure: the editors' pages say why their changes wait.
          this.tellStorageFull(true);
          fullSince ??= performance.now();
          if (performance.now() - fullSince >= options.fullDiskWaitMs) this.giveUpWaiters(batch);
        }
        if (this.closing && attempt >= 3) throw error;
        await this.pause(wait);
        // Deleted while it waited (a new board whose creation gave up, say): not stored.
        if (this.discarded) throw new StorageError('board_not_found', 'the board was deleted');
        wait = Math.min(wait * 2, options.retryMaxMs);
      }
    }
  }

  /** Waits before a failed batch's next try; discard ends the wait at once (wakeRetry). */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wakeRetry = null;
    });
  }

  /**
   * The disk has been full for fullDiskWaitMs: the REST requests waiting are answered (507)
   * rather than kept waiting for the operator. The batch's own server changes are on the board
   * already and stay in it, stored once space is freed (`held`); those queued behind it are
   * dropped, not done. The clients' edits go on waiting: their pages keep them and say why.
   */
  private giveUpWaiters(batch: Batch): void {
    const held = new StorageFullError(this.boardId, { held: true });
    for (const fail of batch.failed.splice(0)) fail(held);
    const waiting = this.queue.filter((job) => job.kind === 'change' || job.kind === 'read');
    if (waiting.length === 0) return;
    this.queue = this.queue.filter((job) => job.kind !== 'change' && job.kind !== 'read');
    for (const job of waiting) job.settle.reject(this.notDone());
  }

  private notDone(): StorageFullError {
    return new StorageFullError(this.boardId, { held: false });
  }

  /** Tells every connection whether storing fails for a full disk, when that changes (102). */
  private tellStorageFull(full: boolean): void {
    if (this.storageFull === full) return;
    this.storageFull = full;
    const message = encodeStorageFull(full);
    for (const conn of this.conns) conn.send(message);
  }

  /** After a batch is durable: broadcast its updates, acknowledge them, answer resyncs. */
  private publish(batch: Batch): void {
    const conns = [...this.conns];
    const { counters } = this.deps;
    for (const conn of conns) conn.cork();
    try {
      for (const { update, origin } of batch.updates) {
        const message = encodeSyncUpdate(update);
        for (const conn of conns) {
          if (conn === origin) continue;
          conn.send(message);
          counters.updatesBroadcast++;
        }
      }
      // Resyncs before acks: a client answers step 1 with step 2 at once, so when it reads an
      // ack that counts a gapped write, the step 2 that repairs the gap is already counted
      // as unacknowledged on its side.
      if (batch.resync.size > 0) {
        const step1 = encodeSyncStep1(Y.encodeStateVector(this.doc));
        for (const conn of batch.resync) conn.send(step1);
      }
      for (const conn of batch.acks) {
        // The stored clock of every client id bound to this connection's invite.
        const clients = this.bindings.clientsOf(conn.inviteId);
        conn.send(encodeSaved(clients, this.storedClock, conn.writes));
      }
      counters.acksSent += batch.acks.size;
    } finally {
      // Each uncork is a write to the kernel (about 18 µs on loopback): peers waiting for the
      // edits go first, the senders' sockets (their "saved", and edits from others in the same
      // batch) after them.
      for (const conn of conns) if (!batch.acks.has(conn)) conn.uncork();
      for (const conn of conns) if (batch.acks.has(conn)) conn.uncork();
    }
    for (const settle of batch.settled) settle();
  }

  private failAll(error: unknown): void {
    if (!this.failureLogged) {
      this.failureLogged = true;
      this.deps.log('error', 'loading the board failed', { boardId: this.boardId, error });
    }
    for (const job of this.queue.splice(0)) {
      if (job.kind === 'change' || job.kind === 'read') job.settle.reject(error);
    }
    // Said as what it is, which the page shows, where "could not be loaded" sent people to
    // look for a broken board.
    const [code, reason] = isDiskFull(error)
      ? [CLOSE.storageFull, 'server storage full']
      : [CLOSE.goingAway, 'board could not be loaded'];
    for (const conn of this.conns) conn.close(code, reason);
  }
}
