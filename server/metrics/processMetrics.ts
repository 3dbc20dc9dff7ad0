/**
 * The process's own figures for /metrics: uptime, memory, and how late the event loop ran.
 * Every board, socket and request shares the one event loop, so its delay is the first thing
 * to look at when edits feel slow.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MetricFamily } from './prometheusText';

/** The monitor's sampling timer: 20 ms is 50 wake-ups a second, nothing on two cores. */
const RESOLUTION_MS = 20;
const NS_PER_S = 1e9;

export interface ProcessMetrics {
  /**
   * The families, with the event loop's delay since the previous call: the histogram starts
   * afresh at each scrape, so the figure says how the loop did over the scrape interval.
   */
  collect(): MetricFamily[];
  stop(): void;
}

export function watchProcess(): ProcessMetrics {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  return {
    collect() {
      // The monitor records each whole interval between its timer's runs, resolution
      // included (an idle loop reads 20 ms): the delay is what exceeds it. An empty histogram
      // (two scrapes within one interval) reports 0, not its placeholder extremes.
      const late = (ns: number) =>
        delay.count > 0 ? Math.max(0, ns - RESOLUTION_MS * 1e6) / NS_PER_S : 0;
      const p99 = late(delay.percentile(99));
      const max = late(delay.max);
      delay.reset();
      const memory = process.memoryUsage();
      return [
        {
          name: 'factboard_uptime_seconds',
          help: 'Seconds since the server process started.',
          type: 'gauge',
          samples: [{ value: process.uptime() }],
        },
        {
          name: 'factboard_event_loop_delay_p99_seconds',
          help: `99th percentile of the event loop's delay since the previous scrape (sampled every ${RESOLUTION_MS} ms).`,
          type: 'gauge',
          samples: [{ value: p99 }],
        },
        {
          name: 'factboard_event_loop_delay_max_seconds',
          help: 'Longest event loop delay since the previous scrape.',
          type: 'gauge',
          samples: [{ value: max }],
        },
        {
          name: 'factboard_heap_used_bytes',
          help: 'V8 heap in use.',
          type: 'gauge',
          samples: [{ value: memory.heapUsed }],
        },
        {
          name: 'factboard_resident_memory_bytes',
          help: 'Resident set size of the process.',
          type: 'gauge',
          samples: [{ value: memory.rss }],
        },
      ];
    },
    stop() {
      delay.disable();
    },
  };
}
