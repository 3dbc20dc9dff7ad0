/**
 * The worker pool (server/workers/createWorkerPool) on real threads: a thread takes job after
 * job; it is stopped, and the next job gets a fresh one, when a job rejects, runs past the time
 * limit or leaves replies unread; an idle thread ends after `idleMs`. (Queueing, its bound,
 * cancellation and failing threads: createExtractionPool.test.ts and renderInWorker.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWorkerPool,
  type PoolThread,
  type WorkerPool,
  type WorkerPoolOptions,
} from '../../../server/workers/createWorkerPool';
import { waitFor } from '../../helpers/waitFor';
import type { FromEcho, ToEcho } from './fixtures/echoWorker';

const ENTRY = new URL('./fixtures/echoWorker.ts', import.meta.url);

let pool: WorkerPool<ToEcho, FromEcho> | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

function echoPool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<ToEcho, FromEcho> {
  pool = createWorkerPool<ToEcho, FromEcho>({ entry: ENTRY, threads: 1, ...options });
  return pool;
}

/** The id of the thread that ran the job. */
const echo = async (thread: PoolThread<ToEcho, FromEcho>) => {
  thread.post({ type: 'echo' });
  return (await thread.next()).threadId;
};

describe('createWorkerPool', { timeout: 60_000 }, () => {
  it('runs job after job on the thread it started first', async () => {
    const echoes = echoPool();
    const first = await echoes.run('export', echo);
    expect(await echoes.run('export', echo)).toBe(first);
    expect(await echoes.run('export', echo)).toBe(first);
    expect(echoes.threads()).toEqual({ live: 1, idle: 1, started: 1 });
  });

  it('stops the thread of a job that rejects; the next job gets a fresh one', async () => {
    const echoes = echoPool();
    const first = await echoes.run('export', echo);
    const failed = echoes.run('export', async (thread) => {
      await echo(thread);
      throw new Error('the caller could not use the answer');
    });
    await expect(failed).rejects.toThrow('could not use');
    expect(echoes.threads()).toMatchObject({ live: 0, idle: 0 });
    expect(await echoes.run('export', echo)).not.toBe(first);
    expect(echoes.threads()).toEqual({ live: 1, idle: 1, started: 2 });
  });

  it('stops a job past the time limit with its thread, and frees its slot', async () => {
    const echoes = echoPool({ timeoutMs: 300 });
    const first = await echoes.run('export', echo);
    const silent = echoes.run('export', async (thread) => {
      thread.post({ type: 'silent' });
      return thread.next();
    });
    await expect(silent).rejects.toMatchObject({ name: 'JobError', code: 'timeout' });
    expect(echoes.stats()).toEqual({ running: 0, waiting: 0 });
    expect(await echoes.run('export', echo)).not.toBe(first);
  });

  it('stops a thread whose job left a reply unread: it would answer the next job', async () => {
    const echoes = echoPool();
    const first = await echoes.run('export', async (thread) => {
      thread.post({ type: 'twice' });
      const { threadId } = await thread.next();
      // The second answer arrives before the job ends.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return threadId;
    });
    expect(await echoes.run('export', echo)).not.toBe(first);
  });

  it('ends a thread idle for idleMs; the next job starts a fresh one', async () => {
    const echoes = echoPool({ idleMs: 200 });
    const first = await echoes.run('export', echo);
    // A thread in use does not end, however long it runs.
    expect(
      await echoes.run('export', async (thread) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return echo(thread);
      }),
    ).toBe(first);
    await waitFor(() => echoes.threads().live === 0, { what: 'the idle thread ending' });
    expect(await echoes.run('export', echo)).not.toBe(first);
    expect(echoes.threads()).toEqual({ live: 1, idle: 1, started: 2 });
  });

  it('fails the jobs running and waiting when it closes, and refuses new ones: shutting_down', async () => {
    const echoes = echoPool();
    await echoes.run('export', echo);
    const silent = (thread: PoolThread<ToEcho, FromEcho>) => {
      thread.post({ type: 'silent' });
      return thread.next();
    };
    const running = echoes.run('export', silent);
    const waiting = echoes.run('restore', silent);
    await waitFor(() => echoes.stats().waiting === 1, { what: 'a job waiting' });
    const failed = [
      expect(running).rejects.toMatchObject({ kind: 'export', code: 'shutting_down' }),
      expect(waiting).rejects.toMatchObject({ kind: 'restore', code: 'shutting_down' }),
    ];
    await echoes.close();
    await Promise.all(failed);
    await expect(echoes.run('import', echo)).rejects.toMatchObject({
      name: 'JobError',
      kind: 'import',
      code: 'shutting_down',
    });
  });
});
