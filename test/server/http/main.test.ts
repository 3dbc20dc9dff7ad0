/**
 * `npm start`'s entry as a child process: prints where it runs, serves, stops on SIGTERM.
 * It refuses a configuration it cannot run with as it refuses any bad value: `Invalid
 * configuration: <VARIABLE>: <reason>`, exit 1, no stack trace, and nothing created in the data
 * directory. Some of these are known when the configuration is read (a data directory that is a
 * file, FACTBOARD_DEMO=yes), others only by trying (a HOST name that does not resolve, an
 * address that is not this machine's, a data directory the system will not let be made).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort, refusedStart } from '../../helpers/serverProcess';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

it('starts from the environment, prints the URL, and exits 0 on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'factboard-main-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', FACTBOARD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Factboard is running at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1] as string);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('a first start stopped as soon as it answers stops cleanly, and keeps its files private', async () => {
  // /healthz answers while the demo board is still being made (seconds): a SIGTERM then is
  // carried out once it is made, not by the default action killing the process mid-start.
  const parent = makeTempDir('factboard-main-');
  const dataDir = join(parent.path, 'data');
  const port = await freePort();
  // The shell's usual umask: what Factboard makes must be private anyway.
  const umask = process.umask(0o022);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FACTBOARD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.umask(umask);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<[number | null, string | null]>((resolve) =>
    child.on('exit', (code, signal) => resolve([code, signal])),
  );
  try {
    for (;;) {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      if (health?.ok) break;
      await new Promise((next) => setTimeout(next, 20));
    }
    child.kill('SIGTERM');
    expect(await exit, output).toEqual([0, null]);
    expect(output).toMatch(/Demo board "[^"]+", open it as its lead: http/);
    expect(readdirSync(dataDir)).not.toContain('factboard.sqlite-pending.lock');
    const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);
    expect(mode(dataDir)).toBe('700');
    for (const name of readdirSync(dataDir))
      expect([name, mode(join(dataDir, name))]).toEqual([name, '600']);
  } finally {
    child.kill('SIGKILL');
    parent.remove();
  }
}, 60_000);

it('refuses an invalid configuration with a message naming the variable', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: 'not-a-port' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(stderr).toContain('PORT');
});

let dir: TempDir;
const UNPRIVILEGED_PORT_START = '/proc/sys/net/ipv4/ip_unprivileged_port_start';
/** Debian's unprivileged user. */
const NOBODY = 65534;

/** What the server printed before exiting 1; fails the test if it started or made anything. */
async function refusal(
  env: Record<string, string>,
  dataDir = join(dir.path, 'data'),
  start: { port?: number; uid?: number } = {},
): Promise<string> {
  const before = readdirSync(dir.path);
  const output = await refusedStart({
    dataDir,
    port: start.port ?? (await freePort()),
    env: { FACTBOARD_DEMO: '0', ...env },
    ...(start.uid !== undefined && { uid: start.uid }),
  });
  expect(output).not.toMatch(/^\s+at /m);
  expect(readdirSync(dir.path)).toEqual(before);
  return output;
}

describe('configuration refused at start', () => {
  beforeEach(() => {
    dir = makeTempDir('factboard-config-');
  });

  afterEach(() => dir.remove());

  it('a HOST name that does not resolve', async () => {
    expect(await refusal({ HOST: 'not-a-host.invalid' })).toBe(
      'Invalid configuration:\n  HOST: not-a-host.invalid is not a known host name (getaddrinfo ENOTFOUND)',
    );
  }, 30_000);

  it('a HOST that is no IPv4 address, and one that is not this machine’s', async () => {
    expect(await refusal({ HOST: '256.1.1.1' })).toBe(
      'Invalid configuration:\n  HOST: 256.1.1.1 is not an IPv4 address',
    );
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address.
    expect(await refusal({ HOST: '192.0.2.1' })).toBe(
      'Invalid configuration:\n  HOST: 192.0.2.1 is not an address of this machine (listen EADDRNOTAVAIL)',
    );
  }, 30_000);

  it('a data directory that is a file, or lies under one', async () => {
    const file = join(dir.path, 'hostname');
    writeFileSync(file, 'not a directory\n');
    expect(await refusal({}, file)).toBe(
      `Invalid configuration:\n  FACTBOARD_DATA_DIR: ${file} is a file, not a directory`,
    );
    expect(await refusal({}, join(file, 'data'))).toBe(
      `Invalid configuration:\n  FACTBOARD_DATA_DIR: ${join(file, 'data')} cannot be created: ${file} is a file, not a directory`,
    );
  }, 30_000);

  it('a data directory that cannot be created', async () => {
    // sysfs lets no one make a directory (EPERM, or EROFS where it is mounted read-only); as
    // root the permission check passes, and mkdir is what refuses.
    const path = `/sys/factboard-config-${process.pid}`;
    expect(await refusal({}, path)).toMatch(
      new RegExp(
        `^Invalid configuration:\\n  FACTBOARD_DATA_DIR: ${path} cannot be created: (permission denied|read-only file system)`,
      ),
    );
    expect(existsSync(path)).toBe(false);
  }, 30_000);

  it('a PORT another program listens on', async () => {
    const taken = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    const { port } = taken.address() as AddressInfo;
    try {
      expect(await refusal({}, undefined, { port })).toBe(
        `Invalid configuration:\n  PORT: ${port} is in use by another program: stop it, or set PORT to another port (listen EADDRINUSE)`,
      );
    } finally {
      await new Promise<void>((closed) => taken.close(() => closed()));
    }
  }, 30_000);

  // Ports below the kernel's ip_unprivileged_port_start need a privilege: as root, the server
  // is started as nobody to meet that refusal, as anyone else it meets it as itself.
  const unprivilegedFrom = existsSync(UNPRIVILEGED_PORT_START)
    ? Number(readFileSync(UNPRIVILEGED_PORT_START, 'utf8'))
    : 0;
  const uid = process.getuid?.() === 0 ? NOBODY : undefined;
  // As nobody, node must still be able to read this checkout (not so under a 0700 home).
  const canRun =
    uid === undefined ||
    spawnSync(process.execPath, ['--import', 'tsx', '-e', '0'], { uid, gid: uid }).status === 0;
  it.skipIf(!(unprivilegedFrom > 80) || !canRun)(
    'a PORT below 1024 for a user without the privilege (skipped where this kernel lets anyone open port 80, or where nobody cannot read this checkout)',
    async () => {
      // Anyone may make the data directory here: the port is refused before it is made.
      chmodSync(dir.path, 0o777);
      expect(await refusal({}, undefined, { port: 80, ...(uid !== undefined && { uid }) })).toBe(
        'Invalid configuration:\n  PORT: 80 may only be opened by a privileged user: set PORT to 1024 or above (listen EACCES)',
      );
    },
    30_000,
  );

  // A file-system error no check foresees, here a lock file root left where the server runs as
  // nobody: one line naming the path and what to do, not a stack trace.
  it.skipIf(uid === undefined || !canRun)(
    'a file another user left in the data directory (skipped unless run as root, or where nobody cannot read this checkout)',
    async () => {
      chmodSync(dir.path, 0o755);
      const data = join(dir.path, 'data');
      mkdirSync(data);
      chownSync(data, NOBODY, NOBODY);
      const lock = join(data, 'factboard.sqlite-pending.lock');
      writeFileSync(lock, '1\n', { mode: 0o600 });
      expect(await refusal({}, data, { uid: NOBODY })).toBe(
        `Factboard cannot start: ${lock}: permission denied (EACCES, open). To fix it, chown it to the user that runs Factboard (uid ${NOBODY}), or run Factboard as its owner.`,
      );
    },
    30_000,
  );

  it('a FACTBOARD_SECRET other than the one that signed the data directory’s invites', async () => {
    const dataDir = join(dir.path, 'data');
    mkdirSync(dataDir);
    const keyFile = join(dataDir, 'secret.key');
    writeFileSync(keyFile, 'ab'.repeat(32));
    expect(await refusal({ FACTBOARD_SECRET: 'another secret, set later' }, dataDir)).toBe(
      `Invalid configuration:\n  FACTBOARD_SECRET: differs from the secret that signed this data directory's invites (${keyFile}). Unset FACTBOARD_SECRET to keep them working; or, to change the secret on purpose, delete ${keyFile}: every invite link of every board, its leads' too, then stops working for good`,
    );
  }, 30_000);

  it.skipIf(!canRun)(
    'data files this user may not read or write (skipped where nobody cannot read this checkout)',
    async () => {
      // Restored as root, run as a service user: the directory is writable, its files are not.
      chmodSync(dir.path, 0o777);
      const dataDir = join(dir.path, 'data');
      mkdirSync(dataDir, { mode: 0o777 });
      chmodSync(dataDir, 0o777);
      for (const name of ['secret.key', 'factboard.sqlite']) {
        writeFileSync(join(dataDir, name), '');
        chmodSync(join(dataDir, name), 0o000);
      }
      const user = uid ?? process.getuid?.();
      expect(await refusal({}, dataDir, uid !== undefined ? { uid } : {})).toBe(
        `Invalid configuration:\n  FACTBOARD_DATA_DIR: ${join(dataDir, 'secret.key')}, ${join(dataDir, 'factboard.sqlite')} cannot be read or written by this user (uid ${user}): permission denied. Give the data directory's files to the user that runs Factboard (chown -R), or run it as their owner`,
      );
    },
    30_000,
  );

  // The immutable flag lets nobody write the file, root included, and chown does not clear it;
  // only root may set it, on a file system that has it (ext4, xfs, btrfs).
  const immutable = (file: string, on: boolean) =>
    spawnSync('chattr', [on ? '+i' : '-i', file]).status === 0;
  it('a data file marked immutable (skipped unless chattr +i works here)', async (context) => {
    const dataDir = join(dir.path, 'data');
    mkdirSync(dataDir);
    const databaseFile = join(dataDir, 'factboard.sqlite');
    writeFileSync(databaseFile, '');
    if (!immutable(databaseFile, true)) context.skip();
    try {
      expect(await refusal({}, dataDir)).toBe(
        `Invalid configuration:\n  FACTBOARD_DATA_DIR: ${databaseFile} is marked immutable (lsattr shows the i flag): nobody may write it, root included. Clear the flag (chattr -i, as root), or restore the data directory from a backup`,
      );
    } finally {
      immutable(databaseFile, false);
    }
  }, 30_000);

  it('FACTBOARD_DEMO other than 0 or 1, before the data directory is made', async () => {
    expect(await refusal({ FACTBOARD_DEMO: 'yes' })).toBe(
      'Invalid configuration:\n  FACTBOARD_DEMO: must be 0 or 1 (got "yes")',
    );
  }, 30_000);
});
