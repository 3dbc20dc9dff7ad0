import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import { MIGRATIONS } from '../../../server/storage/sqliteSchema';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
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

  it('upgrades a file written before the places of deleted cards were kept (layout 6)', async () => {
    const tmp = makeTempDir();
    try {
      const file = `${tmp.path}/factboard.sqlite`;
      const old = new Database(file);
      MIGRATIONS.slice(0, 6).forEach((sql) => old.exec(sql));
      old.pragma('user_version = 6');
      old.prepare("INSERT INTO boards (id, title, created_at) VALUES ('b1', 'T', 1)").run();
      old
        .prepare(
          `INSERT INTO history (board_id, card_id, type, actor_id, actor_name, at, data)
           VALUES ('b1', 'c1', 'card.deleted', 'i', 'Bo', 1, '{"claim":"C"}')`,
        )
        .run();
      old.close();

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
