import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticClient } from '../../../server/http/staticClient';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { errorCode, request } from '../../helpers/http/request';

let dir: string;
const BIG_SCRIPT = 'console.log("a line of the client’s script");\n'.repeat(4_000);
let server: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factboard-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Factboard</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'big-def456.js'), BIG_SCRIPT);
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  server = await startTestServer({}, { client: staticClient(dir) });
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('static client', () => {
  it.each(['/', '/b/someboard', '/b/someboard/anything'])(
    'serves index.html at %s',
    async (path) => {
      const res = await request(server.url, 'GET', path);
      expect(res.status).toBe(200);
      expect(res.body).toContain('<title>Factboard</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('answers a board address with a malformed percent-encoding with 400, not a 500', async () => {
    const res = await request(server.url, 'GET', '/b/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('invalid_input');
  });

  it('caches hashed assets for a year and other files not at all', async () => {
    const asset = await request(server.url, 'GET', '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const icon = await request(server.url, 'GET', '/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('gzips hashed scripts for a browser that takes it: a third of the bytes on a slow link', async () => {
    const gzipped = await request(server.url, 'GET', '/assets/big-def456.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(gzipped.headers.get('cache-control')).toContain('immutable');
    expect(gzipped.headers.get('content-type')).toContain('javascript');
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(BIG_SCRIPT.length / 3);
    expect(gzipped.body).toBe(BIG_SCRIPT);
    const plain = await request(server.url, 'GET', '/assets/big-def456.js', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.body).toBe(BIG_SCRIPT);
    const missing = await request(server.url, 'GET', '/assets/none-000.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(missing.status).toBe(404);
  });

  it('keeps no answer for an asset asked before it existed: built later, it is sent gzipped', async () => {
    const gzip = { headers: { 'accept-encoding': 'gzip' } };
    expect((await request(server.url, 'GET', '/assets/late-789abc.js', gzip)).status).toBe(404);
    writeFileSync(join(dir, 'assets', 'late-789abc.js'), BIG_SCRIPT);
    const late = await request(server.url, 'GET', '/assets/late-789abc.js', gzip);
    expect(late.status).toBe(200);
    expect(late.headers.get('content-encoding')).toBe('gzip');
    expect(late.body).toBe(BIG_SCRIPT);
  });

  it('answers other paths with a JSON 404, and API paths are not shadowed', async () => {
    const res = await request(server.url, 'GET', '/elsewhere');
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('not_found');
    const health = await request(server.url, 'GET', '/healthz');
    expect(health.body).toEqual({ ok: true });
  });

  it('is absent when dist/ has not been built', () => {
    expect(staticClient(join(dir, 'nothing-here'))).toBeNull();
  });
});

describe('security headers', () => {
  it('are on pages and API responses alike', async () => {
    for (const path of ['/', '/healthz', '/api/boards/x']) {
      const res = await request(server.url, 'GET', path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      const host = new URL(server.url).host;
      expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('do not echo a hostile Host header into the policy', async () => {
    const { request: raw } = await import('node:http');
    const csp = await new Promise<string>((resolve, reject) => {
      const req = raw(
        server.url + '/healthz',
        { headers: { host: 'evil; script-src *' } },
        (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(csp).not.toContain('evil');
    expect(csp).toContain("connect-src 'self';");
  });

  it("let the page run index.html's inline script by its hash, no other, and a rebuilt one's at once", async () => {
    const index = join(dir, 'index.html');
    const built = readFileSync(index, 'utf8');
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const page = (script: string) =>
      `<!doctype html><title>Factboard</title><script>${script}</script>` +
      '<script type="module" src="/assets/index-abc123.js"></script>';
    const policyOf = async (path: string) =>
      (await request(server.url, 'GET', path)).headers.get('content-security-policy') ?? '';
    const [dark, light] = ["dataset.theme = 'dark';", "dataset.theme = 'light';"];
    try {
      writeFileSync(index, page(dark));
      expect(await policyOf('/b/someboard')).toContain(`script-src 'self' ${hash(dark)};`);
      // Not an API answer's: no page runs there.
      expect(await policyOf('/healthz')).toContain("script-src 'self';");
      writeFileSync(index, page(light));
      const rebuilt = await policyOf('/');
      expect(rebuilt).toContain(`script-src 'self' ${hash(light)};`);
      expect(rebuilt).not.toContain(hash(dark));
    } finally {
      writeFileSync(index, built);
    }
  });
});
