/**
 * Propagation latency at a fixed rate: every client edits its card `ratePerClient` times a
 * second, phases spread evenly so each server sees a steady stream, and every other client in
 * the room notes when the edit arrives.
 *
 * Tails of a few milliseconds are at the mercy of anything else the machine does, so the
 * servers are measured in alternating slices (all running, one loaded at a time): a disturbance
 * then hits every server alike instead of spoiling one server's whole run.
 */
import { percentile } from '../stats';
import type { Pauses, TargetName } from '../servers/ipc';
import type { ServerProcess } from '../servers/spawnServer';
import type { Target } from '../servers/targets';
import { DeliveryLog } from './deliveryLog';
import { type TailCauses, tailCauses } from './tailCauses';
import {
  type BenchClient,
  closeAll,
  closedSockets,
  connectRooms,
  sleep,
  waitUntil,
} from './loadRoom';

export interface LatencyOptions {
  readonly rooms: number;
  readonly clientsPerRoom: number;
  readonly ratePerClient: number;
  /** Measured time per server, in `slices` that alternate between the servers. */
  readonly durationMs: number;
  readonly slices: number;
  /**
   * Updates each server handles before the measured slices, delivered but not sampled, at
   * `warmupRateFactor` times the measured rate. Measured: Factboard's server applies edits in
   * 0.1 ms at the median but 1–7 ms now and then until V8 has optimised its paths, which takes
   * about 2,000 updates; a server in service is past that within its first minute.
   */
  readonly warmupUpdates: number;
  readonly warmupRateFactor: number;
  /** How long to wait for the last deliveries after a slice's last send. */
  readonly drainMs: number;
}

export interface LatencyResult {
  readonly p50: number | undefined;
  readonly p99: number | undefined;
  /** The p99 of each measured slice, in slice order: slice s of every server ran back to back. */
  readonly sliceP99: readonly (number | undefined)[];
  readonly samples: number;
  readonly sent: number;
  readonly expected: number;
  readonly delivered: number;
  readonly problems: readonly string[];
  /** What its slowest deliveries met in the server, when it traced its pauses (tailCauses). */
  readonly tail?: TailCauses;
}

export interface LatencyEntry {
  readonly target: Target;
  readonly server: ServerProcess;
}

export type LatencyOutcome = { result: LatencyResult } | { error: Error };

/** The clients of one server and what they sent and received. */
class LatencyLoad {
  private nextSeq = 0;
  /** Where each measured slice's samples end in the log. */
  private readonly sliceEnds: number[] = [];
  /** Each measured slice's [start, end], in epoch ms. */
  readonly sliceTimes: [number, number][] = [];

  private constructor(
    private readonly clients: readonly BenchClient[],
    private readonly log: DeliveryLog,
    private readonly period: number,
    private readonly drainMs: number,
    /** Sends per client: unsampled warm-up (at `warmupPeriod`), then the measured ones. */
    private readonly warmup: number,
    private readonly warmupPeriod: number,
    private readonly measured: number,
  ) {}

  static async open(entry: LatencyEntry, options: LatencyOptions): Promise<LatencyLoad> {
    const period = 1000 / options.ratePerClient;
    const clientCount = options.rooms * options.clientsPerRoom;
    const warmup = Math.ceil(options.warmupUpdates / clientCount);
    const measured = Math.max(1, Math.round(options.durationMs / period));
    const log = new DeliveryLog(clientCount, warmup + measured, options.clientsPerRoom - 1, warmup);
    const clients = await connectRooms(
      entry.target,
      entry.server,
      options.rooms,
      options.clientsPerRoom,
      (sender, seq) => log.markReceived(sender, seq),
    );
    const warmupPeriod = period / options.warmupRateFactor;
    return new LatencyLoad(clients, log, period, options.drainMs, warmup, warmupPeriod, measured);
  }

  warmUp(): Promise<void> {
    return this.run(this.warmup, this.warmupPeriod);
  }

  /** Slice `s` of `slices`: its share of the measured sends. */
  async slice(s: number, slices: number): Promise<void> {
    const share = (k: number) => Math.floor((k * this.measured) / slices);
    const start = performance.timeOrigin + performance.now();
    await this.run(share(s + 1) - share(s), this.period);
    this.sliceEnds.push(this.log.samples.length);
    this.sliceTimes.push([start, performance.timeOrigin + performance.now()]);
  }

  /** Sends `count` edits per client, one per `period` ms each, then waits for the deliveries. */
  private async run(count: number, period: number): Promise<void> {
    if (count <= 0) return;
    const first = this.nextSeq;
    this.nextSeq += count;
    const start = performance.now() + 20;
    await Promise.all(
      this.clients.map(
        (c, n) =>
          new Promise<void>((resolve) => {
            const offset = (n / this.clients.length) * period;
            let k = 0;
            const tick = () => {
              if (c.client.open) {
                this.log.markSent(c.index, first + k);
                c.edit(first + k);
              }
              if (++k >= count) return resolve();
              const due = start + offset + k * period;
              setTimeout(tick, Math.max(0, due - performance.now()));
            };
            setTimeout(tick, Math.max(0, start + offset - performance.now()));
          }),
      ),
    );
    const log = this.log;
    await waitUntil(() => log.deliveries >= log.expectedDeliveries, this.drainMs);
  }

  result(pauses: Pauses | null, span: readonly [number, number]): LatencyResult {
    const log = this.log;
    const problems = closedSockets(this.clients);
    if (log.deliveries < log.expectedDeliveries) {
      problems.push(`${log.expectedDeliveries - log.deliveries} deliveries missing`);
    }
    const sliceP99 = this.sliceEnds.map((end, i) =>
      percentile(log.samples.slice(this.sliceEnds[i - 1] ?? 0, end), 99),
    );
    return {
      p50: percentile(log.samples, 50),
      p99: percentile(log.samples, 99),
      sliceP99,
      samples: log.samples.length,
      sent: log.sent,
      expected: log.expectedDeliveries,
      delivered: log.deliveries,
      problems,
      ...(pauses && {
        tail: tailCauses(log.samples, log.samplesSentAt, pauses, this.sliceTimes, span),
      }),
    };
  }

  close(): void {
    closeAll(this.clients);
  }
}

/**
 * The servers' order in slice `s`: rotated, and reversed every other slice, so that each
 * server follows each of its neighbours in turn. Rotation alone kept the cyclic order: one
 * server always came right after the same other and met that one's leftover work (Factboard's
 * pending-log flush, 100 ms after its last edit) in its own slice.
 */
export function sliceOrder<T>(items: readonly T[], s: number): T[] {
  const order = items.map((_, i) => items[(i + s) % items.length] as T);
  return s % 2 === 1 ? order.reverse() : order;
}

/** Latency of several servers on the same load, measured in alternating slices. */
export async function measureLatencyInterleaved(
  entries: readonly LatencyEntry[],
  options: LatencyOptions,
): Promise<Map<TargetName, LatencyOutcome>> {
  const outcomes = new Map<TargetName, LatencyOutcome>();
  const loads: { name: TargetName; load: LatencyLoad; server: ServerProcess }[] = [];
  try {
    for (const entry of entries) {
      try {
        const load = await LatencyLoad.open(entry, options);
        loads.push({ name: entry.target.name, load, server: entry.server });
      } catch (error) {
        outcomes.set(entry.target.name, { error: error as Error });
      }
    }
    // Let the card creations settle before the clock starts.
    await sleep(300);
    for (const { load } of loads) await load.warmUp();
    // Pauses from before the measured slices are not theirs.
    for (const { server } of loads) await server.pauses();
    const start = performance.timeOrigin + performance.now();
    for (let s = 0; s < options.slices; s++) {
      for (const { load } of sliceOrder(loads, s)) await load.slice(s, options.slices);
    }
    const span = [start, performance.timeOrigin + performance.now()] as const;
    for (const { name, load, server } of loads) {
      outcomes.set(name, { result: load.result(await server.pauses(), span) });
    }
    return outcomes;
  } finally {
    for (const { load } of loads) load.close();
  }
}

export async function measureLatency(
  target: Target,
  server: ServerProcess,
  options: LatencyOptions,
): Promise<LatencyResult> {
  const outcome = (await measureLatencyInterleaved([{ target, server }], options)).get(target.name);
  if (!outcome || 'error' in outcome) throw outcome?.error ?? new Error('no latency result');
  return outcome.result;
}
