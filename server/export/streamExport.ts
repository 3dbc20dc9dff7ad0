/**
 * A board worker's side of an export (boardWorker): receives the job's content in pieces,
 * renders it and streams the text back in slices. Loading a 10,000-card board into a doc and
 * reading it takes about a second of uninterrupted work that cannot be split (one
 * Y.applyUpdate of the snapshot); there it holds only the worker, never the server's event
 * loop. An ExportError is answered as a refusal; any other failure is thrown.
 */
import { ExportError } from '../../shared/export/ExportError';
import type { HistoryInput } from '../../shared/export/toJsonExport';
import type { ExportJobHead, FromBoardWorker, ToBoardWorker } from '../workers/boardWorkerMessages';
import { type ExportJob, renderExport } from './renderExport';

/** Slices small enough that the main thread copies each one in well under a millisecond. */
const SLICE_CHARS = 256 * 1024;

type Receive = () => Promise<ToBoardWorker>;
type Post = (message: FromBoardWorker) => void;

async function receiveJob(head: ExportJobHead, receive: Receive): Promise<ExportJob> {
  let snapshot: Uint8Array | null = null;
  const updates: Uint8Array[] = [];
  const history: HistoryInput[] = [];
  for (let message = await receive(); message.type !== 'render'; message = await receive()) {
    if (message.type === 'content') snapshot = message.snapshot;
    else if (message.type === 'updates') updates.push(...message.updates);
    else if (message.type === 'history') history.push(...message.events);
  }
  return { ...head, snapshot, updates, history };
}

/**
 * The main thread asks for each slice after it has written the previous one. Posting them all
 * at once would queue them on its message port, which Node drains in one go: 120 slices of a
 * 30 MB export then hold the event loop for over 100 ms, and nothing limits the memory of a
 * slow download.
 */
async function sendText(text: string, receive: Receive, post: Post): Promise<void> {
  for (let i = 0; i < text.length; i += SLICE_CHARS) {
    while ((await receive()).type !== 'more');
    post({ type: 'chunk', text: text.slice(i, i + SLICE_CHARS) });
  }
  while ((await receive()).type !== 'more');
  post({ type: 'end' });
}

export async function streamExport(
  head: ExportJobHead,
  receive: Receive,
  post: Post,
): Promise<void> {
  let rendered;
  try {
    rendered = renderExport(await receiveJob(head, receive));
  } catch (err) {
    if (!(err instanceof ExportError)) throw err;
    return post({ type: 'refused', code: err.code, message: err.message });
  }
  post({
    type: 'head',
    title: rendered.title,
    skipped: rendered.skipped,
    placeholderUrl: rendered.placeholderUrl,
    unverifiedVerdicts: rendered.unverifiedVerdicts,
    cutCells: rendered.cutCells,
  });
  await sendText(rendered.text, receive, post);
}
