/**
 * The sync section of `npm run bench`: runs the scenarios one after the other (each against
 * every server, so the servers are compared under the same machine conditions), collects the
 * figures and the notes on how they were taken, and makes the table.
 */
import os from 'node:os';
import { BenchError } from '../benchError';
import { checkoutAt } from '../checkoutAt';
import type { Section } from '../section';
import type { TargetName } from '../servers/ipc';
import { spawnServer } from '../servers/spawnServer';
import { factboardAt, type Target } from '../servers/targets';
import type { LatencyEntry } from './measureLatency';
import {
  FULL_SYNC_BENCH,
  type Outcome,
  type Scenario,
  scenarios,
  type SyncBenchConfig,
} from './syncScenarios';
import type { MetricId } from './syncMetrics';
import { type Cell, type SyncResults, syncTable } from './syncTable';

const progress = (line: string) => process.stderr.write(`[sync] ${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export async function runSyncBench(config: SyncBenchConfig = FULL_SYNC_BENCH) {
  const results: SyncResults = new Map();
  const notes: string[] = [];
  const unavailable = new Set<TargetName>();
  const set = (metric: MetricId, target: TargetName, cell: Cell) => {
    let row = results.get(metric);
    if (!row) results.set(metric, (row = new Map()));
    row.set(target, cell);
  };
  const record = (scenario: Scenario, target: TargetName, outcome: Outcome) => {
    if ('error' in outcome) {
      const { error } = outcome;
      const code = error instanceof BenchError ? error.code : 'error';
      notes.push(`${scenario.name}, ${target} failed: ${error.message}`);
      progress(`${scenario.name} · ${target}: FAILED ${error.message}`);
      for (const metric of scenario.metrics) set(metric, target, { error: `failed (${code})` });
      return;
    }
    const { values, problems = [], remarks = [] } = outcome;
    for (const metric of scenario.metrics) {
      const value = values[metric];
      if (value !== undefined) set(metric, target, { value, doubtful: problems.length > 0 });
    }
    notes.push(...problems.map((p) => `⚠ ${scenario.name}, ${target}: ${p}`));
    notes.push(...remarks.map((r) => `${scenario.name}, ${target}: ${r}`));
  };
  /** A fresh server for the target, or undefined (with its cells filled) when there is none. */
  const spawn = async (scenario: Scenario, target: Target) => {
    const notYet = () => {
      for (const metric of scenario.metrics)
        set(metric, target.name, { error: 'not available yet' });
    };
    if (unavailable.has(target.name)) return notYet();
    try {
      return await spawnServer(target.name, target.from);
    } catch (error) {
      if (!(error instanceof BenchError && error.code === 'unavailable')) {
        return record(scenario, target.name, { error: error as Error });
      }
      unavailable.add(target.name);
      notes.push(`${target.name}: ${error.message}`);
      progress(`${target.name}: not available yet`);
      return notYet();
    }
  };

  for (const scenario of scenarios(config)) {
    const started = performance.now();
    if ('measureAll' in scenario) {
      const entries: LatencyEntry[] = [];
      for (const target of [...config.targets, ...config.latencyBaselines]) {
        const server = await spawn(scenario, target);
        if (server) entries.push({ target, server });
      }
      try {
        const outcomes = await scenario.measureAll(entries);
        for (const [name, outcome] of outcomes) record(scenario, name, outcome);
      } catch (error) {
        for (const { target } of entries) record(scenario, target.name, { error: error as Error });
      } finally {
        await Promise.all(entries.map(({ server }) => server.close()));
      }
      progress(
        `${scenario.name} · ${entries.map((e) => e.target.name).join(', ')}: ${seconds(started)}`,
      );
      continue;
    }
    for (const target of config.targets) {
      const targetStarted = performance.now();
      const server = await spawn(scenario, target);
      if (!server) continue;
      try {
        record(scenario, target.name, await scenario.measure(target, server));
        progress(`${scenario.name} · ${target.name}: ${seconds(targetStarted)}`);
      } catch (error) {
        record(scenario, target.name, { error: error as Error });
      } finally {
        await server.close();
      }
    }
  }
  return { results, notes };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

function methodNotes(config: SyncBenchConfig, loadBefore: string): string[] {
  const cpus = os.cpus();
  const { latency: l, saturation: s, bigBoard, memory: m } = config;
  return [
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average ${loadBefore} before the run and ${loadAverage()} after it (anything well above 0 means other work shared the machine and the tails are noisier). Everything on 127.0.0.1.`,
    "Each server runs alone in a child process (under tsx, with --expose-gc) and is restarted for every scenario; the load generator runs in the parent. CPU is the child's user + system time (process.cpuUsage over IPC), memory its RSS and heap after two full GCs.",
    `Factboard: durable SQLite storage in a temp directory under ${os.tmpdir()} and roles on; clients connect with an editor invite token. Reference: @y/websocket-server 0.1.1 setupWSConnection on http + ws, in memory. Relay: bench/relay.ts forwards each message to the other sockets of the room, nothing else. Durable relay (latency only, in the notes below): the same relay appending each message to a file with one write() before it forwards it, as Factboard's pending log stores an edit before its broadcast; what storing first costs without checks, Yjs or SQLite.`,
    `Load clients speak the y-websocket wire format (ws + y-protocols, sync handshake first); each adds its own card with the board model's addClaim, then edits it with editCard (a ~120-character rationale, one update of about 150 bytes). Receivers scan the update's bytes for the edit's marker and do not apply it, so the load generator costs the same for every server.`,
    `Latency: ${l.ratePerClient} updates/s per client, phases spread evenly; all servers run at once and are loaded in turn, ${l.slices} slices of ${l.durationMs / l.slices / 1000} s each after ${l.warmupUpdates.toLocaleString('en')} unsampled warm-up updates per server (at ${l.warmupRateFactor}× the rate: V8 optimises Factboard's paths within about 2,000 updates, before that single edits take up to 7 ms now and then), so a disturbance of the machine hits them alike; latency = send → receipt at each other client of the room (one process clock).`,
    `Saturation: 1 room × ${s.clients} clients, each keeping at most ${s.window} edits in flight (sent, not yet received by all peers); ${s.warmupMs / 1000} s warm-up, then up to ${s.durationMs / 1000} s. Throughput = updates received by all ${s.clients - 1} peers per second; CPU = server CPU time in the round ÷ updates sent; median of ${s.rounds} rounds of up to ${s.durationMs / 1000} s. On two cores the load generator (it receives ${s.clients - 1} messages per update) shares the machine with the server and is often the limit, so the measured throughput says as much about the machine as about the server: the server-bound row (one core ÷ CPU per update) is the server's own ceiling.`,
    `Big board: ${bigBoard.cards.toLocaleString('en-US')} cards in Factboard's layout (one 4,000-character article, each card a 100-character claim quoting a 300-character sentence of it, two 120-character comments, author and time fields), uploaded by one client in updates of 500 cards; time = new WebsocketProvider → synced with every card in its doc, median of ${bigBoard.repeats}, the uploader still connected. The relay keeps no state, so it has no board sync and no boards.`,
    `Memory: idle; then ${m.boards} boards of ${m.cardsPerBoard} cards, each with its uploader connected (per board = growth ÷ ${m.boards} − one connection); then ${m.extraClientsPerBoard} more connections per board (per connection = growth ÷ ${m.boards * m.extraClientsPerBoard}). Each new connection first receives the whole board; RSS keeps what the allocator did not give back from that, heap does not.`,
    'Ratios are left ÷ right of the absolute figures; "⚠" marks a figure whose run reported a problem (listed below).',
    process.env.BENCH_PAUSES === '1'
      ? "Pauses (BENCH_PAUSES=1): each server child also records its garbage collections and every moment its event loop ran 2 ms or more late (a 2 ms timer), and the latency notes say what the slowest 1 % of each server's deliveries met on their way, and how often its loop ran late in its own slices and in the others' (when it was idle: then it was waiting for a core). The timer wakes every server 500 times a second, so the latencies of such a run are not those of a plain one."
      : 'Run with BENCH_PAUSES=1 for what the slowest deliveries met in each server (garbage collections, a late event loop).',
  ];
}

/**
 * `baseRef` (--base) adds Factboard as that commit has it, run from its own tree, as one more
 * target in every scenario: in the latency ones it is loaded in the same slices as this one.
 */
export function syncSection(config: SyncBenchConfig = FULL_SYNC_BENCH, baseRef?: string): Section {
  return {
    name: 'sync',
    async run() {
      const loadBefore = loadAverage();
      const base = baseRef === undefined ? null : checkoutAt(baseRef);
      try {
        const targets = base ? [...config.targets, factboardAt(base)] : config.targets;
        const { results, notes } = await runSyncBench({ ...config, targets });
        const baseNote = base
          ? [
              `factboard@${base.commit.slice(0, 7)}: Factboard's server as commit ${base.commit} has it (its tree from git archive, this checkout's node_modules, started by its own bench/servers/child.ts), a target like the others.`,
            ]
          : [];
        return syncTable(results, [...methodNotes(config, loadBefore), ...baseNote, ...notes]);
      } finally {
        base?.remove();
      }
    },
  };
}
