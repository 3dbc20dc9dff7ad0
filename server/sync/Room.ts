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
 *
 * Room keeps the queue, its turns and the load gate (ready); the steps of a turn are its
 * collaborators': loadRoom (the stored board, once), RoomWrites (checking and applying),
 * RoomSaver (storing, with its retries and the full-disk state), publishBatch (the sends after
 * it), SyncStep2Replies (answers to sync step 1), RoomCompaction and RoomPresence.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import { ROOT_NAMES } from '../../shared/board/schema';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { encodeStorageFull } from '../../shared/protocol/messages';
import { DeletedPlaces } from '../audit/DeletedPlaces';
import { isDiskFull } from '../storage/isDiskFull';
import type { HistoryEvent, StructId, SyncStorage } from '../storage/Storage';
import { boardGone } from './boardGone';
import { BoardInvites } from './BoardInvites';
import type { ChangeOptions } from './ChangeOptions';
import { ClientBindings } from './ClientBindings';
import type { Connection } from './Connection';
import { HistoryDigests } from './HistoryDigests';
import { loadRoom } from './loadRoom';
import { publishBatch } from './publishBatch';
import { type Batch, type Job, newBatch } from './RoomBatch';
import { RoomCompaction } from './RoomCompaction';
import { RoomPresence } from './RoomPresence';
import { RoomSaver } from './RoomSaver';
import { RoomWrites } from './RoomWrites';
import type { SyncCounters } from './SyncCounters';
import type { SyncLog } from './syncLog';
import { type ClientMessage, encodeSyncStep1 } from './syncMessages';
import { SyncStep2Replies } from './SyncStep2Replies';
import type { SyncOptions } from './syncOptions';
import { UnknownBoardError } from './UnknownBoardError';

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
/**
 * A room whose last turn ended this long ago runs a new job at once; a busier one first lets
 * the other sockets deliver (see drain). Measured: the wait costs a lone edit 0.08 ms at the
 * median and up to 2 ms in the tail, and batching only pays when writes follow each other.
 */
const QUIET_MS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly conns = new Set<Connection>();
  private readonly presence: RoomPresence;
  private readonly compaction: RoomCompaction;
  /** Stores each turn's batch, retrying; keeps the full-disk state (RoomSaver). */
  private readonly saver: RoomSaver;
  /** Checks and applies each turn's client writes and server changes (RoomWrites). */
  private readonly writes: RoomWrites;
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
  /** Answers to sync step 1, the whole board's kept while large (SyncStep2Replies). */
  private readonly replies = new SyncStep2Replies(this.doc);
  /** performance.now() when the last turn was published. */
  private lastTurnEnd = -Infinity;
  /** The earliest time a client's write may carry (writeTimes), set when the board loads. */
  private earliestTime = -Infinity;
  /** A client id's clock in the doc, for "saved" (made once: it runs for every ack). */
  private readonly storedClock = (client: number): number => Y.getState(this.doc.store, client);

  constructor(private readonly deps: RoomDeps) {
    this.invites = new BoardInvites(deps.boardId, deps.now);
    for (const name of ROOT_NAMES) this.doc.getMap(name);
    this.compaction = new RoomCompaction({
      ...deps,
      doc: this.doc,
      lastSeq: () => this.lastSeq,
      between: () => !this.closing && !this.running,
    });
    this.saver = new RoomSaver({
      ...deps,
      conns: this.conns,
      stored: (lastSeq, batch) => {
        this.lastSeq = lastSeq;
        this.compaction.stored(batch.updates);
      },
      closing: () => this.closing,
      discarded: () => this.discarded,
      takeWaiting: () => {
        const waiting = this.queue.filter(isCall);
        if (waiting.length > 0) this.queue = this.queue.filter((job) => !isCall(job));
        return waiting;
      },
    });
    this.writes = new RoomWrites({
      ...deps,
      doc: this.doc,
      invites: this.invites,
      historyDigests: this.historyDigests,
      deletedPlaces: this.deletedPlaces,
      bindings: () => this.bindings,
      earliestTime: () => this.earliestTime,
    });
    this.presence = new RoomPresence(this.doc, {
      conns: this.conns,
      writerOf: (clientId) => this.bindings.ownerOf(clientId),
      maxStateBytes: deps.options.maxAwarenessBytes,
      forgetAfterMs: deps.options.presenceForgetMs,
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.replies.changed();
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
    if (this.saver.full) conn.send(encodeStorageFull(true));
    this.enqueue({ kind: 'join', conn });
  }

  /** Client ids its presence keeps a clock for (RoomPresence.remembered). */
  presenceRemembered(): number {
    return this.presence.remembered();
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
    if (this.saver.full) return Promise.reject(this.saver.notDone());
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
    if (this.saver.full) return Promise.reject(this.saver.notDone());
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
    this.saver.wake();
    while (this.running) await sleep(5);
    await this.compaction.running();
    this.stopHistory();
    this.presence.destroy();
    this.doc.destroy();
  }

  private rejectQueued(): void {
    for (const job of this.queue.splice(0)) {
      if (isCall(job)) job.settle.reject(new UnknownBoardError(this.boardId));
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
    const loaded = await loadRoom({
      ...this.deps,
      doc: this.doc,
      invites: this.invites,
      historyDigests: this.historyDigests,
      deletedPlaces: this.deletedPlaces,
      compaction: this.compaction,
      batch: () => this.batch,
    });
    this.earliestTime = loaded.earliestTime;
    this.stopHistory = loaded.stopHistory;
    this.bindings = loaded.bindings;
    this.lastSeq = loaded.lastSeq;
    if (loaded.migration) this.queue.unshift(loaded.migration);
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
        // A change's key alone too: a repeat of a change that wrote nothing is answered as it was.
        const { updates, history, bindings, keys } = batch;
        if (updates.length > 0 || history.length > 0 || bindings.length > 0 || keys.length > 0) {
          try {
            await this.saver.commit(batch);
          } catch (error) {
            for (const fail of batch.failed) fail(error);
            batch.stored?.reject(error);
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
        publishBatch(batch, {
          doc: this.doc,
          conns: this.conns,
          bindings: this.bindings,
          counters: this.deps.counters,
          storedClock: this.storedClock,
        });
        batch.stored?.resolve();
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
    const batch = newBatch(this.deps.now());
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
        const unread = this.writes.write(job.conn, job.update, batch, job.placesRead === true);
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
        this.writes.serverChange(job, batch);
        return;
      case 'syncStep1':
        if (job.conn.closed) return;
        job.conn.send(this.replies.reply(job.stateVector), { bulk: true });
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

  private failAll(error: unknown): void {
    if (!this.failureLogged) {
      this.failureLogged = true;
      this.deps.log('error', 'loading the board failed', { boardId: this.boardId, error });
    }
    for (const job of this.queue.splice(0)) {
      if (isCall(job)) job.settle.reject(error);
    }
    // Said as what it is, which the page shows, where "could not be loaded" sent people to
    // look for a broken board.
    const [code, reason] = isDiskFull(error)
      ? [CLOSE.storageFull, 'server storage full']
      : [CLOSE.goingAway, 'board could not be loaded'];
    for (const conn of this.conns) conn.close(code, reason);
  }
}

/** A server change or read: a caller waits for it (Room.change, Room.read). */
function isCall(job: Job): job is Extract<Job, { kind: 'change' | 'read' }> {
  return job.kind === 'change' || job.kind === 'read';
}
