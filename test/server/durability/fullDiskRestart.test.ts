/**
 * A restart while the pending log cannot move into the tables, on a real full disk (an 8 MB
 * tmpfs: smallDisk.ts). The server used to refuse to start ("no space left on the device")
 * until space was freed, though a board whose batches wait there opens in a running server. It
 * now starts so: it says how many batches wait, serves the boards with them, keeps new edits
 * waiting (unacknowledged, said so) as the running server does, and stores everything once
 * space returns, with no restart, each edit once. The server is server/main.ts as a child
 * process on the tmpfs, the clients real y-websocket ones; the batches are left in the pending
 * log by refusing the moves into the tables (a trigger, as refuseMoves makes) as it stops.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addClaim, addClaims, readBoard } from '../../../shared/board';
import { DATABASE_FILE } from '../../../server/dataDirProblem';
import { readPendingRecords } from '../../../server/storage/pendingLog';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { createBoardOverRest } from '../../helpers/restApi';
import { freePort, type ServerProcess, startServerProcess } from '../../helpers/serverProcess';
import { canMount, mountSmallDisk, type SmallDisk } from '../../helpers/smallDisk';
import { makeTempDir } from '../../helpers/tempDir';

const dir = makeTempDir();
let disk: SmallDisk | null = null;
const servers: ServerProcess[] = [];
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.kill('SIGTERM');
  await disk?.stop();
  dir.remove();
});

const until = (fn: () => boolean) =>
  vi.waitFor(() => expect(fn()).toBe(true), { timeout: 20_000, interval: 50 });
const claims = (client: TestClient) =>
  Object.values(readBoard(client.doc).cards)
    .map((c) => c.claim)
    .sort();
/** Two claims in one edit, 4 KB: more than the pending log's last page has left (3 records). */
const LATE = ['Written after the restart', 'Also after the restart'].map(
  (claim) => `${claim} ${'.'.repeat(1_990 - claim.length)}`,
);
const WAITING_LINE =
  /"level":"warn","event":"pending updates wait for space to be stored".*"batches":(\d+)/;

describe.skipIf(!canMount)(
  'a restart on a full disk with batches in the pending log (skipped unless root may make a mount namespace)',
  () => {
    it('starts, serves every edit, keeps new ones waiting, and stores all once space returns', async () => {
      disk = await mountSmallDisk('8m', join(dir.path, 'small'));
      const dataDir = join(disk.inside, 'data');
      const file = join(dataDir, DATABASE_FILE);
      const pendingLog = join(disk.path, 'data', `${DATABASE_FILE}-pending`);
      const port = await freePort();
      const start = async () => {
        const server = await startServerProcess({ dataDir, port, runUnder: disk!.runUnder });
        servers.push(server);
        return server;
      };
      const syncUrl = `ws://127.0.0.1:${port}/sync`;
      const first = await start();
      const board = await createBoardOverRest(first.url, 'Outage', 'Ana');
      const ana = connectProvider(syncUrl, board.id, board.leadToken);
      clients.push(ana);
      await ana.synced();
      addClaim(ana.doc, { claim: 'Stored before' }, ana.as);
      await ana.allSaved();

      // The tables take nothing more; the pending log still takes Ana's edits (acknowledged),
      // and keeps them as the server stops. This connection stays open across the restart, so
      // that the WAL and its index (-shm) stay too, as a server stopped on a full disk leaves
      // them (its last checkpoint fails).
      const other = await disk.openInside(file);
      await other.run(
        "CREATE TRIGGER refuse BEFORE INSERT ON updates BEGIN SELECT RAISE(ABORT, 'no space'); END",
      );
      for (const n of [1, 2, 3]) addClaim(ana.doc, { claim: `Waiting ${n}` }, ana.as);
      await ana.allSaved();
      ana.destroy();
      await first.kill('SIGTERM');
      servers.splice(0);
      const waiting = readPendingRecords(pendingLog).length;
      expect(waiting).toBeGreaterThan(0);

      // Now the disk fills, the WAL emptied first, so that any write to the tables must grow it.
      await other.run('DROP TRIGGER refuse');
      await other.run('PRAGMA wal_checkpoint(TRUNCATE)', true);
      disk.fill();

      // The restart on the full disk starts, and says what waits.
      const second = await start();
      await other.close();
      expect(WAITING_LINE.exec(second.output())?.[1]).toBe(String(waiting));

      // A client reads every edit; a new one waits, unacknowledged, said so.
      const bea = connectProvider(syncUrl, board.id, board.leadToken);
      clients.push(bea);
      await bea.synced();
      expect(bea.closes).toEqual([]);
      expect(claims(bea)).toEqual(['Stored before', 'Waiting 1', 'Waiting 2', 'Waiting 3']);
      addClaims(
        bea.doc,
        LATE.map((claim) => ({ claim })),
        bea.as,
      );
      await until(() => bea.storageFull.length === 1);
      expect(bea.storageFull).toEqual([true]);
      expect(readPendingRecords(pendingLog).length).toBe(waiting);

      // Space returns: the retries store what waited and Bea's edit, with no restart.
      disk.free();
      await bea.allSaved(20_000);
      expect(bea.storageFull).toEqual([true, false]);
      await until(() => readPendingRecords(pendingLog).length === 0);
      bea.destroy();
      await second.kill('SIGTERM');
      servers.splice(0);

      // A further restart shows every edit, each stored once.
      const third = await start();
      const carol = connectProvider(syncUrl, board.id, board.leadToken);
      clients.push(carol);
      await carol.synced();
      expect(claims(carol)).toEqual(
        ['Stored before', 'Waiting 1', 'Waiting 2', 'Waiting 3', ...LATE].sort(),
      );
      carol.destroy();
      await third.kill('SIGTERM');
      servers.splice(0);
      const db = await disk.openInside(file);
      try {
        expect(
          await db.run(
            `SELECT COUNT(*) AS n FROM (SELECT data FROM updates WHERE board_id = '${board.id}' GROUP BY data HAVING COUNT(*) > 1)`,
            true,
          ),
        ).toEqual([{ n: 0 }]);
        expect(
          await db.run(
            `SELECT COUNT(*) AS n FROM history WHERE board_id = '${board.id}' AND type = 'card.created'`,
            true,
          ),
        ).toEqual([{ n: 6 }]);
      } finally {
        await db.close();
      }
    }, 120_000);
  },
);
