/**
 * throttleLog (server/sync/throttleLog.ts) on its own, with a clock the test moves: budgets by
 * level, counts carried to the next line, and a bounded memory that loses no count.
 */
import { describe, expect, it } from 'vitest';
import { throttleLog } from '../../../server/sync/throttleLog';
import type { SyncLogLevel } from '../../../server/sync/syncLog';

function recorded(maxKeys?: number) {
  const lines: Record<string, unknown>[] = [];
  const clock = { t: 0 };
  const log = throttleLog(
    (level: SyncLogLevel, event: string, fields = {}) => lines.push({ level, event, ...fields }),
    () => clock.t,
    maxKeys,
  );
  return { lines, clock, log };
}

describe('throttleLog', () => {
  it('writes one info line a second per key, then the count of those held back', () => {
    const { lines, clock, log } = recorded();
    for (let i = 0; i < 50; i++) log('401 a', 'info', 'refused', { n: i });
    log('401 b', 'info', 'refused', { n: 'b' });
    log('403 a', 'info', 'refused', { n: 'c' });
    log('401 a', 'info', 'other event', { n: 'd' });
    expect(lines.map((l) => l['n'])).toEqual([0, 'b', 'c', 'd']);
    clock.t += 1000;
    log('401 a', 'info', 'refused', { n: 50 });
    log('401 a', 'info', 'refused', { n: 51 });
    expect(lines.at(-1)).toEqual({ level: 'info', event: 'refused', n: 50, suppressed: 49 });
    clock.t += 1000;
    log('401 a', 'info', 'refused', { n: 52 });
    expect(lines.at(-1)).toEqual({ level: 'info', event: 'refused', n: 52, suppressed: 1 });
  });

  it('gives warnings and errors ten lines a second per key', () => {
    const { lines, log } = recorded();
    for (let i = 0; i < 100; i++) log('a', 'error', 'failed');
    for (let i = 0; i < 100; i++) log('a', 'warn', 'answered 500');
    expect(lines.length).toBe(20);
  });

  it('remembers at most maxKeys keys, writing the count of a key it forgets', () => {
    const { lines, clock, log } = recorded(3);
    for (const key of ['a', 'a', 'a', 'b', 'c']) log(key, 'info', 'refused', { key });
    // Full, all within the second: the oldest key goes, its two held-back lines counted.
    log('d', 'info', 'refused', { key: 'd' });
    expect(lines.slice(-2)).toEqual([
      { level: 'info', event: 'refused', key: 'a', suppressed: 2 },
      { level: 'info', event: 'refused', key: 'd' },
    ]);
    for (const key of ['b', 'c']) log(key, 'info', 'refused', { key });
    // A second later every window is over: all go at once, each count written.
    clock.t += 1000;
    log('e', 'info', 'refused', { key: 'e' });
    expect(lines.slice(-3)).toEqual([
      { level: 'info', event: 'refused', key: 'b', suppressed: 1 },
      { level: 'info', event: 'refused', key: 'c', suppressed: 1 },
      { level: 'info', event: 'refused', key: 'e' },
    ]);
  });
});
