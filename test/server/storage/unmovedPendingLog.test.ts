/**
 * Reading a board while the pending log's batches cannot move into the tables (found by QA on
 * a full disk: no board that was not loaded could be opened, since every read moves them
 * first). A board none of them belongs to is read from the tables, which hold all of it; one
 * they belong to is refused until they move. The failure is SQLite's own, from a trigger a
 * second connection adds to the real file (a full disk cannot be made in-process).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSqliteStorage,
  type SqliteStorage,
} from '../../../server/storage/createSqliteStorage';
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

/** Makes every move of pending batches into the tables fail, until the returned undo. */
function refuseMoves(): () => void {
  const other = new Database(file);
  other.exec(
    "CREATE TRIGGER refuse BEFORE INSERT ON updates BEGIN SELECT RAISE(ABORT, 'no space'); END",
  );
  return () => {
    other.exec('DROP TRIGGER refuse');
    other.close();
  };
}

describe('a pending log that cannot move into the tables', () => {
  it('leaves a board it holds nothing of readable, and refuses the board it holds', async () => {
    await storage.createBoard({ id: 'quiet', title: 'Quiet', createdAt: 1 });
    await storage.createBoard({ id: 'busy', title: 'Busy', createdAt: 1 });
    await append('quiet', 1);
    await append('busy', 2);
    expect(await bytesOf('quiet')).toEqual([[1]]);
    const undo = refuseMoves();
    await append('busy', 3);
    expect(storage.pendingLog().batches).toBe(1);

    expect(await bytesOf('quiet')).toEqual([[1]]);
    await expect(storage.listClientBindings('quiet')).resolves.toEqual([]);
    await expect(storage.listHistory('quiet', { limit: 10 })).resolves.toBeDefined();
    await expect(storage.loadContent('busy')).rejects.toThrow(/no space/);

    undo();
    expect(await bytesOf('busy')).toEqual([[2], [3]]);
    expect(storage.pendingLog().batches).toBe(0);
  });
});
