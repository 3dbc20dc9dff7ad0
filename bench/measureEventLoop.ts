/**
 * How long a piece of work holds the event loop, watched by a 1 ms timer: what the server's
 * other boards and connections would wait meanwhile. Used by the export and compaction benches.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { collectGarbage } from './collectGarbage';

export interface LoopMeasure {
  readonly ms: number;
  readonly bytes: number;
  /** Most CPU the main thread used between two ticks of a 1 ms timer, ms (Linux only). */
  readonly maxCpuBurstMs: number | null;
  /** Longest stretch the event loop was busy between two ticks, wall-clock ms. */
  readonly maxBusyMs: number;
  /** Longest a 1 ms timer waited, ms. */
  readonly maxDelayMs: number;
}

/** CPU time of the main thread in ns (its thread id is the process id on Linux). */
function mainThreadCpuNs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/**
 * Runs `work` while a 1 ms interval watches the main thread. Three views of "how long was the
 * event loop held", between two ticks:
 * - CPU burst: the main thread's own CPU time (/proc/self/task/<pid>/schedstat). Work on the
 *   loop, GC included, and nothing else: this is the figure the 100 ms target is about, and it
 *   does not change when other processes load the machine.
 * - busy: the loop's active wall time (performance.eventLoopUtilization); on a loaded machine
 *   it also counts time a callback waited for a CPU.
 * - timer delay: the plain gap between ticks.
 * The probe stops one timer turn after the work, so a block at its very end is still seen.
 */
export async function measureEventLoop(
  work: (count: (chunk: string) => void) => Promise<void>,
): Promise<LoopMeasure> {
  collectGarbage();
  let bytes = 0;
  let lastTick = performance.now();
  let lastElu = performance.eventLoopUtilization();
  let lastCpu = mainThreadCpuNs();
  let maxCpuBurstMs: number | null = lastCpu === null ? null : 0;
  let maxBusyMs = 0;
  let maxDelayMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    const elu = performance.eventLoopUtilization();
    const cpu = mainThreadCpuNs();
    if (cpu !== null && lastCpu !== null && maxCpuBurstMs !== null) {
      maxCpuBurstMs = Math.max(maxCpuBurstMs, (cpu - lastCpu) / 1e6);
    }
    maxBusyMs = Math.max(maxBusyMs, performance.eventLoopUtilization(elu, lastElu).active);
    maxDelayMs = Math.max(maxDelayMs, now - lastTick - 1);
    lastTick = now;
    lastElu = elu;
    lastCpu = cpu;
  }, 1);
  const started = performance.now();
  await work((chunk) => (bytes += Buffer.byteLength(chunk)));
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  return { ms, bytes, maxCpuBurstMs, maxBusyMs, maxDelayMs };
}
