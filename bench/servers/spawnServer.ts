/** Parent side of a server child process: start it, ask for its CPU and memory, stop it. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError, type BenchErrorCode, withTimeout } from '../benchError';
import type {
  ChildMessage,
  ParentMessage,
  Pauses,
  ServerKind,
  ServerStats,
  TargetName,
} from './ipc';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STATS_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 5_000;
/** Lines of the child's output kept to explain a failure. */
const OUTPUT_TAIL = 40;

export interface ServerProcess {
  readonly name: TargetName;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** CPU and memory now; `gc` first collects garbage (for memory; it costs CPU time). */
  stats(options: { gc: boolean }): Promise<ServerStats>;
  /** Its pauses since the last call, or null when it does not trace them (pauseTrace). */
  pauses(): Promise<Pauses | null>;
  close(): Promise<void>;
}

/**
 * Where a server's code comes from: this checkout by default, or another tree (an older
 * commit's, checkoutAt) whose own bench/servers/child.ts starts its `kind`.
 */
export interface SpawnFrom {
  readonly root: string;
  readonly kind: ServerKind;
}

export async function spawnServer(name: TargetName, from?: SpawnFrom): Promise<ServerProcess> {
  const root = from?.root ?? REPO_ROOT;
  const child = fork(join(root, 'bench/servers/child.ts'), [from?.kind ?? name], {
    cwd: root,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_TAIL));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const failure = (what: string) =>
    new BenchError('server_failed', `${name} ${what}\n${output.join('\n')}`);

  const ready = new Promise<string>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message.url);
      if (message.type === 'failed') {
        reject(new BenchError(message.code as BenchErrorCode, message.message));
      }
    });
    void exited.then((code) => reject(failure(`exited with ${code} before it was ready`)));
  });
  let url: string;
  try {
    url = await withTimeout(ready, START_TIMEOUT_MS, `starting ${name}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  let nextId = 0;
  const pending = new Map<number, (answer: unknown) => void>();
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'stats') pending.get(message.id)?.(message.stats);
    if (message.type === 'pauses') pending.get(message.id)?.(message.pauses);
  });
  let alive = true;
  void exited.then(() => (alive = false));
  const post = (message: ParentMessage) => child.send(message);
  /** One question to the child, answered by id. */
  const ask = <T>(message: (id: number) => ParentMessage, what: string): Promise<T> => {
    if (!alive) return Promise.reject(failure('has exited'));
    const id = nextId++;
    const answer = new Promise<T>((resolve) =>
      pending.set(id, resolve as (answer: unknown) => void),
    );
    post(message(id));
    return withTimeout(answer, STATS_TIMEOUT_MS, `${name} ${what}`).finally(() =>
      pending.delete(id),
    );
  };

  return {
    name,
    url,
    stats({ gc }) {
      return ask<ServerStats>((id) => ({ type: 'stats', id, gc }), 'stats');
    },
    pauses() {
      return ask<Pauses | null>((id) => ({ type: 'pauses', id }), 'pauses');
    },
    async close() {
      if (!alive) return;
      post({ type: 'close' });
      try {
        await withTimeout(exited, CLOSE_TIMEOUT_MS, `closing ${name}`);
      } catch {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
