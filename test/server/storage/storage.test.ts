import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
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
});
