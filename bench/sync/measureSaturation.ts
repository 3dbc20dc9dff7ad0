/**
 * Saturation: the clients of one room edit as fast as the server takes it. Each keeps at most
 * `window` edits in flight (sent, not yet received by every peer), so the rate follows the
 * server instead of piling up in socket buffers. Reports fully delivered updates per second
 * and the server's CPU time per update.
 */
import type { ServerProcess } from '../servers/spawnServer';
import { median } from '../stats';
import type { Target } from '../servers/targets';
import { DeliveryLog } from './deliveryLog';
import { closeAll, closedSockets, connectRooms, waitUntil, type BenchClient } from './loadRoom';

export interface SaturationOptions {
  readonly clients: number;
  readonly window: number;
  /** Bounds of the unmeasured warm-up round and of each measured round. */
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Measured rounds; the result is their median (the machine is shared, so runs vary). */
  readonly rounds: number;
  /** Bound on the updates one client sends, warm-up included. */
  readonly maxPerClient: number;
  readonly drainMs: number;
}

export interface SaturationResult {
  readonly updatesPerSecond: number;
  readonly deliveriesPerSecond: number;
  readonly cpuMicrosPerUpdate: number;
  /** The load generator's own CPU time per update, to show when it, not the server, limits. */
  readonly generatorMicrosPerUpdate: number;
  readonly sent: number;
  readonly problems: readonly string[];
}

export async function measureSaturation(
  target: Target,
  server: ServerProcess,
  options: SaturationOptions,
): Promise<SaturationResult> {
  const n = options.clients;
  const log = new DeliveryLog(n, options.maxPerClient, n - 1);
  const outstanding = new Int32Array(n);
  const nextSeq = new Int32Array(n);
  let deadline = 0;
  let limit = 0;
  let lastCompleteAt = 0;
  let clients: BenchClient[] = [];

  const pump = (i: number) => {
    const c = clients[i] as BenchClient;
    while (
      outstanding[i]! < options.window &&
      nextSeq[i]! < limit &&
      c.client.open &&
      performance.now() < deadline
    ) {
      const seq = nextSeq[i]!++;
      outstanding[i]!++;
      log.markSent(i, seq);
      c.edit(seq);
    }
  };
  clients = await connectRooms(target, server, 1, n, (sender, seq) => {
    if (!log.markReceived(sender, seq)) return;
    lastCompleteAt = performance.now();
    outstanding[sender]!--;
    pump(sender);
  });

  const round = async (ms: number, upTo: number) => {
    deadline = performance.now() + ms;
    limit = upTo;
    for (let i = 0; i < n; i++) pump(i);
    await waitUntil(
      () =>
        outstanding.every((o) => o === 0) &&
        (performance.now() > deadline || nextSeq.every((s) => s >= limit)),
      ms + options.drainMs,
    );
  };

  // Rounds share the per-client bound: a fifth for the warm-up, the rest split evenly.
  const warmupLimit = Math.floor(options.maxPerClient / 5);
  const roundLimit = (r: number) =>
    warmupLimit + Math.floor(((options.maxPerClient - warmupLimit) * (r + 1)) / options.rounds);
  try {
    await round(options.warmupMs, warmupLimit);
    const rates: number[] = [];
    const deliveryRates: number[] = [];
    const cpus: number[] = [];
    const generator: number[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const before = await server.stats({ gc: false });
      const ownBefore = process.cpuUsage();
      const start = performance.now();
      const [sent0, complete0, deliveries0] = [log.sent, log.complete, log.deliveries];
      await round(options.durationMs, roundLimit(r));
      const own = process.cpuUsage(ownBefore);
      const after = await server.stats({ gc: false });
      const seconds = (lastCompleteAt - start) / 1000;
      const sent = log.sent - sent0;
      rates.push((log.complete - complete0) / seconds);
      deliveryRates.push((log.deliveries - deliveries0) / seconds);
      cpus.push((after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / sent);
      generator.push((own.user + own.system) / sent);
    }
    const problems = closedSockets(clients);
    const missing = log.sent * (n - 1) - log.deliveries;
    if (missing > 0) problems.push(`${missing} deliveries missing`);
    return {
      updatesPerSecond: median(rates) as number,
      deliveriesPerSecond: median(deliveryRates) as number,
      cpuMicrosPerUpdate: median(cpus) as number,
      generatorMicrosPerUpdate: median(generator) as number,
      sent: log.sent,
      problems,
    };
  } finally {
    closeAll(clients);
  }
}
