/**
 * What kept a server child from answering, for the latency notes (`BENCH_PAUSES=1 npm run bench
 * -- sync`): its garbage collections, and every moment its event loop ran late (a timer due
 * every LATE_TICK_MS that fired LATE_MS or more after it was due: the process was busy, or
 * waited for a core). Off by default: the timer wakes each server 500 times a second.
 * Times are epoch milliseconds (performance.timeOrigin + now), to match the parent's clock.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { Pauses } from './ipc';

const LATE_TICK_MS = 2;
const LATE_MS = 2;

export interface PauseTrace {
  /** What was recorded since the last take. */
  take(): Pauses;
}

export function startPauseTrace(): PauseTrace {
  let pauses: { gc: [number, number][]; late: [number, number][] } = { gc: [], late: [] };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      pauses.gc.push([performance.timeOrigin + e.startTime, e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - LATE_TICK_MS;
    if (late >= LATE_MS) pauses.late.push([performance.timeOrigin + last + LATE_TICK_MS, late]);
    last = now;
  }, LATE_TICK_MS).unref();
  return {
    take() {
      const taken = pauses;
      pauses = { gc: [], late: [] };
      return taken;
    },
  };
}
