/**
 * The page's Idempotency-Keys (client/app/retryKeys): one request keeps its key until it is
 * answered for good, and what is kept for it is its SHA-256, not its text. An article or a
 * board file is megabytes, and a key given up on (a stalled upload the person left) stays for
 * the page's life: kept by the text, 8 such requests of 4 MB held 32 MB.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { retryKey } from '../../../client/app/retryKeys';

describe('retryKey', () => {
  it('gives a request the same key until it is answered for good, another request another', async () => {
    const first = await retryKey('POST /api/boards/b1/articles {"text":"Crime fell."}');
    const again = await retryKey('POST /api/boards/b1/articles {"text":"Crime fell."}');
    expect(first.key).toMatch(/^[a-z0-9]{16}$/);
    expect(again.key).toBe(first.key);
    const other = await retryKey('POST /api/boards/b1/articles {"text":"Crime rose."}');
    expect(other.key).not.toBe(first.key);

    // No answer, a 507 or a 5xx: the request may be sent again, with the same key.
    for (const status of [0, 503, 507]) {
      again.answered(status);
      expect((await retryKey('POST /api/boards/b1/articles {"text":"Crime fell."}')).key).toBe(
        first.key,
      );
    }
    // Refused because the first is still being answered: it may yet make its change.
    again.answered(409, 'idempotency_key_in_use');
    expect((await retryKey('POST /api/boards/b1/articles {"text":"Crime fell."}')).key).toBe(
      first.key,
    );
    // Answered for good (a success, a refusal): the same request again is a new one.
    first.answered(201);
    const next = await retryKey('POST /api/boards/b1/articles {"text":"Crime fell."}');
    expect(next.key).not.toBe(first.key);
    next.answered(413);
    expect((await retryKey('POST /api/boards/b1/articles {"text":"Crime fell."}')).key).not.toBe(
      next.key,
    );
  });

  it('keeps a request by its hash, not its megabytes of text', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    for (let i = 0; i < 8; i++) {
      // Stalled, never answered: kept for good.
      await retryKey(`POST /api/boards/import ${i} ${'x'.repeat(4_000_000)}`);
    }
    expect(heap() - before).toBeLessThan(4_000_000);
  });
});
