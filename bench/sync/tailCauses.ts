/**
 * What the slowest deliveries of a latency run met in the server (BENCH_PAUSES=1): for the
 * slowest 1 %, whether the server was collecting garbage, or its event loop ran late without a
 * collection, or neither, while they were on their way; and how often its loop ran late while
 * it was loaded against while it was idle (the other servers' slices): a loop as late when
 * idle was waiting for a core, not working.
 */
import type { Pauses } from '../servers/ipc';
import { percentile } from '../stats';

export interface TailCauses {
  /** How many deliveries the slowest 1 % is. */
  readonly slowest: number;
  /** Shares of those (0..1): during a collection, during a late loop only, neither. */
  readonly gc: number;
  readonly late: number;
  readonly neither: number;
  /** Late loops per second, and their median lateness in ms, inside and outside its slices. */
  readonly loaded: { readonly perSecond: number; readonly p50: number | undefined };
  readonly idle: { readonly perSecond: number; readonly p50: number | undefined };
}

type Span = readonly [number, number];

const overlaps = (spans: readonly Span[], from: number, to: number) =>
  spans.some(([start, duration]) => start < to && start + duration > from);

/**
 * @param sentAt epoch ms each sample's update was sent, in step with `samples` (its latency)
 * @param slices the [start, end] epoch ms of this server's own slices
 * @param span the [start, end] epoch ms of the whole measured run
 */
export function tailCauses(
  samples: readonly number[],
  sentAt: readonly number[],
  pauses: Pauses,
  slices: readonly Span[],
  span: Span,
): TailCauses {
  const slowest = Math.max(1, Math.ceil(samples.length / 100));
  const order = samples.map((_, i) => i).sort((a, b) => (samples[b] ?? 0) - (samples[a] ?? 0));
  let gc = 0;
  let late = 0;
  for (const i of order.slice(0, slowest)) {
    const from = sentAt[i] ?? 0;
    const to = from + (samples[i] ?? 0);
    if (overlaps(pauses.gc, from, to)) gc++;
    else if (overlaps(pauses.late, from, to)) late++;
  }
  const inSlice = ([start]: Span) => slices.some(([a, b]) => start >= a && start <= b);
  const during = pauses.late.filter(([start]) => start >= span[0] && start <= span[1]);
  const loadedLate = during.filter(inSlice);
  const idleLate = during.filter((p) => !inSlice(p));
  const loadedSeconds = slices.reduce((sum, [a, b]) => sum + (b - a), 0) / 1000;
  const idleSeconds = (span[1] - span[0]) / 1000 - loadedSeconds;
  const rate = (n: number, seconds: number) => (seconds > 0 ? n / seconds : 0);
  return {
    slowest,
    gc: gc / slowest,
    late: late / slowest,
    neither: (slowest - gc - late) / slowest,
    loaded: {
      perSecond: rate(loadedLate.length, loadedSeconds),
      p50: percentile(
        loadedLate.map(([, d]) => d),
        50,
      ),
    },
    idle: {
      perSecond: rate(idleLate.length, idleSeconds),
      p50: percentile(
        idleLate.map(([, d]) => d),
        50,
      ),
    },
  };
}
