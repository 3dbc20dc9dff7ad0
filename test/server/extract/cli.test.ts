// `npm run extract -- <file>` runs the same pipeline and prints JSON.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const seed = join(root, 'test/fixtures/seed/000_90c871332769486b.txt');

async function extract(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/cli/extract.ts', ...args],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('extract CLI', () => {
  it('prints the cleaned seed article and its claims as JSON', async () => {
    const { code, stdout } = await extract(seed);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.title).toBe(
      'Fired El Salvador Prison Workers Claim Irregularities Facilitated Gang Negotiation',
    );
    expect(out.cleanText).not.toContain('share icon');
    expect(out.cleanText).not.toContain('About InSight Crime');
    expect(out.claims.length).toBeGreaterThan(15);
    const first = out.claims[0];
    expect(out.text.slice(first.start, first.end)).toBe(first.sentence);
    expect(first.rank).toBe(1);
  });

  it('reports bad input with its code and exit status 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factboard-extract-'));
    const binary = join(dir, 'photo.jpg');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    try {
      const { code, stderr } = await extract(binary);
      expect(code).toBe(1);
      expect(JSON.parse(stderr)).toMatchObject({ error: { code: 'unsupported_media' } });
      expect((await extract()).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
