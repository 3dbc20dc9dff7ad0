/**
 * Smoke test of the sync benchmark at tiny scale: the harness measures against real server
 * child processes (the relay, the reference and Factboard), and every sent update arrives.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSection } from '../../bench/results';
import { type ServerProcess, spawnServer } from '../../bench/servers/spawnServer';
import {
  durableRelay,
  factboard,
  relay,
  reference,
  type Target,
} from '../../bench/servers/targets';
import { buildBoard, quotedArticle } from '../../bench/sync/cardModel';
import { measureBoardSync } from '../../bench/sync/measureBoardSync';
import { measureLatency } from '../../bench/sync/measureLatency';
import { measureSaturation } from '../../bench/sync/measureSaturation';
import { runSyncBench } from '../../bench/sync/syncSection';
import { METRICS } from '../../bench/sync/syncMetrics';
import { syncTable } from '../../bench/sync/syncTable';

/** 1 room × 3 clients: 2 warm-up edits per client, then 5 a second for 1 s in 2 slices. */
const TINY_LATENCY = {
  rooms: 1,
  clientsPerRoom: 3,
  ratePerClient: 5,
  durationMs: 1_000,
  slices: 2,
  warmupUpdates: 6,
  warmupRateFactor: 5,
  drainMs: 3_000,
};

describe.each<Target>([relay, reference, factboard])('sync bench against $name', (target) => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer(target.name);
  });
  afterAll(() => server?.close());

  it('measures latency for 1 room × 3 clients: every update reaches both peers, warm-up unsampled', async () => {
    const result = await measureLatency(target, server, TINY_LATENCY);
    expect(result.problems).toEqual([]);
    // 2 warm-up edits per client, then 5 a second for 1 s: 21 sent, the 15 measured sampled.
    expect(result.sent).toBe(21);
    expect(result.expected).toBe(42);
    expect(result.delivered).toBe(42);
    expect(result.samples).toBe(30);
    expect(result.sliceP99).toHaveLength(2);
    for (const p99 of result.sliceP99) expect(p99).toBeLessThanOrEqual(result.p99 as number);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p99).toBeGreaterThanOrEqual(result.p50 as number);
    // Pauses are traced only when asked (BENCH_PAUSES=1): the timer costs every server alike.
    expect(result.tail).toBeUndefined();
  });

  it('measures saturation throughput and the server CPU per update', async () => {
    const result = await measureSaturation(target, server, {
      clients: 3,
      window: 2,
      warmupMs: 100,
      durationMs: 300,
      rounds: 1,
      maxPerClient: 200,
      drainMs: 3_000,
    });
    expect(result.problems).toEqual([]);
    expect(result.sent).toBeGreaterThan(0);
    expect(result.updatesPerSecond).toBeGreaterThan(0);
    expect(result.cpuMicrosPerUpdate).toBeGreaterThan(0);
  });
});

describe('sync bench with BENCH_PAUSES=1', () => {
  it('says what the slowest deliveries met in the server', async () => {
    const was = process.env.BENCH_PAUSES;
    process.env.BENCH_PAUSES = '1'; // read by the child as it starts
    const server = await spawnServer('factboard').finally(() => {
      if (was === undefined) delete process.env.BENCH_PAUSES;
      else process.env.BENCH_PAUSES = was;
    });
    try {
      const result = await measureLatency(factboard, server, TINY_LATENCY);
      const tail = result.tail;
      expect(tail?.slowest).toBe(1); // 1 % of 30 samples, at least one
      expect((tail?.gc ?? 0) + (tail?.late ?? 0) + (tail?.neither ?? 0)).toBeCloseTo(1);
      expect(tail?.loaded.perSecond).toBeGreaterThanOrEqual(0);
    } finally {
      await server.close();
    }
  });
});

describe('sync bench board sync', () => {
  it.each<Target>([reference, factboard])(
    'a fresh WebsocketProvider syncs every card of an uploaded board from $name',
    async (target) => {
      const server = await spawnServer(target.name);
      try {
        const result = await measureBoardSync(
          target,
          server,
          // Quoting the article the server imported, where it takes articles only so.
          (author, articleId) => buildBoard(300, author, quotedArticle(articleId), 100),
          300,
          1,
        );
        expect(result.medianMs).toBeGreaterThan(0);
        expect(result.heapBytes).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
    },
  );

  it('refuses the relay, which keeps no board to sync', async () => {
    await expect(
      measureBoardSync(relay, {} as ServerProcess, (author) => buildBoard(1, author), 1, 1),
    ).rejects.toThrow(/no state/);
  });
});

describe('sync bench section', () => {
  it('runs every scenario at tiny scale and fills every cell it can', async () => {
    const { results, notes } = await runSyncBench({
      targets: [relay, reference],
      latencyBaselines: [durableRelay],
      latency: {
        ratePerClient: 5,
        durationMs: 400,
        slices: 2,
        warmupUpdates: 6,
        warmupRateFactor: 5,
        drainMs: 3_000,
      },
      saturation: {
        clients: 3,
        window: 2,
        warmupMs: 100,
        durationMs: 200,
        rounds: 2,
        maxPerClient: 200,
        drainMs: 3_000,
      },
      bigBoard: { cards: 50, repeats: 1 },
      memory: { boards: 2, cardsPerBoard: 10, extraClientsPerBoard: 2 },
    });
    expect(notes.filter((n) => /failed|⚠/.test(n))).toEqual([]);
    // Each latency scenario pairs the reference's slices with the relay's.
    const paired = notes.filter((n) =>
      /^latency .*, reference: p99 ÷ relay's in the same slice/.test(n),
    );
    expect(paired).toHaveLength(2);
    expect(paired[0]).toMatch(/median \d+\.\d\d× over 2 slices \(\d+\.\d\d×–\d+\.\d\d×\)/);
    // The durable relay is measured in both latency scenarios, and only there.
    const durable = notes.filter((n) => /^latency .*, durable-relay: p50 /.test(n));
    expect(durable).toHaveLength(2);
    expect(durable[0]).toMatch(/p50 \d+\.\d\d ms, p99 \d+\.\d\d ms, \d+\.\d\d× the relay's p99$/);
    expect(results.get('saturationRate')?.has('durable-relay')).toBe(false);
    // The relay keeps no boards, so it has no board figures; everything else is measured.
    const boardMetrics = new Set(['bigBoardSync', 'bigBoardHeap', 'boardHeap', 'boardRss']);
    for (const metric of METRICS) {
      const row = results.get(metric.id);
      expect(row?.get('reference'), metric.id).toMatchObject({ value: expect.any(Number) });
      if (!boardMetrics.has(metric.id)) {
        expect(row?.get('relay'), metric.id).toMatchObject({ value: expect.any(Number) });
      }
    }
    // Every scenario starts its servers afresh (about a dozen tsx child processes): 34 s in a
    // whole-suite run here, and past 60 s once with other test runs beside it.
  }, 180_000);
});

describe('sync bench table', () => {
  it('shows ratios and whether Factboard meets its targets', () => {
    const table = syncTable(
      new Map([
        [
          'latency1x20P99',
          new Map([
            ['relay', { value: 2 }],
            ['reference', { value: 3 }],
            ['factboard', { value: 4 }],
          ]),
        ],
        [
          'saturationRate',
          new Map([
            ['reference', { value: 100 }],
            ['factboard', { value: 150 }],
          ]),
        ],
      ]),
      [],
    );
    const row = (prefix: string) => table.rows.find((r) => r[0]?.startsWith(prefix)) ?? [];
    expect(row('Latency p99, 1 room')).toEqual([
      'Latency p99, 1 room × 20 clients (lower is better)',
      '2.00 ms',
      '3.00 ms',
      '4.00 ms',
      '1.50×',
      '1.33×',
      '2.00×',
      '≤ 1.5× relay: NOT met',
    ]);
    expect(row('Saturation throughput').at(-1)).toBe('≥ 1× reference: met');
  });

  it('adds a base commit’s Factboard (--base) as a column and a ratio, rows only for what ran', () => {
    const table = syncTable(
      new Map([
        [
          'latency10x10P99',
          new Map([
            ['relay', { value: 1 }],
            ['reference', { value: 2 }],
            ['factboard', { value: 3 }],
            ['factboard@6f462a4', { value: 2 }],
          ]),
        ],
      ]),
      [],
    );
    expect(table.columns).toEqual([
      'Metric',
      'relay',
      'reference',
      'factboard',
      'factboard@6f462a4',
      'reference ÷ relay',
      'factboard ÷ reference',
      'factboard ÷ relay',
      'factboard ÷ factboard@6f462a4',
      'Factboard target',
    ]);
    expect(table.rows).toEqual([
      [
        'Latency p99, 10 rooms × 10 clients (lower is better)',
        '1.00 ms',
        '2.00 ms',
        '3.00 ms',
        '2.00 ms',
        '2.00×',
        '1.50×',
        '3.00×',
        '1.50×',
        '≤ 1.5× relay: NOT met',
      ],
    ]);
  });

  it('replaces only the section it saves in the results file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const file = join(dir, 'latest.md');
    try {
      await saveSection(file, 'sync', 'sync table 1');
      await saveSection(file, 'browser', 'browser table');
      await saveSection(file, 'sync', 'sync table 2');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('sync table 2');
      expect(text).not.toContain('sync table 1');
      expect(text).toContain('browser table');
      expect(text.indexOf('sync table 2')).toBeLessThan(text.indexOf('browser table'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
