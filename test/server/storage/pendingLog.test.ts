/**
 * The SQLite storage's pending log (server/storage/pendingLog.ts): a batch is durable once
 * appendBatch returns, before it reaches the tables. A child process appends and is killed with
 * SIGKILL before anything moves into the tables (once for the file: each test starts from a copy
 * of what it left); the next open must store every batch, once.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createSqliteStorage, type Recovery } from '../../../server/storage/createSqliteStorage';
import { MIGRATIONS } from '../../../server/storage/sqliteSchema';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const SCRIPT = fileURLToPath(new URL('../../fixtures/scripts/appendThenCrash.ts', import.meta.url));
const HOLD = fileURLToPath(new URL('../../fixtures/scripts/holdStorage.ts', import.meta.url));
const COUNT = 40;

let crashed: TempDir;
/** The last sequence number the child was given. */
let crashedLastSeq: number;
let dir: TempDir;
let file: string;
let pendingFile: string;

/** Runs the child in `into`; resolves with what it printed once it is dead. */
function runChild(into: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, into, String(COUNT)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`the child ended with ${code ?? signal}:\n${err}`));
    });
  });
}

/** Puts what the child left (the store and its pending log) in this test's directory. */
function appendThenCrash(): number {
  for (const name of readdirSync(crashed.path)) {
    copyFileSync(join(crashed.path, name), join(dir.path, name));
  }
  return crashedLastSeq;
}

beforeAll(async () => {
  crashed = makeTempDir('factboard-crashed-');
  const out = await runChild(crashed.path);
  crashedLastSeq = (JSON.parse(out) as { lastSeq: number }).lastSeq;
}, 60_000);
afterAll(() => crashed.remove());

/** What the store at `file` holds of the child's batches. */
async function stored() {
  const storage = createSqliteStorage(file);
  try {
    const content = await storage.loadContent('b');
    const history = await storage.listHistory('b', { after: 0, limit: 1000 });
    return {
      firsts: content.updates.map((u) => u[0]),
      lastSeq: content.lastSeq,
      historyCards: history.events.map((e) => e.cardId),
      history: history.events,
      bindings: await storage.listClientBindings('b'),
      keys: storage.idempotency.list(0),
    };
  } finally {
    await storage.close();
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

beforeEach(() => {
  dir = makeTempDir('factboard-pending-');
  file = join(dir.path, 'crash.sqlite');
  pendingFile = `${file}-pending`;
});
afterEach(() => dir.remove());

describe('pending log', () => {
  it('stores on the next open every batch appended before a SIGKILL, in order', async () => {
    const lastSeq = appendThenCrash();
    // Nothing had moved into the tables: the batches were only in the log.
    expect(statSync(pendingFile).size).toBeGreaterThan(COUNT * 20);

    const after = await stored();
    expect(after.firsts).toEqual(range(COUNT));
    expect(after.lastSeq).toBe(lastSeq);
    expect(after.historyCards).toEqual(range(COUNT).map((i) => `c${i}`));
    expect(after.history[3]).toMatchObject({
      type: 'card.edited',
      actor: { id: 'inv-a', name: 'Ada' },
      at: 1_003,
      data: { fields: ['claim'], text: 'edit 3 "quoted" ✓' },
    });
    expect(after.bindings).toEqual([{ clientId: 7, inviteId: 'inv-a' }]);
    // The key went with its change: a repeat after the restart is answered, not made again.
    expect(after.keys).toEqual([
      {
        boardId: 'b',
        key: 'inv-a\nk-1',
        digest: 'd-1',
        status: 0,
        body: { n: 1 },
        createdAt: 1_001,
      },
    ]);
    expect(statSync(pendingFile).size).toBe(0);
  });

  it('keeps the answer saved after a change’s key: the batch moved into the tables later does not put the held entry back', async () => {
    const storage = createSqliteStorage(file, { flushAfterMs: 3_600_000 });
    try {
      await storage.createBoard({ id: 'b', title: 'B', createdAt: 1 });
      const keys = [{ key: 'm\nk', digest: 'd', result: '{"n":1}', createdAt: 5 }];
      await storage.appendBatch('b', {
        updates: [new Uint8Array([1])],
        bindings: [],
        history: [],
        keys,
        at: 5,
      });
      const answer = {
        boardId: 'b',
        key: 'm\nk',
        digest: 'd',
        status: 201,
        body: { ok: 1 },
        createdAt: 5,
      };
      await storage.idempotency.save(answer);
      // Removed, the key's held entry does not come back with its batch either.
      await storage.appendBatch('b', {
        updates: [new Uint8Array([2])],
        bindings: [],
        history: [],
        keys: [{ ...keys[0]!, key: 'm\ngone' }],
        at: 6,
      });
      await storage.idempotency.remove('b', 'm\ngone');
      await storage.close();
      const reopened = createSqliteStorage(file);
      try {
        expect(reopened.idempotency.list(0)).toEqual([answer]);
      } finally {
        await reopened.close();
      }
    } finally {
      await storage.close();
    }
  });

  it('tells what it recovered: the lock the dead process left, and its batches (once)', async () => {
    appendThenCrash();
    const deadPid = Number(readFileSync(`${pendingFile}.lock`, 'utf8'));
    const recoveries: Recovery[] = [];
    const open = async () => {
      const storage = createSqliteStorage(file, { onRecovered: (r) => recoveries.push(r) });
      await storage.close();
    };
    await open();
    expect(recoveries).toEqual([
      {
        lockTakenOverFrom: deadPid,
        batches: COUNT,
        updates: COUNT,
        waitingBatches: 0,
        waitingUpdates: 0,
      },
    ]);
    // A clean close leaves neither a lock nor a batch: nothing to tell.
    await open();
    expect(recoveries).toHaveLength(1);
  });

  it('does not store a batch twice when the log is found again after it was stored', async () => {
    appendThenCrash();
    const copy = join(dir.path, 'copy');
    copyFileSync(pendingFile, copy);
    const first = await stored();
    // As if the process had died after moving the batches into the tables, before emptying
    // the log.
    copyFileSync(copy, pendingFile);
    const second = await stored();
    expect(second.firsts).toEqual(first.firsts);
    expect(second.historyCards).toEqual(first.historyCards);
  });

  it('numbers new updates after the recovered ones, across another reopen', async () => {
    const lastSeq = appendThenCrash();
    const storage = createSqliteStorage(file);
    const seq = await storage.appendBatch('b', {
      updates: [new Uint8Array([99])],
      bindings: [],
      history: [],
      at: 5_000,
    });
    expect(seq).toBe(lastSeq + 1);
    await storage.close();
    const after = await stored();
    expect(after.firsts).toEqual([...range(COUNT), 99]);
    expect(after.lastSeq).toBe(seq);
  });

  it('stores a batch of a MiB or more straight into the tables, after the pending ones', async () => {
    const storage = createSqliteStorage(file);
    await storage.createBoard({ id: 'b', title: 'B', createdAt: 1 });
    const append = (first: number, bytes: number) =>
      storage.appendBatch('b', {
        updates: [new Uint8Array(bytes).fill(first)],
        bindings: [],
        history: [],
        at: 1,
      });
    await append(1, 10);
    const pendingBefore = statSync(pendingFile).size;
    expect(pendingBefore).toBeGreaterThan(10); // the small one waits in the log
    const bigSeq = await append(2, 1024 * 1024);
    // Not written to the log (which the flush before it emptied): already in the tables.
    expect(statSync(pendingFile).size).toBe(0);
    const reader = new Database(file, { readonly: true });
    const rows = reader.prepare('SELECT seq, length(data) AS n FROM updates ORDER BY seq').all();
    reader.close();
    expect(rows).toEqual([
      { seq: bigSeq - 1, n: 10 },
      { seq: bigSeq, n: 1024 * 1024 },
    ]);
    expect(await append(3, 10)).toBe(bigSeq + 1);
    await storage.close();
    expect((await stored()).firsts).toEqual([1, 2, 3]);
  });

  it('keeps the records before one cut short by a crash, and ignores what follows', async () => {
    appendThenCrash();
    const log = readFileSync(pendingFile);
    const cut = Buffer.concat([log.subarray(0, log.byteLength - 5), Buffer.from('\xff\x00junk')]);
    writeFileSync(pendingFile, cut);
    expect((await stored()).firsts).toEqual(range(COUNT - 1));
  });

  it('stops at a record whose bytes changed: nothing after it is taken for a record', async () => {
    appendThenCrash();
    const log = readFileSync(pendingFile);
    // Each record starts with its body's length (u32) and checksum (u32); 28 bytes into the body
    // is the first byte of its update.
    let offset = 0;
    for (let i = 0; i < 10; i++) offset += 8 + log.readUInt32LE(offset);
    log[offset + 8 + 28] = (log[offset + 8 + 28] as number) ^ 0xff;
    writeFileSync(pendingFile, log);
    expect((await stored()).firsts).toEqual(range(10));
  });

  /** Runs `during` while another process holds the storage at `file`, then kills it. */
  async function whileHeldElsewhere(during: (holderPid: number) => void): Promise<void> {
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLD, dir.path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('open')) resolve();
        });
        holder.once('exit', () => reject(new Error('the holder exited early')));
      });
      during(holder.pid as number);
    } finally {
      holder.kill('SIGKILL');
      await exited;
    }
  }

  it('refuses a second process while the first runs, and takes over after it died', async () => {
    await whileHeldElsewhere((holderPid) => {
      expect(() => createSqliteStorage(file)).toThrow(
        expect.objectContaining({
          code: 'in_use',
          message: expect.stringContaining(`${holderPid}`),
        }),
      );
    });
    const storage = createSqliteStorage(file);
    expect(await storage.getBoard('none')).toBeNull();
    await storage.close();
  });

  it('refuses a second process whose owner’s pid means nothing here, as from another container on the same volume', async () => {
    // Each container numbers its processes afresh: the owner's pid, in the lock file, is often
    // this process's own number (both the first process of their container) or one not running
    // here. Either was taken for a lock a crash left, and the running owner's log taken over.
    const notRunning = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => notRunning.once('exit', resolve));
    await whileHeldElsewhere(() => {
      for (const pid of [process.pid, notRunning.pid as number]) {
        writeFileSync(`${pendingFile}.lock`, String(pid));
        expect(() => createSqliteStorage(file)).toThrow(
          expect.objectContaining({ code: 'in_use' }),
        );
      }
    });
  });

  it('refuses to start beside a running server of a version before the guard, which locks by its pid alone', async () => {
    // A deploy that starts the new version before the old one has stopped: the old server holds
    // no guard, only its pid in the lock file (written without a newline). Taken for a crash's
    // leftover, its log was taken over and the two numbered their records alike: the boards one
    // of them wrote were stored empty.
    const older = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    const exited = new Promise((resolve) => older.once('exit', resolve));
    try {
      writeFileSync(`${pendingFile}.lock`, String(older.pid), { flag: 'wx' });
      expect(() => createSqliteStorage(file)).toThrow(
        expect.objectContaining({
          code: 'in_use',
          message: expect.stringContaining(`older version of Factboard (pid ${older.pid})`),
        }),
      );
    } finally {
      older.kill('SIGKILL');
      await exited;
    }
    // Once it has stopped (here, died), its lock is taken over; the lock written now still
    // gives an older version the pid it reads (Number of the file), so it refuses in turn.
    const recoveries: Recovery[] = [];
    const storage = createSqliteStorage(file, { onRecovered: (r) => recoveries.push(r) });
    try {
      expect(recoveries).toMatchObject([{ lockTakenOverFrom: older.pid }]);
      expect(Number(readFileSync(`${pendingFile}.lock`, 'utf8'))).toBe(process.pid);
    } finally {
      await storage.close();
    }
  });

  it('refuses a second storage on the same file in one process until the first is closed', async () => {
    const first = createSqliteStorage(file);
    expect(() => createSqliteStorage(file)).toThrow(expect.objectContaining({ code: 'in_use' }));
    await first.close();
    const second = createSqliteStorage(file);
    await second.close();
  });

  it('closes and opens again when someone removed the lock file meanwhile', async () => {
    const first = createSqliteStorage(file);
    // An operator cleaning up the data directory, say: the close must still let go of the lock.
    rmSync(`${pendingFile}.lock`);
    await first.close();
    const second = createSqliteStorage(file);
    await second.close();
  });

  it('upgrades a file written before the pending log: numbering continues after its updates', async () => {
    // The layout before the pending log (user_version 2), with rows numbered by AUTOINCREMENT,
    // the newest of them since deleted (the sequence remembers it).
    const old = new Database(file);
    MIGRATIONS.slice(0, 2).forEach((sql) => old.exec(sql));
    old.pragma('user_version = 2');
    old.prepare("INSERT INTO boards (id, title, created_at) VALUES ('b', 'B', 1)").run();
    const insert = old.prepare("INSERT INTO updates (board_id, data, at) VALUES ('b', ?, 1)");
    for (let i = 0; i < 5; i++) insert.run(Buffer.from([i]));
    old.prepare('DELETE FROM updates WHERE seq = 5').run();
    old.close();

    const storage = createSqliteStorage(file);
    const seq = await storage.appendBatch('b', {
      updates: [new Uint8Array([9])],
      bindings: [],
      history: [],
      at: 2,
    });
    expect(seq).toBe(6);
    await storage.close();
    expect((await stored()).firsts).toEqual([0, 1, 2, 3, 9]);
  });
});
