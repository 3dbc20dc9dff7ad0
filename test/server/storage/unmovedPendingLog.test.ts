/**
 * Reading a board while the pending log's batches cannot move into the tables (found by QA on
 * a full disk: no board that was not loaded could be opened, since every read moves them
 * first; then none whose own batches waited there). A board none of them belongs to is read
 * from the tables, which hold all of it; one they belong to from the tables and its batches
 * that wait, in memory, and they are stored once when they move. Only its history pages wait
 * (their events have no seq yet). The failure is SQLite's own (refuseMoves).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSqliteStorage,
  type SqliteStorage,
} from '../../../server/storage/createSqliteStorage';
import { refuseMoves } from '../../helpers/refuseMoves';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let dir: TempDir;
let storage: SqliteStorage;
let file: string;

beforeEach(() => {
  dir = makeTempDir();
  file = join(dir.path, 'factboard.sqlite');
  storage = createSqliteStorage(file, { onError: () => undefined });
});
afterEach(async () => {
  await storage.close();
  dir.remove();
});

const append = (boardId: string, byte: number) =>
  storage.appendBatch(boardId, {
    updates: [new Uint8Array([byte])],
    bindings: [],
    history: [],
    at: 1,
  });
const bytesOf = async (boardId: string) =>
  (await storage.loadContent(boardId)).updates.map((u) => [...u]);

const removal = (boardId: string, n: number) => ({
  boardId,
  cardId: `card${n}`,
  actor: { id: 'i1', name: 'Ana' },
  at: 1,
});

describe('a pending log that cannot move into the tables', () => {
  it('leaves a board it holds nothing of readable, and the board it holds read whole', async () => {
    await storage.createBoard({ id: 'quiet', title: 'Quiet', createdAt: 1 });
    await storage.createBoard({ id: 'busy', title: 'Busy', createdAt: 1 });
    await append('quiet', 1);
    await append('busy', 2);
    expect(await bytesOf('quiet')).toEqual([[1]]);
    const undo = refuseMoves(file);
    await append('busy', 3);
    expect(storage.pendingLog().batches).toBe(1);

    expect(await bytesOf('quiet')).toEqual([[1]]);
    await expect(storage.listClientBindings('quiet')).resolves.toEqual([]);
    await expect(storage.listHistory('quiet', { limit: 10 })).resolves.toBeDefined();
    expect(await bytesOf('busy')).toEqual([[2], [3]]);
    expect(await storage.loadContent('busy')).toMatchObject({ lastSeq: 3 });
    // Its pages are read by seq, which its waiting events do not have yet.
    await expect(storage.listHistory('busy', { limit: 10 })).rejects.toThrow(/no space/);
    expect(storage.pendingLog().batches).toBe(1);

    undo();
    expect(await bytesOf('busy')).toEqual([[2], [3]]);
    expect(storage.pendingLog().batches).toBe(0);
  });

  it('reads what the waiting batches bind, remove and delete, and stores each of them once', async () => {
    await storage.createBoard({ id: 'b', title: 'B', createdAt: 1 });
    await storage.appendBatch('b', {
      updates: [new Uint8Array([1])],
      bindings: [{ clientId: 7, inviteId: 'i1' }],
      history: [{ ...removal('b', 1), type: 'evidence.removed', data: { evidenceId: 'e1' } }],
      at: 10,
    });
    await storage.loadContent('b');
    const undo = refuseMoves(file);
    const holder = {
      cardId: 'card2',
      evidenceId: null,
      evidenceUrl: null,
      claim: 'The deficit rose.',
      deleted: 'card' as const,
      deletedBy: { id: 'i2', name: 'Bo' },
    };
    await storage.appendBatch('b', {
      updates: [new Uint8Array([2]), new Uint8Array([3])],
      // 7 is bound already: it keeps its invite, as the flush keeps it.
      bindings: [
        { clientId: 7, inviteId: 'i2' },
        { clientId: 8, inviteId: 'i2' },
      ],
      history: [
        { ...removal('b', 2), type: 'card.deleted', data: { sourceDigest: 'd2' } },
        { ...removal('b', 3), type: 'article.removed', data: { articleId: 'a3' } },
        { ...removal('b', 4), type: 'evidence.removed', data: { evidenceId: 'e4' } },
      ],
      places: [{ holder, structs: [{ client: 8, clock: 5, length: 3, key: null }] }],
      at: 20,
    });
    await storage.appendBatch('b', {
      updates: [new Uint8Array([4])],
      bindings: [],
      history: [],
      at: 30,
    });
    const read = async () => ({
      content: await storage.loadContent('b'),
      at: (await storage.loadContentAt('b', 20)).updates.map((u) => [...u]),
      bindings: await storage.listClientBindings('b'),
      evidence: await storage.listRemovedEvidence('b'),
      sources: await storage.listDeletedCardSources('b'),
      articles: await storage.listRemovedArticles('b'),
      places: await storage.findDeletedPlaces('b', [
        { client: 8, clock: 7 },
        { client: 8, clock: 8 },
      ]),
    });
    const waiting = await read();
    expect(storage.pendingLog().batches).toBe(2);
    expect(waiting.content.updates.map((u) => [...u])).toEqual([[1], [2], [3], [4]]);
    expect(waiting.content).toMatchObject({ lastSeq: 4, updatesSinceSnapshot: 4 });
    expect(waiting.at).toEqual([[1], [2], [3]]);
    expect(waiting.bindings).toEqual([
      { clientId: 7, inviteId: 'i1' },
      { clientId: 8, inviteId: 'i2' },
    ]);
    expect(waiting.evidence).toEqual([
      { cardId: 'card1', evidenceId: 'e1' },
      { cardId: 'card4', evidenceId: 'e4' },
    ]);
    expect(waiting.sources).toEqual([{ cardId: 'card2', sourceDigest: 'd2' }]);
    expect(waiting.articles).toEqual([{ articleId: 'a3', textDigest: null, articleDigest: null }]);
    expect(waiting.places).toEqual([
      { holder, structs: [{ client: 8, clock: 5, length: 3, key: null }] },
    ]);

    undo();
    // The same once stored, each row once.
    expect(await read()).toEqual(waiting);
    expect(storage.pendingLog().batches).toBe(0);
    const other = new Database(file, { readonly: true });
    try {
      const count = (table: string) =>
        (
          other.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE board_id = 'b'`).get() as {
            n: number;
          }
        ).n;
      expect([count('updates'), count('history'), count('client_bindings')]).toEqual([4, 4, 2]);
      expect(count('deleted_structs')).toBe(1);
    } finally {
      other.close();
    }
  });
});
