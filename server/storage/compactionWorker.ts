/**
 * The SQLite storage's compaction thread: builds big boards' snapshots from the stored log,
 * stores them and prunes, on its own connection, so that the event loop that relays every edit
 * never holds a big board's whole state. Measured on a 10,000-card board: encoding its 17 MB
 * snapshot took 105–370 ms, writing it 40–70 ms and pruning up to 33 ms, all of which the
 * main thread used to spend in one go. It runs a lead's redactions too (sqliteRedaction.ts):
 * their rewrite of the board's rows and of the file took the event loop 157–776 ms. And it
 * empties the WAL after a board's deletion (a checkpoint that copies the whole WAL, with fsyncs).
 *
 * Jobs run one at a time in the order they arrive; 'stop' comes after the last.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromCompactor, RedactionDone, ToCompactor } from './compactionJobs';
import { sqliteCompaction } from './sqliteCompaction';
import { sqliteRedaction } from './sqliteRedaction';
import type { RedactionJob } from './sqliteRedaction';

/** Emptying the WAL is tried this often, this far apart, while another checkpoint runs. */
const EMPTY_WAL_TRIES = 100;
const EMPTY_WAL_WAIT_MS = 20;

const port = parentPort;
if (!port) throw new Error('compactionWorker runs as a worker thread only');
const db = new Database((workerData as { file: string }).file);
// Its writes wait for the main connection's short transactions, never the other way round for
// long: the storage holds back its own flushes while a job runs.
db.pragma('busy_timeout = 5000');
const compact = sqliteCompaction(db);
const rewrite = sqliteRedaction(db);
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Copies the WAL into the file and truncates it: the old pages of the rewritten rows are there
 * too. A checkpoint the checkpoint worker is running makes this one busy at once (no busy
 * timeout applies to that lock): it is tried again.
 */
function emptyWal(): boolean {
  for (let tries = 0; tries < EMPTY_WAL_TRIES; tries++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy === 0) return true;
    Atomics.wait(pause, 0, 0, EMPTY_WAL_WAIT_MS);
  }
  return false;
}

function redact(job: RedactionJob): RedactionDone {
  const counts = rewrite(job);
  return { counts, walEmptied: emptyWal() };
}

port.on('message', (message: ToCompactor) => {
  if (message.type === 'stop') {
    db.close();
    port.close();
    return;
  }
  let reply: FromCompactor;
  try {
    if (message.type === 'compact') {
      reply = { type: 'compacted', id: message.id, bytes: compact(message) };
    } else if (message.type === 'redact') {
      reply = { type: 'redacted', id: message.id, done: redact(message) };
    } else {
      reply = { type: 'walEmptied', id: message.id, emptied: emptyWal() };
    }
  } catch (error) {
    reply = { type: 'failed', id: message.id, message: String(error) };
  }
  port.postMessage(reply);
});
