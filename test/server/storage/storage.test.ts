import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import { MIGRATIONS } from '../../../server/storage/sqliteSchema';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { BOARD_TABLES, countBoardRows } from '../../helpers/boardTables';
import { writeOldLayout } from '../../helpers/oldLayoutFile';
import { storageContract } from './storageContract';

storageContract('memory', { create: () => createMemoryStorage() });

let dir: TempDir | null = null;
storageContract('sqlite', {
  create: () => {
    dir = makeTempDir();
    return createSqliteStorage(`${dir.path}/factboard.sqlite`);
  },
  cleanup: () => dir?.remove(),
});

describe('sqlite storage on disk', () => {
  it('keeps everything across a close and reopen of the same file', async () => {
    const tmp = makeTempDir();
    try {
      const file = `${tmp.path}/nested/dir/factboard.sqlite`;
      const a = createSqliteStorage(file);
      await a.createBoard({ id: 'b1', title: 'T', createdAt: 1 });
      await a.appendBatch('b1', {
        updates: [new Uint8Array([0, 0])],
        bindings: [{ clientId: 1, inviteId: 'i' }],
        history: [],
        at: 1,
      });
      await a.close();
      const b = createSqliteStorage(file);
      expect(await b.getBoard('b1')).toMatchObject({ title: 'T' });
      expect((await b.loadContent('b1')).updates).toHaveLength(1);
      expect(await b.listClientBindings('b1')).toEqual([{ clientId: 1, inviteId: 'i' }]);
      await b.close();
    } finally {
      tmp.remove();
    }
  });

  it('a deleted board has no row left in any table, nor in the pending log after a reopen; another board keeps its rows', async () => {
    const tmp = makeTempDir();
    try {
      const file = `${tmp.path}/factboard.sqlite`;
      const a = createSqliteStorage(file, { flushAfterMs: 60_000 });
      const holder = {
        cardId: 'c1',
        evidenceId: null,
        evidenceUrl: null,
        claim: 'C',
        deleted: 'card' as const,
        deletedBy: null,
      };
      for (const id of ['b1', 'b2']) {
        await a.createBoard({ id, title: id, createdAt: 1 });
        await a.createInvite({
          id: `lead-${id}`,
          boardId: id,
          name: 'Lea',
          role: 'lead',
          createdAt: 1,
          revokedAt: null,
          revokedBy: null,
          roleChange: null,
          expiresAt: null,
          expirySetBy: null,
          joinedAt: null,
        });
        const seq = await a.appendBatch(id, {
          updates: [new Uint8Array([0, 0])],
          bindings: [{ clientId: 1, inviteId: `lead-${id}` }],
          history: [
            {
              boardId: id,
              cardId: 'c1',
              type: 'card.deleted',
              actor: { id: 'i', name: 'Lea' },
              at: 1,
              data: {},
            },
          ],
          places: [{ holder, structs: [{ client: 1, clock: 0, length: 1, key: null }] }],
          at: 1,
        });
        await a.compact(id, seq, 2, { state: new Uint8Array([0, 0]), pruneBefore: 0 });
      }
      // Wait in the pending log (flushAfterMs): the deletion must take b1's too.
      for (const id of ['b1', 'b2']) {
        await a.appendBatch(id, {
          updates: [new Uint8Array([0, 0])],
          bindings: [],
          history: [],
          at: 3,
        });
      }
      expect(a.pendingLog().batches).toBe(2);
      expect(await a.deleteBoard('b1')).toBe(true);
      await a.close();

      // Reopened: what a crash would replay from the pending log comes back for neither board.
      const reopened = createSqliteStorage(file);
      await reopened.close();
      const db = new Database(file, { readonly: true });
      // Every table with a board's rows is in BOARD_TABLES: one added later must be too.
      const keyed = db
        .prepare(
          `SELECT DISTINCT m.name FROM sqlite_master m, pragma_table_info(m.name) c
           WHERE m.type = 'table' AND c.name = 'board_id'`,
        )
        .all() as { name: string }[];
      expect(new Set([...keyed.map((r) => r.name), 'boards'])).toEqual(
        new Set(BOARD_TABLES.map(([t]) => t)),
      );
      const rows = (id: string) => countBoardRows(db, id);
      expect(rows('b1')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(rows('b2')).toEqual([1, 1, 2, 1, 1, 1, 1, 1, 0]);
      db.close();
    } finally {
      tmp.remove();
    }
  });

  it('upgrades a file written before the places of deleted cards were kept (layout 6)', async () => {
    const tmp = makeTempDir();
    try {
      const file = `${tmp.path}/factboard.sqlite`;
      writeOldLayout(file, 6, (old) => {
        old.prepare("INSERT INTO boards (id, title, created_at) VALUES ('b1', 'T', 1)").run();
        old
          .prepare(
            `INSERT INTO history (board_id, card_id, type, actor_id, actor_name, at, data)
             VALUES ('b1', 'c1', 'card.deleted', 'i', 'Bo', 1, '{"claim":"C"}')`,
          )
          .run();
      });

      const storage = createSqliteStorage(file);
      // What the old file held is still there; a deletion it recorded has no places to find.
      expect(await storage.listHistory('b1', { after: 0, limit: 10 })).toMatchObject({
        events: [{ type: 'card.deleted', data: { claim: 'C' } }],
      });
      expect(await storage.findDeletedPlaces('b1', [{ client: 1, clock: 0 }])).toEqual([]);
      const holder = {
        cardId: 'c2',
        evidenceId: null,
        evidenceUrl: null,
        claim: 'D',
        deleted: 'card' as const,
        deletedBy: null,
      };
      const structs = [{ client: 1, clock: 0, length: 2, key: null }];
      await storage.appendBatch('b1', {
        updates: [],
        bindings: [],
        history: [],
        places: [{ holder, structs }],
        at: 2,
      });
      await storage.close();
      const reopened = createSqliteStorage(file);
      expect(await reopened.findDeletedPlaces('b1', [{ client: 1, clock: 1 }])).toEqual([
        { holder, structs },
      ]);
      await reopened.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      db.close();
    } finally {
      tmp.remove();
    }
  });
});
