/**
 * Long-lived worker threads for work that must not run on the event loop (claim extraction,
 * board exports, imports and card reads). Starting a thread under tsx and loading its modules
 * takes 1.4–2.7 s, longer than most of the jobs themselves, so a thread, once started, takes
 * job after job: it starts on first use, at most `threads` of them (createSlots); more jobs
 * wait their turn, `maxWaiting` of them at most (one more is refused at once: JobError
 * 'busy'). A thread left idle for `idleMs` ends, so its memory goes back to the system, and the
 * next job starts a fresh one.
 *
 * A job is a conversation with its thread (PoolThread: post, and read its replies in order).
 * The thread goes back to the pool only when the job resolves with nothing of it left unread.
 * Otherwise nobody knows where the conversation stands, so the thread is stopped: when the job
 * rejects (its caller returns the thread's refusals as values, so that an answer keeps the
 * thread), when it runs past `timeoutMs` (from when its thread has it; JobError 'timeout') and
 * when its `signal` aborts (its HTTP client went away: nobody is left to read its answer). A
 * job waiting for a thread whose signal aborts just leaves the queue. A thread that throws or
 * exits fails its job (JobError 'failed'); either way the next job gets a fresh thread. Closing
 * the pool (the server shutting down) fails the jobs running, starting and waiting, and refuses
 * new ones, with JobError 'shutting_down': they did not fail, the server went away.
 *
 * Every pool fails its jobs the same way, typed by the job's kind (JobError), so that each
 * route answers them with the same statuses and codes.
 *
 * The entry posts `{ type: 'ready' }` once it can take jobs (after warming up, so that no job's
 * time limit pays for the thread's start), then answers each job's messages.
 */
import type { Transferable, Worker } from 'node:worker_threads';
import { abortable } from './abortable';
import { JobError, type JobKind } from './JobError';
import { startWorker } from './startWorker';
import { createSlots, type Slots, SlotsFullError } from './workerSlots';

/** A job's side of its thread. */
export interface PoolThread<In, Out> {
  post(message: In, transfer?: readonly Transferable[]): void;
  /** The thread's next message, in order; rejects with WorkerEndedError once it has ended. */
  next(): Promise<Out>;
}

export interface WorkerPool<In, Out> {
  /**
   * Runs `job` on a thread once one is free. Rejects with what the job throws, with a JobError
   * of `kind` when the queue is full ('busy'), past the time limit ('timeout'), or when the
   * thread fails ('failed'), when the pool is closed ('shutting_down'), and with the signal's
   * reason when `signal` aborts first.
   */
  run<T>(
    kind: JobKind,
    job: (thread: PoolThread<In, Out>) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T>;
  /** Jobs running and waiting, for tests and health. */
  stats: Slots['stats'];
  /** Threads alive now, idle among them, and started since the pool was made. */
  threads(): { live: number; idle: number; started: number };
  /** Stops every thread; jobs still running or waiting fail (JobError 'shutting_down'). */
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  /** The worker entry (`new URL('./file.ts', import.meta.url)`). */
  readonly entry: URL;
  /** Threads at most, so jobs at once. */
  readonly threads: number;
  /** Jobs that may wait for a thread; the next one is refused. None: no bound. */
  readonly maxWaiting?: number;
  /** Longest a job may hold its thread. None: no limit. */
  readonly timeoutMs?: number;
  /** An idle thread ends after this long. None: it lives as long as the process. */
  readonly idleMs?: number;
}

/** The thread failed, exited or was stopped before the job had its answer. */
class WorkerEndedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkerEndedError';
  }
}

/** The pool was closed under the job, or before it: the server is shutting down. */
class PoolClosedError extends WorkerEndedError {
  constructor() {
    super('the worker pool is closed');
    this.name = 'PoolClosedError';
  }
}

/**
 * When a job refused for a full queue is worth trying again: one job leaving frees a place, and
 * a warm thread does a real job (a 1 MB article, a 10,000-card board) in 1–2 s. Pathological
 * input can hold a thread to the time limit, so this is a guess, not a promise.
 */
const BUSY_RETRY_SECONDS = 5;

/** The pool's own failures as the JobError of the job's kind; anything else as it is. */
function asJobError(err: unknown, kind: JobKind): unknown {
  if (err instanceof SlotsFullError) {
    return new JobError(kind, 'busy', { retryAfterSeconds: BUSY_RETRY_SECONDS });
  }
  if (err instanceof PoolClosedError) return new JobError(kind, 'shutting_down', { cause: err });
  if (err instanceof WorkerEndedError) return new JobError(kind, 'failed', { cause: err });
  return err;
}

interface Thread<In, Out> extends PoolThread<In, Out> {
  /** Resolves on the thread's 'ready'; rejects if it ends first. */
  readonly ready: Promise<void>;
  /** Whether it has ended or been told to stop: it takes no more jobs. */
  ended(): boolean;
  /** Messages received and not read, left over from a job. */
  unread(): number;
  /** Whether a job holds it (its handle then keeps the process alive). */
  hold(held: boolean): void;
  stop(why: WorkerEndedError): Promise<void>;
  idleTimer?: NodeJS.Timeout;
}

function startThread<In, Out>(entry: URL, onEnd: () => void): Thread<In, Out> {
  const worker: Worker = startWorker(entry, {});
  worker.unref();
  let ended: WorkerEndedError | null = null;
  const inbox: Out[] = [];
  let waiting: { resolve(message: Out): void; reject(error: Error): void } | null = null;
  const end = (why: WorkerEndedError) => {
    if (ended) return;
    ended = why;
    onEnd();
    waiting?.reject(why);
    waiting = null;
  };
  worker.on('message', (message: Out) => {
    if (!waiting) return void inbox.push(message);
    const { resolve } = waiting;
    waiting = null;
    resolve(message);
  });
  worker.on('error', (cause) => end(new WorkerEndedError('the worker thread failed', { cause })));
  worker.on('exit', (code) => end(new WorkerEndedError(`the worker thread exited (${code})`)));
  const next = () => {
    if (inbox.length > 0) return Promise.resolve(inbox.shift() as Out);
    if (ended) return Promise.reject(ended);
    return new Promise<Out>((resolve, reject) => (waiting = { resolve, reject }));
  };
  const ready = next().then((message) => {
    if ((message as { type?: unknown }).type !== 'ready') {
      throw new WorkerEndedError('the worker thread spoke before it was ready');
    }
  });
  // Nobody may be waiting for it yet (a thread started and given back idle).
  ready.catch(() => {});
  return {
    ready,
    post: (message, transfer) => worker.postMessage(message, transfer),
    next,
    ended: () => ended !== null,
    unread: () => inbox.length,
    hold: (held) => (held ? worker.ref() : worker.unref()),
    async stop(why) {
      // Ended at once, so the pool never hands it another job.
      end(why);
      await worker.terminate();
    },
  };
}

export function createWorkerPool<In, Out>(options: WorkerPoolOptions): WorkerPool<In, Out> {
  const slots = createSlots(options.threads, options.maxWaiting);
  const idle: Thread<In, Out>[] = [];
  const live = new Set<Thread<In, Out>>();
  let started = 0;
  let closed = false;

  const forget = (thread: Thread<In, Out>) => {
    live.delete(thread);
    clearTimeout(thread.idleTimer);
    const at = idle.indexOf(thread);
    if (at >= 0) idle.splice(at, 1);
  };
  const take = (): Thread<In, Out> => {
    // The most recently used first: the others stay idle long enough to end.
    const thread = idle.pop();
    if (thread) {
      clearTimeout(thread.idleTimer);
      return thread;
    }
    started++;
    const fresh: Thread<In, Out> = startThread(options.entry, () => forget(fresh));
    live.add(fresh);
    return fresh;
  };
  const giveBack = (thread: Thread<In, Out>) => {
    thread.hold(false);
    if (thread.ended()) return;
    idle.push(thread);
    if (options.idleMs === undefined) return;
    thread.idleTimer = setTimeout(
      () => void thread.stop(new WorkerEndedError('the worker thread was idle')),
      options.idleMs,
    );
    thread.idleTimer.unref();
  };

  return {
    run(kind, job, signal) {
      const running = slots.run(async () => {
        if (closed) throw new PoolClosedError();
        const thread = take();
        thread.hold(true);
        try {
          // A thread still starting is left to start: the next job will want it.
          await abortable(thread.ready, signal);
        } catch (err) {
          giveBack(thread);
          throw err;
        }
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<never>((_, reject) => {
          const { timeoutMs } = options;
          if (timeoutMs !== undefined) {
            timer = setTimeout(
              () => reject(new JobError(kind, 'timeout', { timeoutMs })),
              timeoutMs,
            );
          }
        });
        try {
          const result = await abortable(Promise.race([job(thread), timedOut]), signal);
          if (thread.unread() > 0) {
            void thread.stop(new WorkerEndedError('the job left replies unread'));
          }
          giveBack(thread);
          return result;
        } catch (err) {
          void thread.stop(new WorkerEndedError('the job was stopped', { cause: err }));
          throw err;
        } finally {
          clearTimeout(timer);
        }
      }, signal);
      return running.catch((err: unknown) => {
        throw asJobError(err, kind);
      });
    },
    stats: slots.stats,
    threads: () => ({ live: live.size, idle: idle.length, started }),
    async close() {
      closed = true;
      const why = new PoolClosedError();
      await Promise.all([...live].map((thread) => thread.stop(why)));
    },
  };
}
