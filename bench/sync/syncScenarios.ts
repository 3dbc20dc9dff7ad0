/**
 * What the sync section measures, scenario by scenario, and at which sizes. Latency scenarios
 * load all servers at once (in turns); the others give each server a fresh process.
 */
import type { TargetName } from '../servers/ipc';
import type { ServerProcess } from '../servers/spawnServer';
import { baseName, durableRelay, type Target, TARGETS } from '../servers/targets';
import type { Actor } from '../../shared/board/actor';
import { buildBoard, type BuiltBoard, quotedArticle } from './cardModel';
import { measureBoardSync } from './measureBoardSync';
import {
  type LatencyEntry,
  type LatencyOptions,
  measureLatencyInterleaved,
} from './measureLatency';
import { measureMemory, type MemoryOptions } from './measureMemory';
import { measureSaturation, type SaturationOptions } from './measureSaturation';
import type { MetricId } from './syncMetrics';
import { median } from '../stats';
import type { TailCauses } from './tailCauses';

export interface SyncBenchConfig {
  readonly targets: readonly Target[];
  /** Baselines measured in the latency scenarios only, reported in the notes. */
  readonly latencyBaselines: readonly Target[];
  readonly latency: Omit<LatencyOptions, 'rooms' | 'clientsPerRoom'>;
  readonly saturation: SaturationOptions;
  readonly bigBoard: { readonly cards: number; readonly repeats: number };
  readonly memory: MemoryOptions & { readonly cardsPerBoard: number };
  /** Only the scenarios whose name starts with this (`--only latency`); all when absent. */
  readonly only?: string;
}

/** The full run: about three minutes on two cores. */
export const FULL_SYNC_BENCH: SyncBenchConfig = {
  targets: TARGETS,
  latencyBaselines: [durableRelay],
  latency: {
    ratePerClient: 2,
    durationMs: 24_000,
    slices: 8,
    warmupUpdates: 3_000,
    warmupRateFactor: 5,
    drainMs: 5_000,
  },
  saturation: {
    clients: 10,
    window: 8,
    warmupMs: 1_000,
    durationMs: 3_000,
    rounds: 3,
    maxPerClient: 20_000,
    drainMs: 5_000,
  },
  bigBoard: { cards: 10_000, repeats: 3 },
  memory: { boards: 20, cardsPerBoard: 100, extraClientsPerBoard: 5 },
};

export interface Measured {
  readonly values: Partial<Record<MetricId, number>>;
  /** Anything that makes the figures doubtful (lost deliveries, closed sockets). */
  readonly problems?: readonly string[];
  /** Side figures worth a note. */
  readonly remarks?: readonly string[];
}

export type Outcome = Measured | { readonly error: Error };

/** A scenario measures each server on a fresh server process of its own, or all at once. */
export type Scenario = { readonly name: string; readonly metrics: readonly MetricId[] } & (
  | { measure(target: Target, server: ServerProcess): Promise<Measured> }
  | { measureAll(entries: readonly LatencyEntry[]): Promise<Map<TargetName, Outcome>> }
);

/**
 * Slice s of every server runs back to back, so the ratio of their p99s in one slice is a
 * paired comparison under the same machine conditions: the median and range of those ratios
 * show how much of a run's p99 ratio is the machine's noise.
 */
function pairedRatios(
  slices: readonly (number | undefined)[],
  relay: readonly (number | undefined)[] = [],
): string | null {
  const ratios = slices.flatMap((p99, i) => {
    const base = relay[i];
    return p99 !== undefined && base !== undefined && base > 0 ? [p99 / base] : [];
  });
  if (ratios.length === 0) return null;
  const sorted = [...ratios].sort((a, b) => a - b);
  const x = (v: number) => `${v.toFixed(2)}×`;
  const middle = median(sorted) as number;
  const range = `${x(sorted[0] as number)}–${x(sorted.at(-1) as number)}`;
  return `median ${x(middle)} over ${ratios.length} slices (${range})`;
}

const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(2)} ms`);
const times = (value: number | undefined, base: number | undefined) =>
  value === undefined || base === undefined || base === 0 ? 'n/a' : `${(value / base).toFixed(2)}×`;

export function scenarios(config: SyncBenchConfig): Scenario[] {
  // Built once per size and author: every server's clients upload the same content.
  const boards = new Map<string, BuiltBoard>();
  const board =
    (cards: number, quoting = true) =>
    (author: Actor, articleId?: string) => {
      const key = `${cards}\n${author.id}\n${quoting}\n${articleId}`;
      const article = quoting ? quotedArticle(articleId) : null;
      let built = boards.get(key);
      if (!built) boards.set(key, (built = buildBoard(cards, author, article)));
      return built;
    };
  const latency = (rooms: number, clientsPerRoom: number, p50: MetricId, p99: MetricId) => ({
    name: `latency ${rooms} × ${clientsPerRoom}`,
    metrics: [p50, p99],
    async measureAll(entries: readonly LatencyEntry[]) {
      const options = { ...config.latency, rooms, clientsPerRoom };
      const outcomes = await measureLatencyInterleaved(entries, options);
      const measured = new Map<TargetName, Outcome>();
      const resultOf = (name: TargetName) => {
        const outcome = outcomes.get(name);
        return outcome && 'result' in outcome ? outcome.result : undefined;
      };
      const relayResult = resultOf('relay');
      const durable = resultOf('durable-relay');
      const base = baseName(outcomes.keys());
      const baseResult = base && resultOf(base);
      for (const [name, outcome] of outcomes) {
        if ('error' in outcome) {
          measured.set(name, outcome);
          continue;
        }
        const r = outcome.result;
        const counts = `${r.samples} samples, ${r.delivered} of ${r.expected} deliveries`;
        const problems = r.problems.length > 0 ? [...r.problems, counts] : [];
        const remarks: string[] = [];
        if (name === 'durable-relay') {
          remarks.push(
            `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, ${times(r.p99, relayResult?.p99)} the relay's p99`,
          );
        }
        const paired = name === 'relay' ? null : pairedRatios(r.sliceP99, relayResult?.sliceP99);
        if (paired) remarks.push(`p99 ÷ relay's in the same slice: ${paired}`);
        if (r.tail) remarks.push(tailWords(r.tail));
        if (name === 'factboard' && durable) {
          remarks.push(`p99 ${times(r.p99, durable.p99)} the durable relay's`);
        }
        if (name === 'factboard' && baseResult) {
          const sameSlice = pairedRatios(r.sliceP99, baseResult.sliceP99) ?? 'n/a';
          remarks.push(
            `p99 ${times(r.p99, baseResult.p99)} ${base}'s; ÷ ${base}'s in the same slice: ${sameSlice}`,
          );
        }
        measured.set(name, { values: { [p50]: r.p50, [p99]: r.p99 }, problems, remarks });
      }
      return measured;
    },
  });
  const all: Scenario[] = [
    latency(1, 20, 'latency1x20P50', 'latency1x20P99'),
    latency(10, 10, 'latency10x10P50', 'latency10x10P99'),
    {
      name: 'saturation',
      metrics: ['saturationRate', 'saturationCpu', 'serverBoundRate'],
      async measure(target, server) {
        const r = await measureSaturation(target, server, config.saturation);
        return {
          values: {
            saturationRate: r.updatesPerSecond,
            saturationCpu: r.cpuMicrosPerUpdate,
            serverBoundRate: 1e6 / r.cpuMicrosPerUpdate,
          },
          problems: r.problems,
          remarks: [`load generator CPU ${r.generatorMicrosPerUpdate.toFixed(0)} µs per update`],
        };
      },
    },
    {
      name: `${config.bigBoard.cards}-card board sync`,
      metrics: ['bigBoardSync', 'bigBoardHeap'],
      async measure(target, server) {
        if (!target.speaksYjs) return { values: {} };
        const { cards, repeats } = config.bigBoard;
        const r = await measureBoardSync(target, server, board(cards), cards, repeats);
        return { values: { bigBoardSync: r.medianMs, bigBoardHeap: r.heapBytes } };
      },
    },
    {
      name: 'memory',
      metrics: ['idleRss', 'idleHeap', 'boardHeap', 'boardRss', 'connectionHeap', 'connectionRss'],
      async measure(target, server) {
        const r = await measureMemory(
          target,
          server,
          // Cards made by hand, quoting no article: an import per board would start Factboard's
          // extraction thread, whose memory is not the board's.
          board(config.memory.cardsPerBoard, false),
          config.memory,
        );
        const boardCost = target.speaksYjs ? { boardHeap: r.boardHeap, boardRss: r.boardRss } : {};
        return {
          values: {
            idleRss: r.idleRss,
            idleHeap: r.idleHeap,
            connectionHeap: r.connectionHeap,
            connectionRss: r.connectionRss,
            ...boardCost,
          },
        };
      },
    },
  ];
  return all.filter((scenario) => scenario.name.startsWith(config.only ?? ''));
}

/** A latency run's tail causes (BENCH_PAUSES=1) as a note. */
function tailWords(t: TailCauses): string {
  const pct = (share: number) => `${Math.round(share * 100)} %`;
  const lateness = (l: TailCauses['loaded']) =>
    `${l.perSecond.toFixed(1)}/s (median ${l.p50 === undefined ? 'n/a' : `${l.p50.toFixed(1)} ms`})`;
  return (
    `slowest 1 % (${t.slowest} deliveries): ${pct(t.gc)} met a garbage collection, ` +
    `${pct(t.late)} a late event loop without one, ${pct(t.neither)} neither; ` +
    `event loop 2 ms or more late ${lateness(t.loaded)} in its slices, ${lateness(t.idle)} outside them`
  );
}
