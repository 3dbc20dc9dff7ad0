/**
 * An import reaches storage whole or not at all: an article's cards and a whole board are each
 * one Yjs update written in one storage call (one SQLite transaction), so a crash or a shutdown
 * mid-way can never leave half of them stored. Real server on port 0, real SQLite file, opened
 * again after a restart.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStorage } from '../../../server/storage/Storage';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const ARTICLE =
  'The national deficit rose to $1.2 trillion in 2023, the Treasury said on Tuesday. ' +
  'Unemployment fell to 3.9 percent in December, according to the Bureau of Labor Statistics. ' +
  'The mayor said 40 percent of the city budget goes to policing.';

/** Every Storage method that writes, so a test can count what one request wrote. */
const WRITES = [
  'createBoard',
  'createInvite',
  'appendUpdate',
  'appendBatch',
  'appendHistory',
  'createBoardWithLead',
] as const satisfies readonly (keyof SyncStorage)[];

function spyOnWrites(server: TestServer) {
  // The running server's storage is SQLite's, a SyncStorage (its rooms append batches to it).
  const storage = server.storage as SyncStorage;
  const spies = WRITES.map((name) => [name, vi.spyOn(storage, name)] as const);
  return {
    calls: () => spies.flatMap(([name, spy]) => spy.mock.calls.map((args) => ({ name, args }))),
    restore: () => spies.forEach(([, spy]) => spy.mockRestore()),
  };
}

let dir: TempDir | null = null;
let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
  dir?.remove();
  dir = null;
});

async function start(): Promise<TestServer> {
  dir ??= makeTempDir('factboard-atomic-');
  server = await startTestServer({ dataDir: dir.path });
  return server;
}

describe('an import is one storage transaction', () => {
  it(
    'an article and all its cards: one update in one stored batch, with their history',
    { timeout: 90_000 },
    async () => {
      const running = await start();
      const board = await createBoardOverRest(running.url, 'Imports');
      const { token } = await inviteOverRest(running.url, board, 'Edie', 'editor');
      await running.board(board.id);

      const writes = spyOnWrites(running);
      const res = await request(running.url, 'POST', `/api/boards/${board.id}/articles`, {
        token,
        json: { text: ARTICLE },
      });
      expect(res.status).toBe(201);
      expect(res.body.cards.length).toBeGreaterThan(1);
      // Whatever the room does after the answer (a follow-up change of its own) is counted too.
      const after = await running.board(board.id);
      const calls = writes.calls();
      writes.restore();

      expect(calls.map((c) => c.name)).toEqual(['appendBatch']);
      const [, batch] = calls[0]?.args as Parameters<SyncStorage['appendBatch']>;
      expect(batch.updates).toHaveLength(1);
      const created = batch.history.filter((e) => e.type === 'card.created');
      expect(created.map((e) => e.cardId).sort()).toEqual(
        (res.body.cards as { id: string }[]).map((c) => c.id).sort(),
      );

      await running.stop();
      const restarted = await start();
      expect(await restarted.board(board.id)).toEqual(after);
    },
  );

  it(
    'a whole board from a JSON export: its record, content, history and lead invite in one call',
    { timeout: 90_000 },
    async () => {
      const running = await start();
      const source = await createBoardOverRest(running.url, 'Original');
      const { token } = await inviteOverRest(running.url, source, 'Edie', 'editor');
      const imported = await request(running.url, 'POST', `/api/boards/${source.id}/articles`, {
        token,
        json: { text: ARTICLE },
      });
      expect(imported.status).toBe(201);
      const exported = await request(
        running.url,
        'GET',
        `/api/boards/${source.id}/export?format=json`,
        { token: source.leadToken },
      );
      expect(exported.status).toBe(200);

      const writes = spyOnWrites(running);
      const res = await request(running.url, 'POST', '/api/boards/import', {
        json: exported.body,
      });
      const calls = writes.calls();
      writes.restore();
      expect(res.status).toBe(201);
      expect(calls.map((c) => c.name)).toEqual(['createBoardWithLead']);

      // Everything it wrote is there after a restart, and the lead link opens it.
      const copy = await running.board(res.body.id);
      await running.stop();
      const restarted = await start();
      expect(await restarted.board(res.body.id)).toEqual(copy);
      expect(Object.keys(copy.cards)).toHaveLength(imported.body.cards.length);
      const history = await request(restarted.url, 'GET', `/api/boards/${res.body.id}/history`, {
        token: res.body.leadToken,
      });
      expect(history.status).toBe(200);
      expect(history.body.events.length).toBe(exported.body.history.length + 1);
      expect(history.body.events.at(-1)).toMatchObject({ type: 'board.imported' });
      await restarted.stop();
      server = null;

      const db = new Database(join((dir as TempDir).path, 'factboard.sqlite'), { readonly: true });
      try {
        const count = (sql: string) => (db.prepare(sql).get(res.body.id) as { n: number }).n;
        expect(count('SELECT count(*) AS n FROM updates WHERE board_id = ?')).toBe(1);
        expect(count('SELECT count(*) AS n FROM invites WHERE board_id = ?')).toBe(1);
      } finally {
        db.close();
      }
    },
  );
});
