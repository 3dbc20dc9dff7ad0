/**
 * GET /metrics (server/metrics): the real server on port 0, a real y-websocket client that
 * connects, writes and is refused, and the exposition read by a parser of Prometheus's text
 * format that refuses any line outside its grammar. Without FACTBOARD_METRICS_TOKEN there is
 * no /metrics; with it, only its bearer reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim } from '../../../shared/board';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { connectProvider } from '../../helpers/connectProvider';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectRaw } from '../../helpers/rawClient';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

const TOKEN = 'the-metrics-token-of-this-test';

/** Samples by series (`name` or `name{label="value",…}`), from a text that must parse. */
function parseExposition(text: string): Map<string, number> {
  const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
  const SAMPLE = new RegExp(`^(${NAME})(\\{${LABEL}(?:,${LABEL})*\\})? (\\S+)$`);
  const HELP = new RegExp(`^# HELP (${NAME}) .+$`);
  const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const declared = TYPE.exec(line);
    if (declared) {
      const [, family, kind] = declared as unknown as [string, string, string];
      expect(types.has(family), `one TYPE line for ${family}`).toBe(false);
      types.set(family, kind);
      continue;
    }
    if (HELP.test(line)) continue;
    const sample = SAMPLE.exec(line);
    expect(sample, `a sample line: ${line}`).not.toBeNull();
    const [, name, labels = '', raw] = sample as unknown as [string, string, string, string];
    const value = ['NaN', '+Inf', '-Inf'].includes(raw) ? Number(raw.replace('+', '')) : +raw;
    expect(Number.isNaN(value) && raw !== 'NaN', `a number: ${line}`).toBe(false);
    const type = types.get(name);
    expect(type, `TYPE of ${name} before its samples`).toBeDefined();
    if (type === 'counter') {
      expect(name).toMatch(/_total$/);
      expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(samples.has(name + labels), `one sample of ${name}${labels}`).toBe(false);
    samples.set(name + labels, value);
  }
  return samples;
}

describe('GET /metrics', () => {
  let server: TestServer;
  const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

  beforeAll(async () => {
    server = await startTestServer({ metricsToken: TOKEN, maxMessageBytes: 1024 });
  });
  afterAll(() => server.stop());

  async function scrape(): Promise<Map<string, number>> {
    const res = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    return parseExposition(await res.text());
  }

  it('answers only the bearer of the metrics token (401 otherwise)', async () => {
    for (const token of [undefined, 'not-the-metrics-token', `${TOKEN}x`]) {
      const res = await request(server.url, 'GET', '/metrics', token ? { token } : {});
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 'metrics_token_required', message: expect.any(String) },
      });
    }
    const samples = await scrape();
    expect(samples.get('factboard_uptime_seconds')).toBeGreaterThan(0);
    expect(samples.get('factboard_heap_used_bytes')).toBeGreaterThan(0);
    expect(samples.get('factboard_event_loop_delay_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(samples.get('factboard_storage_file_bytes{file="factboard.sqlite"}')).toBeGreaterThan(0);
    // The 401s above, counted by class.
    expect(samples.get('factboard_http_responses_total{class="4xx"}')).toBeGreaterThanOrEqual(3);
  });

  it('counts a client’s connection, its writes, their broadcast and acknowledgment, and refusals', async () => {
    const board = await createBoardOverRest(server.url, 'Metrics board');
    const ada = await inviteOverRest(server.url, board, 'Ada', 'editor');
    const vic = await inviteOverRest(server.url, board, 'Vic', 'viewer');
    const before = await scrape();
    const grew = (after: Map<string, number>, series: string) =>
      (after.get(series) ?? 0) - (before.get(series) ?? 0);

    const viewer = connectProvider(syncUrl(), board.id, vic.token);
    const editor = connectProvider(syncUrl(), board.id, ada.token);
    await Promise.all([viewer.synced(), editor.synced()]);
    addClaim(editor.doc, { claim: 'The bridge cost 2 billion' }, editor.as);
    addClaim(editor.doc, { claim: 'Fares rose by a third' }, editor.as);
    await editor.allSaved();
    await waitFor(() => viewer.doc.getMap('cards').size === 2, { what: 'the viewer has both' });

    const during = await scrape();
    expect(during.get('factboard_sync_connections')).toBe(2);
    expect(during.get('factboard_rooms')).toBe(1);
    expect(grew(during, 'factboard_sync_connections_opened_total')).toBe(2);
    // Loaded when the board was made (its first change), and still.
    expect(during.get('factboard_room_loads_total')).toBe(1);
    expect(grew(during, 'factboard_sync_updates_received_total')).toBeGreaterThanOrEqual(2);
    expect(grew(during, 'factboard_sync_messages_received_total')).toBeGreaterThan(
      grew(during, 'factboard_sync_updates_received_total'),
    );
    expect(grew(during, 'factboard_sync_updates_stored_total')).toBeGreaterThanOrEqual(2);
    expect(grew(during, 'factboard_sync_batches_stored_total')).toBeGreaterThanOrEqual(1);
    // Each of Ada's updates went to Vic.
    expect(grew(during, 'factboard_sync_updates_broadcast_total')).toBeGreaterThanOrEqual(2);
    expect(grew(during, 'factboard_sync_acks_sent_total')).toBeGreaterThanOrEqual(1);
    expect(during.get('factboard_sync_save_failures_total')).toBe(0);

    // Refused before admission: a bad token (4401), a token for another board (4403).
    expect((await connectRaw(syncUrl(), board.id, 'not-a-token').closed).code).toBe(
      CLOSE.unauthorized,
    );
    expect((await connectRaw(syncUrl(), 'another-board', ada.token).closed).code).toBe(
      CLOSE.forbidden,
    );
    // Closed after admission: a message larger than the cap (4413).
    const tooLarge = connectRaw(syncUrl(), board.id, ada.token);
    await tooLarge.opened();
    tooLarge.send(new Uint8Array(2048));
    expect((await tooLarge.closed).code).toBe(CLOSE.tooLarge);
    viewer.destroy();
    editor.destroy();
    await waitFor(() => server.syncServer.stats().connections === 0, { what: 'all closed' });

    const after = await scrape();
    expect(after.get('factboard_sync_connections')).toBe(0);
    expect(grew(after, 'factboard_sync_connections_refused_total{code="4401"}')).toBe(1);
    expect(grew(after, 'factboard_sync_connections_refused_total{code="4403"}')).toBe(1);
    expect(grew(after, 'factboard_sync_connections_closed_total{code="4413"}')).toBe(1);
    // The provider's own ends (1000 from destroy(), or 1005/1006 as the socket went).
    const ordinary = [1000, 1005, 1006].reduce(
      (sum, code) => sum + grew(after, `factboard_sync_connections_closed_total{code="${code}"}`),
      0,
    );
    expect(ordinary).toBe(2);
    expect(grew(after, 'factboard_http_responses_total{class="2xx"}')).toBeGreaterThanOrEqual(1);
    // The pending log moves its batches into the tables within a few ms.
    await expect
      .poll(async () => (await scrape()).get('factboard_pending_log_flushes_total'))
      .toBeGreaterThan(0);
  });
});

describe('GET /metrics without FACTBOARD_METRICS_TOKEN', () => {
  it('does not exist (404), whatever the bearer', async () => {
    const server = await startTestServer({ metricsToken: null });
    try {
      for (const token of [undefined, TOKEN]) {
        const res = await request(server.url, 'GET', '/metrics', token ? { token } : {});
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      }
    } finally {
      await server.stop();
    }
  });
});
