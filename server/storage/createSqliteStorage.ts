/**
 * The default storage: one SQLite file (better-sqlite3) in WAL mode.
 *
 * Durability: `synchronous = NORMAL` by default. In WAL mode a commit is then durable the moment
 * it returns as far as the process is concerned (a SIGKILL or crash of the server loses nothing
 * acknowledged: test/server/durability/crash.test.ts), and the database can never be corrupted;
 * only a power cut or kernel crash can roll back the last commits. Those updates are not lost
 * for good: every client keeps its own updates (in memory, and in IndexedDB with y-indexeddb)
 * and the y-websocket sync sends the server whatever it lacks on reconnect. FULL makes each
 * commit wait for an fsync of the WAL: measured here 129 µs per commit against 12 µs on an idle
 * disk, and milliseconds in the tail on a busy one, which is the propagation latency of every
 * edit. `{ synchronous: 'FULL' }` buys power-cut durability of the acknowledgment at that price.
 * The sync server stores a room's updates in batches (appendBatch). A batch is durable once it is
 * appended to the pending log beside the file (pendingLog.ts: one write() instead of a commit,
 * as durable as NORMAL); every `flushAfterMs` the pending batches move into the tables in one
 * transaction, and every other method moves them first, so reads always see every batch.
 *
 * WAL checkpoints (copying the log into the database file, with an fsync) run on a worker
 * thread with its own connection (checkpointWorker.mjs), so they never stall the event loop:
 * measured here, commits with SQLite's automatic checkpoints had a p99.9 of 2.7 ms and a max
 * of 9 ms; without them 0.08 ms and 0.6 ms. Big boards are compacted on another worker thread
 * (CompactionThread; see compact below). While it writes a big snapshot, a read that must first
 * move pending batches into the tables waits for it (40–70 ms for 17 MB): the event loop used
 * to spend that and the encoding anyway. A lead's redaction runs on that thread too (see
 * redactComment): it holds the file for seconds on a big board, so what would write here
 * waits for it without blocking, and appended batches stay in the pending log meanwhile.
 *
 * better-sqlite3 is synchronous; the methods are async to keep the Storage contract open to
 * networked backends. Each call is one statement or one transaction.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type BoardRecord,
  type ClientBinding,
  type DeletedCardSource,
  type DeletedPlacesRecord,
  type HistoryEvent,
  type InviteRecord,
  type NewBoardRecord,
  type RemovedArticle,
  type RemovedEvidence,
  type StoredAnswer,
  type StoredContent,
  type StructId,
  type SyncStorage,
  type UpdateBatch,
} from './Storage';
import { StorageError } from './StorageError';
import { CompactionThread } from './CompactionThread';
import type { RedactionDone } from './compactionJobs';
import {
  decodePendingRecord,
  PendingLog,
  type PendingRecord,
  type ReadRecord,
  readPendingRecords,
} from './pendingLog';
import { PendingBatches } from './PendingBatches';
import { inPlaceCompactor } from './sqliteCompaction';
import { bytesOf } from './bytesOf';
import { isDiskFull } from './isDiskFull';
import { isUniqueViolation } from './isUniqueViolation';
import { sqliteBatchStore } from './sqliteBatchStore';
import { sqliteHistoryPages } from './sqliteHistoryPages';
import {
  answerInsert,
  type IdempotencyStore,
  sqliteIdempotencyKeys,
} from './sqliteIdempotencyKeys';
import { sqliteInvites } from './sqliteInvites';
import { sqliteRedaction } from './sqliteRedaction';
import { migrateSqlite } from './migrateSqlite';
import { sqliteRemovals } from './sqliteRemovals';
import { sqliteStatements } from './sqliteStatements';
import { startCheckpointer } from './startCheckpointer';

interface SnapshotRow {
  upto_seq: number;
  data: Buffer;
}

export interface SqliteOptions {
  /** NORMAL (default): crash-safe; FULL: also power-cut-safe, an fsync per commit. */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /** How long appended batches wait in the pending log before they move into the tables. */
  readonly flushAfterMs?: number;
  /**
   * Told when moving pending batches into the tables fails (it is retried), and when the WAL
   * could not be emptied after a redaction or a deletion (StorageError wal_busy).
   */
  readonly onError?: (error: unknown) => void;
  /** Told on open when a crashed process's lock was taken over or its pending log replayed. */
  readonly onRecovered?: (recovery: Recovery) => void;
}

/** What waits in the pending log for the tables, for /metrics. */
export interface PendingLogState {
  readonly batches: number;
  readonly bytes: number;
  /** Times its batches were moved into the tables since the storage opened. */
  readonly flushes: number;
}

export interface SqliteStorage extends SyncStorage {
  pendingLog(): PendingLogState;
  /** Answers of Idempotency-Keys, kept across restarts. */
  readonly idempotency: IdempotencyStore;
}

export interface Recovery {
  /** The pid named by the lock a crashed process left (0: none named), or null. */
  readonly lockTakenOverFrom: number | null;
  /** Update batches and updates that a crash left in the pending log, now stored. */
  readonly batches: number;
  readonly updates: number;
  /**
   * Those left there that could not be stored for a full disk: they wait, as edits do in a
   * running server then, and move into the tables once there is space.
   */
  readonly waitingBatches: number;
  readonly waitingUpdates: number;
}

/**
 * Measured at 200 edits/s in 10 rooms: a transaction per 10 ms stores about 3 batches and holds
 * the event loop 0.09 ms at the median (0.31 ms p99); that is the cost an edit stored at once
 * used to pay before its broadcast. A transaction per 100 ms costs less in all (a profile of that
 * load: SQLite's share of the event loop's time about halved) and interrupts the edits' path a
 * tenth as often: in four paired runs (relay, 10 ms and 100 ms interleaved, each order twice)
 * the 10 × 10 latency p99 was 0.70–0.93× that of 10 ms (geometric mean 0.81×), p50 0.05–0.11
 * ms lower. 300 ms measured no better than 100 (two runs, 1.35× and 0.76×). Reads move what is
 * pending first, so none sees less; a crash replays at most this much from the pending log.
 */
const FLUSH_AFTER_MS = 100;
/** Past either bound, an append moves the pending batches at once. */
const MAX_PENDING_RECORDS = 1_000;
const MAX_PENDING_BYTES = 8 * 1024 * 1024;
const FLUSH_RETRY_MS = 1_000;
/**
 * A batch of this many bytes of updates skips the pending log. Measured on importing a
 * 10,000-card board (one 17 MB update): through the log, written there and then at once to the
 * tables, the event loop was held 117–138 ms; straight into the tables, 73 ms.
 */
const DIRECT_BYTES = 1024 * 1024;

/**
 * Opens (creating if needed) the SQLite file at `file`; ':memory:' works for tests. Throws
 * StorageError 'in_use' while another storage, in this process or another, has it open.
 */
export function createSqliteStorage(file: string, options: SqliteOptions = {}): SqliteStorage {
  if (file === ':memory:') return openSqliteStorage(file, null, options);
  mkdirSync(dirname(file), { recursive: true });
  const pendingPath = `${resolve(file)}-pending`;
  const lockTakenOverFrom = PendingLog.lock(pendingPath);
  try {
    return openSqliteStorage(file, pendingPath, options, lockTakenOverFrom);
  } catch (error) {
    PendingLog.unlock(pendingPath);
    throw error;
  }
}

function openSqliteStorage(
  file: string,
  pendingPath: string | null,
  options: SqliteOptions,
  lockTakenOverFrom: number | null = null,
): SqliteStorage {
  const db = new Database(file);
  // Closed again if any of this fails: a damaged or locked file is refused before the storage
  // holds it (see server/databaseProblem.ts for what the start then says).
  try {
    // A commit writes every page it touched to the WAL in full: an edit touches about six (the
    // update and history rows, their indexes, the sequence table). 2 KiB pages instead of 4
    // measured 37 → 27 µs CPU per commit; a 17 MB snapshot's write and read, rare, cost about a
    // third more. Only a new file takes it (before WAL mode); an existing one keeps its size.
    db.pragma('page_size = 2048');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // After a checkpoint the WAL restarts from its beginning; this caps the file it leaves behind.
    db.pragma(`journal_size_limit = ${16 * 1024 * 1024}`);
    migrateSqlite(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const checkpointer = file === ':memory:' ? null : startCheckpointer(db, file);

  const q = sqliteStatements(db);
  const removals = sqliteRemovals(db);

  let closed = false;
  const open = () => {
    if (closed) throw new StorageError('closed', 'storage is closed');
  };
  /**
   * A redaction running on the thread (see redactComment), which holds the write lock for its
   * rewrite and VACUUM: a write on this connection then would hold the event loop in SQLite's
   * busy wait, every board's sync with it. What writes (a flush included) waits for it here
   * instead, without blocking; batches go on into the pending log, and rooms relay them.
   */
  let redacting: Promise<unknown> | null = null;
  /** Boards deleted (deleteBoard): nothing is written for them again. */
  const deleted = new Set<string>();
  /** Compactions under way on the thread, by board: a deletion waits for its board's. */
  const compacting = new Map<string, Set<Promise<unknown>>>();
  const live = (boardId: string) => {
    if (deleted.has(boardId)) throw new StorageError('board_not_found', 'the board was deleted');
  };
  const unlocked = async () => {
    while (redacting) await redacting.catch(() => undefined);
    open();
  };
  /** Before anything that reads or writes board content: the tables then hold every batch. */
  const current = async () => {
    await unlocked();
    flush();
  };
  /**
   * Before a read of one board's content. Should the pending batches not move into the tables
   * (a full disk), the board is read as the tables hold it plus its own batches that wait, in
   * memory (PendingBatches), which is all of it: a board edited or not since the disk filled
   * opens (found by QA: none could, then none whose edits waited). Null when the tables hold
   * all of it.
   */
  const currentFor = async (boardId: string): Promise<PendingBatches | null> => {
    await unlocked();
    try {
      flush();
      return null;
    } catch {
      const waiting = pendingBoards.get(boardId);
      return waiting ? new PendingBatches(boardId, waiting.map(decodePendingRecord)) : null;
    }
  };

  const { insertHistory, insertBatch, storeRecords } = sqliteBatchStore(db);
  const historyPage = sqliteHistoryPages(db);

  const invites = sqliteInvites(db, insertHistory);

  // Write transactions begin IMMEDIATE: the compaction thread writes too, and a transaction that
  // read first and then finds the other connection has written fails (SQLITE_BUSY_SNAPSHOT)
  // where one that takes the write lock up front just waits its turn.
  const insertNow = db.transaction(insertBatch);
  const deleteBoardNow = db.transaction((id: string) => {
    for (const statement of q.deleteBoard) statement.run(id);
    return q.deleteBoardRecord.run(id).changes > 0;
  });
  // A request's Idempotency-Key goes with what it made (StoredAnswer): never one without the other.
  const insertAnswer = answerInsert(db);
  const insertNewBoard = db.transaction((created: NewBoardRecord, seq: number) => {
    const { board, update, history, lead, answer } = created;
    q.insertBoard.run(board.id, board.title, board.createdAt);
    q.insertUpdate.run(seq, board.id, update, board.createdAt);
    insertHistory(history);
    invites.insert(lead);
    if (answer) insertAnswer(answer);
  });
  const insertInvite = db.transaction(
    (invite: InviteRecord, event?: HistoryEvent, answer?: StoredAnswer) => {
      invites.insertWith(invite, event);
      if (answer) insertAnswer(answer);
    },
  );
  const lastAssignedSeq = () => (q.lastAssignedSeq.get() as { seq: number } | undefined)?.seq ?? 0;

  // What a crash, or a stop on a full disk, left in the pending log is stored before anything
  // else happens. On a full disk it waits, as it would have in the running server: kept in the
  // log (the next records go after it) and in memory, where reads of its boards find it
  // (PendingBatches), and moved into the tables by the retries below once there is space. The
  // server starts so, where it used to refuse to ("the device is full") until space was freed.
  const left = pendingPath ? readPendingRecords(pendingPath) : [];
  let recovered: PendingRecord[] = [];
  let waiting: ReadRecord[] = [];
  try {
    recovered = storeRecords.immediate(left.map((r) => r.record));
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    const applied = (q.appliedRecord.get() as { upto: number }).upto;
    waiting = left.filter((r) => r.record.rec > applied);
  }
  const updatesIn = (records: readonly PendingRecord[]) =>
    records.reduce((n, r) => n + r.batch.updates.length, 0);
  if (lockTakenOverFrom !== null || recovered.length > 0 || waiting.length > 0) {
    const waitingRecords = waiting.map((r) => r.record);
    options.onRecovered?.({
      lockTakenOverFrom,
      batches: recovered.length,
      updates: updatesIn(recovered),
      waitingBatches: waiting.length,
      waitingUpdates: updatesIn(waitingRecords),
    });
  }
  const log = pendingPath
    ? new PendingLog(
        pendingPath,
        options.synchronous === 'FULL',
        waiting.length > 0 ? left.reduce((n, r) => n + r.bytes.byteLength, 0) : 0,
      )
    : null;
  const lastWaiting = waiting[waiting.length - 1]?.record;
  let lastRec = lastWaiting?.rec ?? (q.appliedRecord.get() as { upto: number }).upto;
  let assignedSeq = lastAssignedSeq();
  if (lastWaiting) {
    assignedSeq = Math.max(
      assignedSeq,
      lastWaiting.firstSeq + lastWaiting.batch.updates.length - 1,
    );
  }
  /** Appended records not yet in the tables, as written to the log. */
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  /** Those records by the board they belong to. */
  const pendingBoards = new Map<string, Uint8Array[]>();
  const hold = (boardId: string, bytes: Uint8Array) => {
    pending.push(bytes);
    pendingBytes += bytes.byteLength;
    const ofBoard = pendingBoards.get(boardId);
    if (ofBoard) ofBoard.push(bytes);
    else pendingBoards.set(boardId, [bytes]);
  };
  for (const { record, bytes } of waiting) hold(record.boardId, bytes);
  let flushes = 0;
  let flushTimer: NodeJS.Timeout | null = null;

  /** Moves the pending batches into the tables; throws (keeping them) if SQLite fails. */
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    if (pending.length === 0) return;
    storeRecords.immediate(pending.map(decodePendingRecord));
    pending = [];
    pendingBytes = 0;
    pendingBoards.clear();
    flushes++;
    // Stored records found in the log again are skipped, so a failed clear loses nothing.
    try {
      log?.clear();
    } catch (error) {
      options.onError?.(error);
    }
  };
  const tryFlush = () => {
    try {
      flush();
    } catch (error) {
      options.onError?.(error);
      flushLater(FLUSH_RETRY_MS);
    }
  };
  const flushLater = (delay: number) => {
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      // A compaction job may be writing a snapshot (tens of ms for a big board): this flush
      // would wait for it, and the event loop with it. The batches are durable in the pending
      // log meanwhile, and the caps above still move them at once.
      if (thread?.busy) flushLater(delay);
      else tryFlush();
    }, delay).unref();
  };

  // A snapshot the room encoded (up to 8 MB) is stored in place: a few ms for a small board.
  // Handing it to the thread measured worse: p99 ÷ relay 2.03–2.09× against 1.84× in paired
  // runs (10 rooms × 10 clients), and CPU per update at saturation 1.01–1.19× the reference's
  // in three full runs against 0.85× in place. One the storage must build from the log (a board
  // over 8 MB) is built, stored and pruned on the compaction thread, with its own connection;
  // an in-memory database has no other connection and builds in place too.
  const inPlace = inPlaceCompactor(db);
  const thread = file === ':memory:' ? null : new CompactionThread(file);
  // What waits since the start is retried as a failed flush is, until there is space.
  if (pending.length > 0) flushLater(FLUSH_RETRY_MS);

  /** Whether the batch goes straight into the tables (as does any without a pending log). */
  const direct = (batch: UpdateBatch) =>
    batch.updates.length === 0 ||
    batch.updates.reduce((sum, u) => sum + u.byteLength, 0) >= DIRECT_BYTES;
  const appendBatch = (boardId: string, batch: UpdateBatch): number => {
    if (!log || direct(batch)) {
      // Straight into the tables, after whatever is pending. A batch without updates has no
      // number of its own to return: the board's last one is read from the tables. A big one
      // (an imported board) would be written twice, to the log and then to the tables at once.
      flush();
      insertNow.immediate(boardId, assignedSeq + 1, batch);
      assignedSeq += batch.updates.length;
      return batch.updates.length > 0
        ? assignedSeq
        : ((q.lastSeq.get(boardId) as { seq: number | null }).seq ?? 0);
    }
    // The record's bytes are what waits for the tables: a copy, so the caller keeps its arrays,
    // and decoded in the flush, off the edit's path.
    const bytes = log.append({ rec: lastRec + 1, boardId, firstSeq: assignedSeq + 1, batch });
    // Durable from here on: nothing below may throw, or the caller would append it again.
    lastRec += 1;
    assignedSeq += batch.updates.length;
    hold(boardId, bytes);
    // Not while a redaction holds the file: it ends within seconds, and the batches are durable.
    const full = pending.length >= MAX_PENDING_RECORDS || pendingBytes >= MAX_PENDING_BYTES;
    if (full && !redacting) tryFlush();
    else flushLater(options.flushAfterMs ?? FLUSH_AFTER_MS);
    return assignedSeq;
  };

  const content = (snapshot: SnapshotRow | undefined, rows: { seq: number; data: Buffer }[]) => {
    const lastRow = rows[rows.length - 1];
    return {
      snapshot: snapshot ? bytesOf(snapshot.data) : null,
      updates: rows.map((r) => bytesOf(r.data)),
      lastSeq: lastRow ? lastRow.seq : (snapshot?.upto_seq ?? 0),
      updatesSinceSnapshot: rows.length,
    } satisfies StoredContent;
  };

  return {
    pendingLog: () => ({ batches: pending.length, bytes: pendingBytes, flushes }),
    idempotency: sqliteIdempotencyKeys(db, current, open),
    async createBoard(board: BoardRecord) {
      await unlocked();
      try {
        q.insertBoard.run(board.id, board.title, board.createdAt);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StorageError('board_exists', 'board exists');
        throw error;
      }
    },
    async getBoard(id) {
      open();
      const row = q.getBoard.get(id) as
        { id: string; title: string; created_at: number } | undefined;
      return row ? { id: row.id, title: row.title, createdAt: row.created_at } : null;
    },
    async hasBoards() {
      open();
      return q.anyBoard.get() !== undefined;
    },
    async deleteBoard(id) {
      // Refused from now on: a room's batch, or a compaction, that comes after this call.
      deleted.add(id);
      let existed: boolean;
      try {
        // A redaction or a compaction of the board on the thread would write its rows back.
        for (;;) {
          await unlocked();
          const running = [...(compacting.get(id) ?? [])];
          if (running.length === 0) break;
          await Promise.allSettled(running);
        }
        // Its batches still in the pending log go into the tables first, then out with the
        // rest, with nothing in between: none is written back by a later flush, and a crash
        // never replays one (pending_applied has counted it). Freed pages are overwritten
        // (secure_delete), so the board's bytes do not stay in the file's free space.
        flush();
        db.pragma('secure_delete = ON');
        try {
          existed = deleteBoardNow.immediate(id);
        } finally {
          db.pragma('secure_delete = OFF');
        }
      } catch (error) {
        deleted.delete(id);
        throw error;
      }
      // The WAL still holds the pages as they were before (the board's rows in them), and the
      // file holds them until a checkpoint copies the zeroed ones over: emptying the WAL does
      // both. Deleted all the same if it cannot be emptied now (a long read holds it).
      if (existed && thread) {
        const emptied = await thread.emptyWal().catch(() => false);
        if (!emptied) {
          options.onError?.(
            new StorageError('wal_busy', 'the WAL could not be emptied after a deletion'),
          );
        }
      }
      return existed;
    },
    async createBoardWithLead(created) {
      // Its update takes the next number, after every batch the pending log holds.
      await current();
      try {
        insertNewBoard.immediate(created, assignedSeq + 1);
      } catch (error) {
        if (isUniqueViolation(error) && q.getBoard.get(created.board.id)) {
          throw new StorageError('board_exists', 'board exists');
        }
        throw error;
      }
      assignedSeq += 1;
    },
    async createInvite(invite, event, answer) {
      await current(); // its history row must come after every batch the pending log holds
      if (!q.getBoard.get(invite.boardId)) {
        throw new StorageError('board_not_found', 'no such board');
      }
      insertInvite.immediate(invite, event, answer);
    },
    async getInvite(id) {
      open();
      return invites.get(id);
    },
    async listInvites(boardId) {
      open();
      return invites.list(boardId);
    },
    async revokeInvite(id, at, event) {
      await current(); // as for createInvite
      return invites.revokeWith.immediate(id, at, event);
    },
    async markJoined(id, at) {
      await unlocked();
      invites.markJoined(id, at);
    },
    async changeInviteRole(change) {
      await current(); // its history row must come after every batch the pending log holds
      invites.changeRole.immediate(change);
    },
    async setInviteExpiry(id, expiresAt, by, event) {
      await unlocked();
      return invites.setExpiry.immediate(id, expiresAt, by, event);
    },
    async appendUpdate(boardId, update, at) {
      const batch = { updates: [update], bindings: [], history: [], at };
      if (direct(batch)) await unlocked();
      else open();
      live(boardId);
      return appendBatch(boardId, batch);
    },
    async appendBatch(boardId, batch) {
      if (direct(batch)) await unlocked();
      else open();
      live(boardId);
      return appendBatch(boardId, batch);
    },
    async loadContent(boardId) {
      const waiting = await currentFor(boardId);
      const snapshot = q.newestSnapshot.get(boardId) as SnapshotRow | undefined;
      const rows = q.updatesAfter.all(boardId, snapshot?.upto_seq ?? 0) as {
        seq: number;
        data: Buffer;
      }[];
      const stored = content(snapshot, rows);
      return waiting ? waiting.content(stored) : stored;
    },
    async loadContentAt(boardId, at) {
      const waiting = await currentFor(boardId);
      const snapshot = q.snapshotAt.get(boardId, at) as SnapshotRow | undefined;
      const rows = q.updatesAfterUntil.all(boardId, snapshot?.upto_seq ?? 0, at) as {
        seq: number;
        data: Buffer;
      }[];
      const stored = content(snapshot, rows);
      return waiting ? waiting.content(stored, at) : stored;
    },
    async compact(boardId, uptoSeq, at, { state, pruneBefore }) {
      // The job reads the tables: they must hold every batch up to its seq. A room's `state`
      // waiting here for a redaction was encoded after that redaction's command, so it holds
      // none of the words; one stored as a redaction begins is among the rows its job rewrites.
      await current();
      live(boardId);
      const job = { boardId, uptoSeq, at, pruneBefore, ...(state && { state }) };
      if (state || !thread) return inPlace.run(job);
      const running = thread.run(job);
      const mine = compacting.get(boardId) ?? new Set<Promise<unknown>>();
      mine.add(running);
      compacting.set(boardId, mine);
      try {
        return await running;
      } finally {
        mine.delete(running);
        if (mine.size === 0) compacting.delete(boardId);
      }
    },
    async redactComment(redaction) {
      // Checked and set with nothing in between: one redaction at a time.
      while (redacting) await redacting.catch(() => undefined);
      open();
      if (!thread) {
        // An in-memory database has no other connection: it is redacted in place.
        flush();
        return sqliteRedaction(db)({ ...redaction, pending: [] });
      }
      // The thread stores the pending batches itself: a flush here would wait for its lock if
      // it were busy. It runs after the compactions given before (one that read the log before
      // the comment's deletion would store its words after they were scrubbed), and no
      // compaction stored here runs until it is done (see unlocked). Those that waited for
      // the last redaction have had their turn at the lock when the job starts: setImmediate
      // comes after every promise continuation.
      const job = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
        thread.redact({ ...redaction, pending }),
      );
      redacting = job;
      let done: RedactionDone;
      try {
        done = await job;
      } finally {
        redacting = null;
      }
      if (!done.walEmptied) {
        options.onError?.(
          new StorageError('wal_busy', 'the WAL could not be emptied after a redaction'),
        );
      }
      // The batches appended meanwhile go into the tables, and the pending log, which held
      // those the thread stored (the words, maybe), is emptied.
      flush();
      return done.counts;
    },
    async appendHistory(events) {
      await current();
      for (const e of events) live(e.boardId);
      db.transaction(insertHistory).immediate(events);
    },
    async listHistory(boardId, query) {
      await unlocked();
      try {
        flush();
      } catch (error) {
        // Its events that wait have no seq yet, which pages are read by: refused until they
        // move. Another board's history is all in the tables.
        if (pendingBoards.has(boardId)) throw error;
      }
      return historyPage(boardId, query);
    },
    async listClientBindings(boardId): Promise<readonly ClientBinding[]> {
      const waiting = await currentFor(boardId);
      const stored = (
        q.listBindings.all(boardId) as { client_id: number; invite_id: string }[]
      ).map((r) => ({ clientId: r.client_id, inviteId: r.invite_id }));
      return waiting ? waiting.bindings(stored) : stored;
    },
    async listRemovedEvidence(boardId): Promise<readonly RemovedEvidence[]> {
      const waiting = await currentFor(boardId);
      const stored = removals.removedEvidence(boardId);
      return waiting ? waiting.removedEvidence(stored) : stored;
    },
    async listDeletedCardSources(boardId): Promise<readonly DeletedCardSource[]> {
      const waiting = await currentFor(boardId);
      const stored = removals.deletedCardSources(boardId);
      return waiting ? waiting.deletedCardSources(stored) : stored;
    },
    async findDeletedPlaces(boardId, ids): Promise<readonly DeletedPlacesRecord[]> {
      const waiting = await currentFor(boardId);
      const foundIn = (id: StructId) => removals.deletedPlace(boardId, id);
      return waiting ? waiting.places(ids, foundIn) : ids.flatMap((id) => foundIn(id) ?? []);
    },
    async listRemovedArticles(boardId): Promise<readonly RemovedArticle[]> {
      const waiting = await currentFor(boardId);
      const stored = removals.removedArticles(boardId);
      return waiting ? waiting.removedArticles(stored) : stored;
    },
    async close() {
      if (closed) return;
      closed = true;
      // A redaction's thread holds the write lock until it is done.
      while (redacting) await redacting.catch(() => undefined);
      try {
        flush();
      } catch (error) {
        // Still in the pending log: stored when the file is next opened.
        options.onError?.(error);
      }
      log?.close();
      await thread?.stop();
      await checkpointer?.stop();
      db.close();
    },
  };
}
