/**
 * The table of the benches that compare two ways of doing one job by how long each holds the
 * event loop (compaction, restore): a row per way, medians of alternating rounds, the CPU burst
 * as a ratio to the baseline's.
 */
import type { LoopMeasure } from './measureEventLoop';
import { median } from './stats';
import { formatNumber, formatRatio } from './table';

export const LOOP_COLUMNS = [
  'how',
  'total time',
  'longest main-thread CPU burst',
  'burst ÷ baseline',
  'longest timer delay',
];

export const LOOP_PROBE_NOTE =
  'Between two ticks of a 1 ms probe: CPU burst = main-thread CPU time (/proc schedstat: the loop held by work, ' +
  'GC included, whatever else loads the machine); timer delay = the gap, which also counts waiting for a CPU.';

const figure = (list: readonly LoopMeasure[], pick: (m: LoopMeasure) => number | null) =>
  median(list.map(pick).filter((v): v is number => v !== null));

/** One way's row: its medians, its burst against the baseline's. */
export function loopRow(
  label: string,
  rounds: readonly LoopMeasure[],
  baseline: readonly LoopMeasure[],
): string[] {
  const burst = figure(rounds, (m) => m.maxCpuBurstMs);
  return [
    label,
    formatNumber(figure(rounds, (m) => m.ms) ?? 0, 'ms'),
    burst === undefined ? 'n/a' : formatNumber(burst, 'ms'),
    formatRatio(
      burst,
      figure(baseline, (m) => m.maxCpuBurstMs),
    ),
    formatNumber(figure(rounds, (m) => m.maxDelayMs) ?? 0, 'ms'),
  ];
}
