/**
 * The SQLite storage's compaction thread: builds big boards' snapshots from the stored log,
 * stores them and prunes, on its own connection, so that the event loop that relays every edit
 * never holds a big board's whole state. Measured on a 10,000-card board: encoding its 17 MB
 * snapshot took 105–370 ms, writing it 40–70 ms and pruning up to 33 ms, all of which the
 * main thread used to spend in one go.
 *
 * Jobs run one at a time in the order they arrive; 'stop' comes after the last.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromCompactor, ToCompactor } from './compactionJobs';
import { sqliteCompaction } from './sqliteCompaction';

const port = parentPort;
if (!port) throw new Error('compactionWorker runs as a worker thread only');
const db = new Database((workerData as { file: string }).file);
// Its writes wait for the main connection's short transactions, never the other way round for
// long: the storage holds back its own flushes while a job runs.
db.pragma('busy_timeout = 5000');
const compact = sqliteCompaction(db);

port.on('message', (message: ToCompactor) => {
  if (message.type === 'stop') {
    db.close();
    port.close();
    return;
  }
  let reply: FromCompactor;
  try {
    reply = { type: 'done', id: message.id, bytes: compact(message) };
  } catch (error) {
    reply = { type: 'failed', id: message.id, message: String(error) };
  }
  port.postMessage(reply);
});
