/**
 * A real full disk: a small tmpfs mounted in a mount namespace that a `sleep` holds (nothing else
 * on the machine sees it, and it goes when the holder is killed). Servers run in it as child
 * processes (`runUnder`); this process reaches its files through the holder's /proc/<pid>/root,
 * except SQLite, which resolves that link to the path outside: it opens the database through a
 * node process in the namespace (openInside). Needs root (CAP_SYS_ADMIN).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Whether this process may make a mount namespace (root, and unshare allowed). */
export const canMount =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['-m', '--propagation', 'private', 'true']).status === 0;

export interface SmallDisk {
  /** The tmpfs, as this process reaches it (plain file access only, not SQLite). */
  readonly path: string;
  /** The tmpfs, as processes in the namespace reach it. */
  readonly inside: string;
  /** For startServerProcess: runs the server in the namespace. */
  readonly runUnder: readonly [string, ...string[]];
  /** Opens the SQLite file at `file` (a path inside) from a process in the namespace. */
  openInside(file: string): Promise<InsideDatabase>;
  /** Writes a file until the device is full. */
  fill(): void;
  /** Removes what fill wrote. */
  free(): void;
  /** Ends the holder, and the mount with it. */
  stop(): Promise<void>;
}

export async function mountSmallDisk(size: string, mountPoint: string): Promise<SmallDisk> {
  mkdirSync(mountPoint, { recursive: true });
  const holder: ChildProcess = spawn(
    'unshare',
    [
      '-m',
      '--propagation',
      'private',
      'sh',
      '-c',
      'mount -t tmpfs -o size="$1" tmpfs "$0" && echo mounted && exec sleep 3600',
      mountPoint,
      size,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    holder.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('mounted')) resolve();
    });
    holder.once('exit', (code) => reject(new Error(`the tmpfs was not mounted (exit ${code})`)));
  });
  const path = `/proc/${holder.pid}/root${mountPoint}`;
  const filler = join(path, 'filler');
  // In this process's directory, where node finds tsx and better-sqlite3.
  const runUnder = [
    'nsenter',
    '-t',
    String(holder.pid),
    '-m',
    `--wd=${process.cwd()}`,
    '--',
  ] as const;
  return {
    path,
    inside: mountPoint,
    runUnder,
    openInside: (file) => openInside(runUnder, file),
    fill() {
      const fd = openSync(filler, 'a');
      const page = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, page);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    async stop() {
      holder.kill('SIGKILL');
      await exited;
    },
  };
}

/** A connection held open by a process in the namespace; statements run there, one at a time. */
export interface InsideDatabase {
  /** Runs the SQL (db.exec), or with `rows`, returns its rows (db.prepare(sql).all()). */
  run(sql: string, rows?: boolean): Promise<unknown[]>;
  close(): Promise<void>;
}

/** Reads lines of SQL as JSON, answers each with a line of JSON. */
const INSIDE_SCRIPT = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const { sql, rows } = JSON.parse(line);
  try {
    const result = rows ? db.prepare(sql).all() : (db.exec(sql), []);
    process.stdout.write(JSON.stringify({ result }) + '\\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error) }) + '\\n');
  }
}).on('close', () => db.close());
`;

async function openInside(runUnder: readonly string[], file: string): Promise<InsideDatabase> {
  const [command, ...args] = [...runUnder, process.execPath, '-e', INSIDE_SCRIPT, file];
  const child = spawn(command as string, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const run = async (sql: string, rows = false) => {
    child.stdin.write(`${JSON.stringify({ sql, rows })}\n`);
    const answer = await answers.next();
    if (answer.done) throw new Error(`the database process ended before answering ${sql}`);
    const { result, error } = JSON.parse(answer.value) as { result?: unknown[]; error?: string };
    if (error !== undefined) throw new Error(`${sql}: ${error}`);
    return result ?? [];
  };
  // Opened once the first statement is answered.
  await run('SELECT 1', true);
  return {
    run,
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}
