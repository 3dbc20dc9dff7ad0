/**
 * The export's file name keeps the board's title in any script (RFC 6266 `filename*`, UTF-8,
 * percent-encoded per RFC 5987), beside the ASCII `filename=` older clients read: a title
 * with no Latin letters downloaded as "board-<day>.csv", whatever the board. What a file name
 * must not hold is dropped from both. Through the real export route and SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard } from '../../../shared/board';
import { type ExportServer, startExportServer } from './exportServer';

const lead = { actor: { id: 'inv-lead', name: 'Lead' }, now: () => Date.now() };
/**
 * Greek letters, path separators, quotes, a header break, an override that would show
 * "exe.jpg" as "gpj.exe", characters Windows refuses in a file name, a NUL.
 */
const HOSTILE = `../..\\Δίκη/"pa'ss"\r\nX-Evil: 1\u202egpj.exe <b>*?|\u0000`;

let server: ExportServer;

beforeAll(async () => {
  server = await startExportServer();
});

afterAll(async () => {
  await server?.close();
});

async function disposition(title: string, format: string): Promise<string> {
  const created = Date.now();
  const { boardId, doc } = await server.createBoard(title, created);
  initBoard(doc, { title }, lead);
  await server.storage.appendUpdate(boardId, Y.encodeStateAsUpdate(doc), created);
  const res = await server.get(
    `/api/boards/${boardId}/export?format=${format}`,
    await server.invite(boardId, 'lead'),
  );
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return res.headers.get('content-disposition') ?? '';
}

/** The two names the header gives: the ASCII fallback and the decoded UTF-8 one. */
function names(header: string): { ascii: string | undefined; utf8: string | undefined } {
  const ascii = /; filename="([^"]*)"/.exec(header)?.[1];
  const extended = /; filename\*=UTF-8''([^;\s]+)$/.exec(header)?.[1];
  return { ascii, utf8: extended === undefined ? undefined : decodeURIComponent(extended) };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('export file names', () => {
  it('keeps an Arabic title in filename*, with the ASCII fallback as before', async () => {
    const header = await disposition('الحكومة', 'csv');
    expect(header).toBe(
      `attachment; filename="board-${today()}.csv"; ` +
        `filename*=UTF-8''${encodeURIComponent('الحكومة')}-${today()}.csv`,
    );
    expect(names(header).utf8).toBe(`الحكومة-${today()}.csv`);
  });

  it('keeps a Cyrillic title as the slug keeps a Latin one: its words in lower case, joined by dashes', async () => {
    const header = await disposition('Выборы  в Москве', 'md');
    expect(names(header)).toEqual({
      ascii: `board-${today()}.md`,
      utf8: `выборы-в-москве-${today()}.md`,
    });
    // Only visible ASCII in the header: a UTF-8 name is sent percent-encoded, never raw.
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('drops path separators, quotes, control and bidi characters from a hostile title', async () => {
    const header = await disposition(HOSTILE, 'json');
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const { ascii, utf8 } = names(header);
    expect(ascii).toBe(`pa-ss-x-evil-1-gpj-exe-b-${today()}.json`);
    expect(utf8).toBe(`δίκη-pa-ss-x-evil-1-gpj-exe-b-${today()}.json`);
    // RFC 5987 attr-chars only: what encodeURIComponent leaves raw but the RFC does not allow
    // (' ( ) *) is percent-encoded too.
    expect(header.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it('sends only the ASCII name when the title gives no other, as before', async () => {
    expect(await disposition('///', 'csv')).toBe(`attachment; filename="board-${today()}.csv"`);
    expect(await disposition('Election night: "live"', 'csv')).toBe(
      `attachment; filename="election-night-live-${today()}.csv"`,
    );
  });

  it('keeps accents the ASCII name drops, and cuts a long title at 60 characters', async () => {
    const header = await disposition(`Élection présidentielle ${'ü'.repeat(80)}`, 'md');
    expect(names(header)).toEqual({
      ascii: `election-presidentielle-${'u'.repeat(36)}-${today()}.md`,
      utf8: `élection-présidentielle-${'ü'.repeat(36)}-${today()}.md`,
    });
  });
});
