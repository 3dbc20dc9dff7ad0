import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addArticle, addClaim, initBoard, moveCard, removeArticle } from '../../../shared/board';
import { type BoardExport, boardExportSchema } from '../../../shared/export';
import { buildHostileBoard } from '../../shared/export/hostileBoard';
import { type ExportServer, startExportServer } from './exportServer';
import { describeEvent } from '../../../client/history/historyEvent';

let server: ExportServer;
let original: BoardExport;
const created = Date.now() - 60_000;

async function exportJson(boardId: string, token: string): Promise<BoardExport> {
  const res = await server.get(`/api/boards/${boardId}/export?format=json`, token);
  expect(res.status).toBe(200);
  return boardExportSchema.parse(await res.json());
}

function postImport(body: string, query = '') {
  return fetch(`${server.url}/api/boards/import${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
}

beforeAll(async () => {
  server = await startExportServer();
  const hostile = buildHostileBoard();
  const { boardId } = await server.createBoard('Original', created);
  await server.storage.appendUpdate(boardId, Y.encodeStateAsUpdate(hostile.doc), created + 1);
  await server.appendHistory([
    {
      boardId,
      cardId: hostile.ids.eq,
      type: 'verdict.set',
      actor: { id: 'inv-alice', name: 'Alice' },
      at: created + 2,
      data: { from: null, to: 'True' },
    },
  ]);
  original = await exportJson(boardId, await server.invite(boardId, 'lead'));
});

afterAll(async () => {
  await server?.close();
});

describe('POST /api/boards/import', () => {
  it('creates a new board whose export equals the original apart from the named fields', async () => {
    const res = await postImport(JSON.stringify(original), '?name=Imogen');
    expect(res.status).toBe(201);
    const board = (await res.json()) as {
      id: string;
      title: string;
      leadToken: string;
      leadUrl: string;
    };
    expect(board.title).toBe(original.board.title);
    expect(board.id).not.toBe(original.board.id);
    expect(board.leadUrl).toBe(`${server.url}/b/${board.id}#invite=${board.leadToken}`);

    const copy = await exportJson(board.id, board.leadToken);
    // Named differences: the board id, the export time, and one more history event at the end
    // that records the import. Card, comment, evidence and article ids, authors, times and
    // ranks are all kept.
    expect(copy.board.id).toBe(board.id);
    expect(copy.exportedAt >= original.exportedAt).toBe(true);
    const imported = copy.history.at(-1);
    // By the person who imported it, under the lead invite the import gave them.
    const [lead] = await server.storage.listInvites(board.id);
    expect(lead).toMatchObject({ name: 'Imogen', role: 'lead' });
    expect(imported).toMatchObject({
      type: 'board.imported',
      cardId: null,
      actor: { id: lead!.id, name: 'Imogen' },
      data: { fromBoardId: original.board.id, importedEvents: 1 },
    });
    const same = (e: BoardExport) => ({ ...e, exportedAt: null, board: { ...e.board, id: null } });
    expect(same({ ...copy, history: copy.history.slice(0, -1) })).toEqual(same(original));
  });

  it('says who made the board from the export, as the Activity feed words it; the system when no name was given', async () => {
    const said = async (query: string) => {
      const res = await postImport(JSON.stringify(original), query);
      expect(res.status).toBe(201);
      const board = (await res.json()) as { id: string };
      const { events } = await server.storage.listHistory(board.id, { limit: 1 });
      const last = events.at(-1)!;
      return `${last.actor.name} ${describeEvent(last)}`;
    };
    const rest =
      'made this board from a JSON export; the entries below come from the board exported';
    expect(await said(`?name=${encodeURIComponent('Ivan Importer')}`)).toBe(
      `Ivan Importer ${rest}`,
    );
    expect(await said('')).toBe(`Factboard ${rest}`);
  });

  it('refuses a lead name with a control character with 400 invalid_input, creating nothing', async () => {
    const createBoard = vi.spyOn(server.storage, 'createBoard');
    try {
      const res = await postImport(
        JSON.stringify(original),
        `?name=${encodeURIComponent('Imogen\n# Lead')}`,
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toMatch(/^name: must not contain line breaks/);
      expect(createBoard).not.toHaveBeenCalled();
    } finally {
      createBoard.mockRestore();
    }
  });

  it('takes back a board whose rating scale was stored with decimal or zero values, as it went out', async () => {
    // Such scales were taken before values had to be whole numbers of 1 or more: a backup of
    // one must come back, not be refused for what the board holds (its ClaimReview gives the
    // labels without numbers, and a lead mends the scale in the dialog).
    const scale = original.board.ratingScale;
    const offScale = structuredClone(original);
    offScale.board.ratingScale = {
      ...scale,
      worst: 0,
      labels: scale.labels.map((l, i) => (i === 0 ? { ...l, value: 4.5 } : l)),
    };
    const res = await postImport(JSON.stringify(offScale));
    expect(res.status).toBe(201);
    const board = (await res.json()) as { id: string; leadToken: string };
    const copy = await exportJson(board.id, board.leadToken);
    expect(copy.board.ratingScale).toEqual(offScale.board.ratingScale);
  });

  it('refuses malformed or foreign JSON with a 400 that lists what is wrong, creating nothing', async () => {
    const createBoard = vi.spyOn(server.storage, 'createBoard');
    try {
      const foreign = await postImport(JSON.stringify({ type: 'FeatureCollection', features: [] }));
      expect(foreign.status).toBe(400);
      const body = (await foreign.json()) as {
        error: { code: string; message: string; details: string[] };
      };
      expect(body.error.code).toBe('invalid_export');
      expect(body.error.details).toContain(
        'format: not a Factboard board export (format must be "factboard.board")',
      );
      expect(body.error.message).toMatch(/^not a valid Factboard board export: format: /);

      const broken = structuredClone(original);
      (broken.cards[0] as { column: string }).column = 'archived';
      broken.cards[1]!.evidence.push({ ...broken.cards[2]!.evidence[0]!, url: 'javascript:x' });
      // An id the REST API could never name (history, restore) is refused at the door.
      (broken.cards[2] as { id: string }).id = '../../x<script>';
      const bad = await postImport(JSON.stringify(broken));
      expect(bad.status).toBe(400);
      const details = ((await bad.json()) as { error: { details: string[] } }).error.details;
      expect(details).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^cards\.0\.column: /),
          expect.stringMatching(/^cards\.1\.evidence\.0\.url: /),
          expect.stringMatching(/^cards\.2\.id: /),
        ]),
      );

      const notJson = await postImport('{"format": ');
      expect(notJson.status).toBe(400);
      const notJsonError = (
        (await notJson.json()) as { error: { code: string; details: string[] } }
      ).error;
      expect(notJsonError.code).toBe('invalid_export');
      expect(notJsonError.details[0]).toMatch(/^not valid JSON/);

      const notSent = await fetch(`${server.url}/api/boards/import`, { method: 'POST', body: 'x' });
      expect(notSent.status).toBe(400);
      expect(createBoard).not.toHaveBeenCalled();
    } finally {
      createBoard.mockRestore();
    }
  });
});

/**
 * The sync server holds a card's sentence to its article's text at its offsets, and an
 * article to having text (server/sync/checkSources, shared/board/fieldRules); an edited
 * export must not store what no client could (found by QA: each of these was imported, 201).
 */
describe('POST /api/boards/import: articles and the sentences cards quote from them', () => {
  const KEPT = 'Crime fell 20% in 2024. Rents rose 8% last year.';
  const GONE = 'The port moved 4 million containers. Bus fares went up 15%.';
  let genuine: BoardExport;
  let quoting: number;

  beforeAll(async () => {
    let clock = created + 100;
    const ana = { actor: { id: 'inv-ana', name: 'Ana' }, now: () => (clock += 1_000) };
    const { boardId, doc } = await server.createBoard('Quotes', created);
    await server.change(boardId, doc, created + 100, (d) => {
      initBoard(d, { title: 'Quotes' }, ana);
      const kept = addArticle(d, { title: 'Kept', text: KEPT }, ana);
      const sentence = 'Rents rose 8% last year.';
      const start = KEPT.indexOf(sentence);
      addClaim(
        d,
        {
          claim: sentence,
          source: { articleId: kept, start, end: start + sentence.length, sentence },
        },
        ana,
      );
      // A card worked on stays when its article is removed, quoting a text the export lacks.
      const gone = addArticle(d, { title: 'Gone', text: GONE }, ana);
      const worked = addClaim(
        d,
        {
          claim: 'Bus fares',
          source: { articleId: gone, start: 37, end: 59, sentence: 'Bus fares went up 15%.' },
        },
        ana,
      );
      moveCard(d, worked, { column: 'disputed', index: 0 }, ana);
      removeArticle(d, gone, ana);
    });
    genuine = await exportJson(boardId, await server.invite(boardId, 'lead'));
    expect(genuine.articles.map((a) => a.text)).toEqual([KEPT]);
    expect(genuine.cards).toHaveLength(2);
    quoting = genuine.cards.findIndex((c) => c.source?.articleId === genuine.articles[0]!.id);
  });

  it('imports an export whose cards quote their article, and one whose article was removed', async () => {
    const res = await postImport(JSON.stringify(genuine));
    expect(res.status).toBe(201);
    const board = (await res.json()) as { id: string; leadToken: string };
    const copy = await exportJson(board.id, board.leadToken);
    expect(copy.articles).toEqual(genuine.articles);
    expect(copy.cards.map((c) => c.source)).toEqual(genuine.cards.map((c) => c.source));
  });

  it('refuses a sentence the article does not hold there, offsets past its text and an article without text: 400, nothing created', async () => {
    const refused = async (edit: (e: BoardExport) => void) => {
      const file = structuredClone(genuine);
      edit(file);
      const res = await postImport(JSON.stringify(file));
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as {
        error: { code: string; message: string; details: string[] };
      };
      expect(error.code).toBe('invalid_export');
      return error.details;
    };
    const source = (e: BoardExport) => e.cards[quoting]!.source!;
    const createBoard = vi.spyOn(server.storage, 'createBoard');
    try {
      expect(
        await refused((e) => {
          source(e).sentence = 'The mayor admitted he lied about unemployment.';
        }),
      ).toEqual([`cards.${quoting}.source: sentence is not its article's text from start to end`]);
      // The article's text changed under its id: its card no longer quotes it.
      expect(
        await refused((e) => {
          e.articles[0]!.text = 'Completely different words, never printed anywhere.';
        }),
      ).toEqual([`cards.${quoting}.source: sentence is not its article's text from start to end`]);
      // slice() would clamp these to the text's last words, the sentence given.
      expect(
        await refused((e) => {
          Object.assign(source(e), {
            start: KEPT.length - 9,
            end: KEPT.length + 20,
            sentence: KEPT.slice(-9),
          });
        }),
      ).toEqual([`cards.${quoting}.source: end is past the end of its article's text`]);
      expect(
        await refused((e) => {
          e.articles[0]!.text = '';
        }),
      ).toContain('articles.0.text: an article has text');
      expect(createBoard).not.toHaveBeenCalled();
    } finally {
      createBoard.mockRestore();
    }
  });
});
