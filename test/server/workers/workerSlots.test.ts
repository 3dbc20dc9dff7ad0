import { describe, expect, it } from 'vitest';
import { createSlots, SlotsFullError } from '../../../server/workers/workerSlots';

/** A job that runs until released, recording when it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    work: async () => {
      started.push(name);
      await done;
      return name;
    },
    open: () => open(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('worker slots (at most N exports or imports at once)', () => {
  it('runs at most the limit at once, then the waiting jobs in arrival order', async () => {
    const slots = createSlots(2);
    const started: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const results = jobs.map((job) => slots.run(job.work));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(slots.stats()).toEqual({ running: 2, waiting: 2 });
    jobs[1]?.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    jobs[0]?.open();
    jobs[2]?.open();
    jobs[3]?.open();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a job fails', async () => {
    const slots = createSlots(1);
    await expect(slots.run(async () => Promise.reject(new Error('worker died')))).rejects.toThrow(
      'worker died',
    );
    expect(await slots.run(async () => 'next')).toBe('next');
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a job at once when maxWaiting jobs already wait', async () => {
    const slots = createSlots(1, 1);
    const started: string[] = [];
    const jobs = ['a', 'b'].map((name) => gate(started, name));
    const results = jobs.map((job) => slots.run(job.work));
    await expect(slots.run(async () => 'c')).rejects.toBeInstanceOf(SlotsFullError);
    expect(slots.stats()).toEqual({ running: 1, waiting: 1 });
    for (const job of jobs) job.open();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
    expect(await slots.run(async () => 'c')).toBe('c');
  });

  it('a waiting job whose signal aborts leaves the queue; the one behind it takes its turn', async () => {
    const slots = createSlots(1);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(started, name));
    const gone = new AbortController();
    const first = slots.run(a!.work);
    const left = slots.run(b!.work, gone.signal).catch((err: unknown) => err);
    const third = slots.run(c!.work);
    gone.abort();
    expect(await left).toMatchObject({ name: 'AbortError' });
    expect(slots.stats()).toEqual({ running: 1, waiting: 1 });
    a!.open();
    c!.open();
    expect(await Promise.all([first, third])).toEqual(['a', 'c']);
    expect(started).toEqual(['a', 'c']);
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
    // An already aborted signal never takes a slot.
    await expect(slots.run(async () => 'd', gone.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
