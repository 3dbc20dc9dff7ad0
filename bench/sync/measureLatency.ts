/**
 * Propagation latency at a fixed rate: every client edits its card `ratePerClient` times a
 * second, phases spread evenly so the server sees a steady stream, and every other client in
 * the room notes when the edit arrives.
 */
import { percentile } from '../stats';
import type { ServerProcess } from '../servers/spawnServer';
import type { Target } from '../servers/targets';
import { DeliveryLog } from './deliveryLog';
import { closeAll, closedSockets, connectRooms, sleep, waitUntil } from './loadRoom';

export interface LatencyOptions {
  readonly rooms: number;
  readonly clientsPerRoom: number;
  readonly ratePerClient: number;
  readonly durationMs: number;
  /** The first edits of each client (JIT warm-up) are delivered but not sampled. */
  readonly warmupMs: number;
  /** How long to wait for the last deliveries after the last send. */
  readonly drainMs: number;
}

export interface LatencyResult {
  readonly p50: number | undefined;
  readonly p99: number | undefined;
  readonly samples: number;
  readonly sent: number;
  readonly expected: number;
  readonly delivered: number;
  readonly problems: readonly string[];
}

export async function measureLatency(
  target: Target,
  server: ServerProcess,
  options: LatencyOptions,
): Promise<LatencyResult> {
  const period = 1000 / options.ratePerClient;
  const perClient = Math.max(1, Math.round(options.durationMs / period));
  const total = options.rooms * options.clientsPerRoom;
  const log = new DeliveryLog(
    total,
    perClient,
    options.clientsPerRoom - 1,
    Math.round(options.warmupMs / period),
  );
  const clients = await connectRooms(
    target,
    server,
    options.rooms,
    options.clientsPerRoom,
    (sender, seq) => log.markReceived(sender, seq),
  );
  try {
    // Let the card creations settle before the clock starts.
    await sleep(300);
    const start = performance.now() + 50;
    const finished = clients.map(
      (c, n) =>
        new Promise<void>((resolve) => {
          const offset = (n / total) * period;
          let seq = 0;
          const tick = () => {
            if (c.client.open) {
              log.markSent(c.index, seq);
              c.edit(seq);
            }
            seq++;
            if (seq >= perClient) return resolve();
            setTimeout(tick, Math.max(0, start + offset + seq * period - performance.now()));
          };
          setTimeout(tick, Math.max(0, start + offset - performance.now()));
        }),
    );
    await Promise.all(finished);
    await waitUntil(() => log.deliveries >= log.expectedDeliveries, options.drainMs);
    const problems = closedSockets(clients);
    if (log.deliveries < log.expectedDeliveries) {
      problems.push(`${log.expectedDeliveries - log.deliveries} deliveries missing`);
    }
    return {
      p50: percentile(log.samples, 50),
      p99: percentile(log.samples, 99),
      samples: log.samples.length,
      sent: log.sent,
      expected: log.expectedDeliveries,
      delivered: log.deliveries,
      problems,
    };
  } finally {
    closeAll(clients);
  }
}
