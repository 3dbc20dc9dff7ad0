/**
 * Entry of a server child process: `node --import tsx --expose-gc bench/servers/child.ts <target>`.
 * Each server under test runs alone in its own process so that its CPU time and memory are its
 * own; the load generator stays in the parent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchError } from '../benchError';
import type { RunningServer } from '../relay';
import { startRelay } from '../relay';
import { startFactboardServer } from './factboardServer';
import { startPauseTrace } from './pauseTrace';
import type { ChildMessage, ParentMessage, ServerKind, ServerStats } from './ipc';
import { startReferenceServer } from './referenceServer';

/** The durable relay's journal, in a temp directory of its own that goes when it closes. */
async function startDurableRelay(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'factboard-bench-relay-'));
  const relay = await startRelay({ journal: join(dir, 'journal') });
  return {
    url: relay.url,
    close: async () => {
      await relay.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const starters: Record<ServerKind, () => Promise<RunningServer>> = {
  relay: () => startRelay(),
  'durable-relay': startDurableRelay,
  reference: () => startReferenceServer(),
  factboard: () => startFactboardServer(),
};

function send(message: ChildMessage): void {
  process.send?.(message);
}

function collectStats(collectGarbage: boolean): ServerStats {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collectGarbage) {
    // Twice: the first pass may only queue finalizers whose memory the second one frees.
    gc?.();
    gc?.();
  }
  const { user, system } = process.cpuUsage();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { cpu: { user, system }, mem: { rss, heapUsed, external } };
}

async function main(): Promise<void> {
  const name = process.argv[2] as ServerKind;
  const start = starters[name];
  if (!start) throw new BenchError('server_failed', `unknown target ${name}`);
  const server = await start();
  const trace = process.env.BENCH_PAUSES === '1' ? startPauseTrace() : null;
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats')
      send({ type: 'stats', id: message.id, stats: collectStats(message.gc) });
    if (message.type === 'pauses')
      send({ type: 'pauses', id: message.id, pauses: trace?.take() ?? null });
    if (message.type === 'close') {
      void server.close().finally(() => process.exit(0));
    }
  });
  // The parent going away must not leave a server behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: server.url });
}

main().catch((error: unknown) => {
  const code = error instanceof BenchError ? error.code : 'server_failed';
  send({ type: 'failed', code, message: (error as Error).message });
  process.exitCode = 1;
  process.disconnect?.();
});
