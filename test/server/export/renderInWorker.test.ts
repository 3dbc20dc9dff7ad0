import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../../shared/board';
import { ExportError, toCsv } from '../../../shared/export';
import { type ExportJob, renderExport } from '../../../server/export/renderExport';
import { renderInWorker } from '../../../server/export/renderInWorker';
import { buildHostileBoard } from '../../shared/export/hostileBoard';

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
  };
}

describe('renderInWorker', () => {
  it('streams the same text as rendering in-thread, after one start', async () => {
    const { doc } = buildHostileBoard();
    const starts: string[] = [];
    let text = '';
    await renderInWorker(job('csv', doc), {
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
    const run = renderInWorker(job('claimreview', noOrganisation), {
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
      job('json', doc),
      { start: () => abort.abort(), write: () => {} },
      abort.signal,
    );
    await expect(aborted).rejects.toThrow('export aborted');
    const failing = renderInWorker(job('md', doc), {
      start: () => {},
      write: () => Promise.reject(new Error('client went away')),
    });
    await expect(failing).rejects.toThrow('client went away');
  });
});
