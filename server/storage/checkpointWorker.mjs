// Runs SQLite's WAL checkpoints on its own thread and connection: a checkpoint copies the WAL
// into the database file and fsyncs it, which takes milliseconds (more on a busy disk) and
// would otherwise stall the sync server's event loop on whichever commit triggered it.
// PASSIVE never blocks the writer; it checkpoints what it can and is repeated.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort?.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort?.close();
  }
});
