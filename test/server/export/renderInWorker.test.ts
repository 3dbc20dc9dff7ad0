/**
 * Exports on the board threads (server/workers/createBoardWorkers): real worker threads under
 * tsx, one pool for the file as a server has one, so each test sees the threads the ones before
 * it left.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../../shared/board';
import { ExportError, toCsv } from '../../../shared/export';
import { type ExportJob, renderExport } from '../../../server/export/renderExport';
import { renderInWorker } from '../../../server/export/renderInWorker';
import { DEFAULTS } from '../../../server/config';
import { createBoardWorkers } from '../../../server/workers/createBoardWorkers';
import { waitFor } from '../../helpers/waitFor';
import { buildHostileBoard } from '../../shared/export/hostileBoard';

const boardWorkers = createBoardWorkers({
  timeoutMs: DEFAULTS.boardJobTimeoutMs,
  maxWaiting: DEFAULTS.boardJobQueueLength,
  idleMs: DEFAULTS.threadIdleMs,
});
afterAll(() => boardWorkers.close());

function job(format: ExportJob['format'], doc: Y.Doc): ExportJob {
  // Two pieces, as storage hands them over: a snapshot and an update after it.
  const snapshot = Y.encodeStateAsUpdate(doc);
  return {
    format,
    boardId: 'b1',
    snapshot,
    updates: [Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))],
    history: [],
    exportedAt: Date.UTC(2026, 0, 1),
    asOf: null,
    organisation: null,
    redactions: [],
  };
}

describe('renderInWorker', () => {
  it('streams the same text as rendering in-thread, after one start', async () => {
    const { doc } = buildHostileBoard();
    const starts: string[] = [];
    let text = '';
    await renderInWorker(boardWorkers, job('csv', doc), {
      start: ({ title }) => void starts.push(title),
      write: (chunk) => void (text += chunk),
    });
    expect(starts).toEqual([readBoard(doc).meta.title]);
    expect(text).toBe(toCsv(readBoard(doc)));
    expect(text).toBe(renderExport(job('csv', doc)).text);
  });

  it('rejects with the worker’s refusal before anything is written', async () => {
    const { doc } = buildHostileBoard();
    const noOrganisation = new Y.Doc();
    Y.applyUpdate(noOrganisation, Y.encodeStateAsUpdate(doc));
    noOrganisation.getMap('meta').delete('organisation');
    let started = false;
    const run = renderInWorker(boardWorkers, job('claimreview', noOrganisation), {
      start: () => void (started = true),
      write: () => {},
    });
    await expect(run).rejects.toThrow(ExportError);
    await expect(run).rejects.toMatchObject({ code: 'organisation_required' });
    expect(started).toBe(false);
  });

  it('stops when aborted and when the sink fails', async () => {
    const { doc } = buildHostileBoard();
    const abort = new AbortController();
    const aborted = renderInWorker(
      boardWorkers,
      job('json', doc),
      { start: () => abort.abort(), write: () => {} },
      abort.signal,
    );
    // With the signal's reason, as every pool job (createWorkerPool).
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    const failing = renderInWorker(boardWorkers, job('md', doc), {
      start: () => {},
      write: () => Promise.reject(new Error('client went away')),
    });
    await expect(failing).rejects.toThrow('client went away');
  });

  it('a second export, and one after a refusal, take the thread the first one left', async () => {
    const { doc } = buildHostileBoard();
    const sink = { start: () => {}, write: () => {} };
    await renderInWorker(boardWorkers, job('md', doc), sink);
    const before = boardWorkers.threads();
    await renderInWorker(boardWorkers, job('json', doc), sink);
    const noOrganisation = new Y.Doc();
    Y.applyUpdate(noOrganisation, Y.encodeStateAsUpdate(doc));
    noOrganisation.getMap('meta').delete('organisation');
    await expect(
      renderInWorker(boardWorkers, job('claimreview', noOrganisation), sink),
    ).rejects.toThrow(ExportError);
    await renderInWorker(boardWorkers, job('csv', doc), sink);
    expect(before).toMatchObject({ live: 1, idle: 1 });
    expect(boardWorkers.threads()).toEqual(before);
  });

  it('a cancelled export frees its slot and its thread; the next export gets a fresh one', async () => {
    const { doc } = buildHostileBoard();
    const sink = { start: () => {}, write: () => {} };
    await renderInWorker(boardWorkers, job('md', doc), sink);
    const { started } = boardWorkers.threads();
    const abort = new AbortController();
    // The client goes away once the thread has rendered, as the route's signal would.
    const cancelled = renderInWorker(
      boardWorkers,
      job('json', doc),
      { start: () => abort.abort(), write: () => {} },
      abort.signal,
    ).catch((err: unknown) => err);
    expect(boardWorkers.stats()).toEqual({ running: 1, waiting: 0 });
    expect(await cancelled).toMatchObject({ name: 'AbortError' });
    expect(boardWorkers.stats()).toEqual({ running: 0, waiting: 0 });
    await waitFor(() => boardWorkers.threads().live === 0, { what: 'the thread stopped' });
    let text = '';
    await renderInWorker(boardWorkers, job('csv', doc), {
      start: () => {},
      write: (chunk) => void (text += chunk),
    });
    expect(text).toBe(toCsv(readBoard(doc)));
    expect(boardWorkers.threads()).toMatchObject({ live: 1, started: started + 1 });
  });

  it('a thread that dies fails its job, and the next export gets a fresh one', async () => {
    const { doc } = buildHostileBoard();
    const { started } = boardWorkers.threads();
    // No job starts with 'more': the thread throws and ends.
    const died = boardWorkers.run('export', async (thread) => {
      thread.post({ type: 'more' });
      return thread.next();
    });
    await expect(died).rejects.toMatchObject({ name: 'JobError', kind: 'export', code: 'failed' });
    let text = '';
    await renderInWorker(boardWorkers, job('csv', doc), {
      start: () => {},
      write: (chunk) => void (text += chunk),
    });
    expect(text).toBe(toCsv(readBoard(doc)));
    expect(boardWorkers.threads().started).toBeGreaterThan(started);
    expect(boardWorkers.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
