import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, editCard, moveCard, readBoard, setBoardMeta } from '../../../shared/board';
import {
  type BoardExport,
  boardExportSchema,
  CSV_HEADER,
  toJsonExport,
} from '../../../shared/export';
import { buildHostileBoard, HOSTILE } from '../../shared/export/hostileBoard';
import { type ExportServer, startExportServer } from './exportServer';
import { parseCsvRows } from '../../helpers/parseCsvRows';

const HOUR = 3_600_000;
const created = Date.now() - 2 * HOUR;
const firstSaved = created + 1_000;
const asOf = created + HOUR / 2;
const laterChange = created + HOUR;
const lead = { actor: { id: 'inv-lead', name: 'Lead' }, now: () => laterChange };
/** Where the lead says the first review is published: a link holding < > & too. */
const PUBLISHED = 'https://factdesk.example/checks/2026?claim=</script>&lang=<en>';

let server: ExportServer;
let boardId: string;
let leadToken: string;
let hostile: ReturnType<typeof buildHostileBoard>;
let before: ReturnType<typeof readBoard>;
const history = [
  { type: 'card.created', actor: { id: 'inv-alice', name: 'Alice' }, at: firstSaved, data: {} },
  {
    type: 'card.moved',
    actor: { id: 'inv-lead', name: 'Lead' },
    at: laterChange,
    data: { to: 'disputed' },
  },
];

beforeAll(async () => {
  server = await startExportServer();
  hostile = buildHostileBoard();
  const board = await server.createBoard(`Élection ${HOSTILE.script}`, created);
  boardId = board.boardId;
  // The whole hostile board is stored first, then changed later: "as of" must see the first.
  await server.storage.appendUpdate(boardId, Y.encodeStateAsUpdate(hostile.doc), firstSaved);
  before = readBoard(hostile.doc);
  await server.change(boardId, hostile.doc, laterChange, (doc) => {
    moveCard(doc, hostile.ids.unicode, { column: 'disputed', index: 0 }, lead);
    editCard(
      doc,
      hostile.ids.eq,
      { claim: 'rewritten later', reviewUrl: PUBLISHED, speakerType: 'organization' },
      lead,
    );
    addComment(doc, hostile.ids.lines, { text: 'a later comment' }, lead);
  });
  await server.appendHistory(history.map((e) => ({ ...e, boardId, cardId: hostile.ids.unicode })));
  leadToken = await server.invite(boardId, 'lead');
});

afterAll(async () => {
  await server?.close();
});

async function download(query: string, token = leadToken) {
  const res = await server.get(`/api/boards/${boardId}/export?${query}`, token);
  return { res, text: await res.text() };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('GET /api/boards/:id/export', () => {
  it('json: the whole current board and its history, valid against the schema', async () => {
    const { res, text } = await download('format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="board-he-said-never-then-always-twice-script-alert-x-script-${today()}.json"`,
    );
    const data = boardExportSchema.parse(JSON.parse(text));
    const expected = toJsonExport(readBoard(hostile.doc), [], { exportedAt: 0, boardId });
    expect(data.cards).toEqual(expected.cards);
    expect(data.board).toEqual(expected.board);
    expect(data.articles).toEqual(expected.articles);
    expect(data.asOf).toBeNull();
    expect(data.history.map((e) => e.type)).toEqual(['card.created', 'card.moved']);
  });

  it('csv: a BOM, CRLF and one parsable row per card', async () => {
    const res = await server.get(`/api/boards/${boardId}/export?format=csv`, leadToken);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/filename=".*\.csv"$/);
    // Read the bytes: fetch's text() would drop the byte-order mark.
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsvRows(text);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[2])).toContain(HOSTILE.unicode);
  });

  it('md: the report, as text', async () => {
    const { res, text } = await download('format=md');
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/filename=".*\.md"$/);
    expect(text).toMatch(/^# Board /);
    expect(text).toContain('### 1. rewritten later');
    expect(text).not.toMatch(/<script/i);
  });

  it('claimreview: a JSON-LD array, with the numbers of skipped cards and placeholder URLs in headers', async () => {
    const { res, text } = await download('format=claimreview');
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/filename=".*\.jsonld"$/);
    // The card without a verdict, and the one moved to disputed later without one.
    expect(res.headers.get('x-factboard-skipped')).toBe('2');
    // One of the two reviews has no published URL of its own (below).
    expect(res.headers.get('x-factboard-placeholder-urls')).toBe('1');
    const reviews = JSON.parse(text) as {
      '@type': string;
      url: string;
      claimReviewed: string;
      reviewBody?: string;
      itemReviewed: { author?: { '@type': string } };
    }[];
    expect(reviews.map((r) => r['@type'])).toEqual(['ClaimReview', 'ClaimReview']);
    expect(reviews[0]?.claimReviewed).toBe('rewritten later');
    // The card's own published page and speaker type; the other card's placeholder and guess.
    expect(reviews[0]?.url).toBe(new URL(PUBLISHED).href); // written as a URL: %3C, %3E
    expect(reviews[0]?.itemReviewed.author?.['@type']).toBe('Organization');
    expect(reviews[1]?.url).toMatch(/^https:\/\/factdesk\.example\/checks#claim-/);
    // Pasted into <script type="application/ld+json">, a rationale holding </script> must not
    // end the block: the same text, with < > & escaped.
    expect(reviews[0]?.reviewBody).toContain(HOSTILE.script);
    expect(text).not.toMatch(/[<>&]/);
  });

  it('at: the board as it was, rebuilt from the stored log, with history up to then', async () => {
    const at = new Date(asOf).toISOString();
    const { res, text } = await download(`format=json&at=${encodeURIComponent(at)}`);
    expect(res.status).toBe(200);
    // Named for the moment, never like the current export of the same day.
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`-as-of-${at.slice(0, 10)}T${at.slice(11, 13)}-${at.slice(14, 16)}\\.json"$`),
    );
    const data: BoardExport = boardExportSchema.parse(JSON.parse(text));
    expect(data.asOf).toBe(at);
    const then = toJsonExport(before, [], { exportedAt: 0, boardId });
    expect(data.cards).toEqual(then.cards);
    expect(data.cards.find((c) => c.id === hostile.ids.eq)?.claim).toBe(HOSTILE.formulaEq);
    expect(data.cards.find((c) => c.id === hostile.ids.unicode)?.column).toBe('unverified');
    expect(JSON.stringify(data)).not.toContain('a later comment');
    expect(data.history.map((e) => e.type)).toEqual(['card.created']);

    const md = await download(`format=md&at=${encodeURIComponent(at)}`);
    expect(md.text).toContain(`As of ${at}.`);
    expect(md.text).not.toContain('rewritten later');
  });

  it('refuses an at before the board existed or in the future, and bad queries', async () => {
    const early = await download(`format=json&at=${new Date(created - HOUR).toISOString()}`);
    expect(early.res.status).toBe(400);
    expect(JSON.parse(early.text).error.code).toBe('invalid_at');
    const future = await download(`format=json&at=${new Date(Date.now() + HOUR).toISOString()}`);
    expect(future.res.status).toBe(400);
    // A time to the minute, as people type one, is read as a time (QA: it was no ISO time).
    const minute = `${new Date(Date.now() + HOUR).toISOString().slice(0, 16)}Z`;
    const typed = await download(`format=json&at=${encodeURIComponent(minute)}`);
    expect(JSON.parse(typed.text).error.code).toBe('invalid_at');
    const badFormat = await download('format=xlsx');
    expect(badFormat.res.status).toBe(400);
    expect(JSON.parse(badFormat.text).error).toMatchObject({ code: 'invalid_input' });
    expect((await download('format=json&at=yesterday')).res.status).toBe(400);
  });

  it('refuses every role but lead, a missing token and a token for another board', async () => {
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      const token = await server.invite(boardId, role);
      const { res, text } = await download('format=json', token);
      expect(res.status, role).toBe(403);
      expect(JSON.parse(text).error.code).toBe('forbidden');
    }
    const anonymous = await server.get(`/api/boards/${boardId}/export?format=json`);
    expect(anonymous.status).toBe(401);
    const other = await server.createBoard('Other', created);
    const otherLead = await server.invite(other.boardId, 'lead');
    expect((await download('format=json', otherLead)).res.status).toBe(403);
  });

  it('asks for the reviewing organisation before a ClaimReview export', async () => {
    const { boardId: id, doc } = await server.createBoard('No organisation', created);
    await server.change(id, doc, firstSaved, (d) => {
      const other = buildHostileBoard();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(other.doc));
      setBoardMeta(d, { organisation: null }, lead);
    });
    const token = await server.invite(id, 'lead');
    const res = await server.get(`/api/boards/${id}/export?format=claimreview`, token);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('organisation_required');

    // Set later: a ClaimReview as of before it is published by the organisation set now.
    const org = { name: 'Verifica', url: 'https://verifica.example' };
    await server.change(id, doc, laterChange, (d) => setBoardMeta(d, { organisation: org }, lead));
    const then = new Date(asOf).toISOString();
    const asOfRes = await server.get(
      `/api/boards/${id}/export?format=claimreview&at=${encodeURIComponent(then)}`,
      token,
    );
    expect(asOfRes.status).toBe(200);
    const reviews = (await asOfRes.json()) as { author: { name: string } }[];
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r) => r.author.name === 'Verifica')).toBe(true);
  });
});
