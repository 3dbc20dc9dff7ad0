/**
 * The export worker: renders one export off the main thread and streams the text back in
 * slices. Loading a 10,000-card board into a doc and reading it takes about a second of
 * uninterrupted work that cannot be split (one Y.applyUpdate of the snapshot); here it holds
 * only this thread, never the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ExportError } from '../../shared/export/ExportError';
import type { HistoryInput } from '../../shared/export/toJsonExport';
import { type ExportJob, renderExport } from './renderExport';
import type { FromWorker, ToWorker } from './workerMessages';

/** Slices small enough that the main thread copies each one in well under a millisecond. */
const SLICE_CHARS = 256 * 1024;

const port = parentPort;
if (!port) throw new Error('exportWorker runs as a worker thread only');
const post = (message: FromWorker) => port.postMessage(message);

// One listener for the whole run, so no message arrives while nobody listens.
const inbox: ToWorker[] = [];
let waiting: ((message: ToWorker) => void) | null = null;
port.on('message', (message: ToWorker) => {
  if (waiting) {
    const resolve = waiting;
    waiting = null;
    resolve(message);
  } else {
    inbox.push(message);
  }
});
const receive = (): Promise<ToWorker> =>
  inbox.length > 0
    ? Promise.resolve(inbox.shift() as ToWorker)
    : new Promise((resolve) => (waiting = resolve));

async function receiveJob(): Promise<ExportJob> {
  let snapshot: Uint8Array | null = null;
  const updates: Uint8Array[] = [];
  const history: HistoryInput[] = [];
  for (let message = await receive(); message.type !== 'render'; message = await receive()) {
    if (message.type === 'content') snapshot = message.snapshot;
    else if (message.type === 'updates') updates.push(...message.updates);
    else if (message.type === 'history') history.push(...message.events);
  }
  return { ...(workerData as { job: ExportJob }).job, snapshot, updates, history };
}

/**
 * The main thread asks for each slice after it has written the previous one. Posting them all
 * at once would queue them on its message port, which Node drains in one go: 120 slices of a
 * 30 MB export then hold the event loop for over 100 ms, and nothing limits the memory of a
 * slow download.
 */
async function sendText(text: string): Promise<void> {
  for (let i = 0; i < text.length; i += SLICE_CHARS) {
    while ((await receive()).type !== 'more');
    post({ type: 'chunk', text: text.slice(i, i + SLICE_CHARS) });
  }
  while ((await receive()).type !== 'more');
  post({ type: 'end' });
}

try {
  const rendered = renderExport(await receiveJob());
  post({
    type: 'head',
    title: rendered.title,
    skipped: rendered.skipped,
    placeholderUrl: rendered.placeholderUrl,
  });
  await sendText(rendered.text);
} catch (err) {
  if (!(err instanceof ExportError)) throw err;
  post({ type: 'refused', code: err.code, message: err.message });
}
