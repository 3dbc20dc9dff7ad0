/**
 * tailCauses: which of a latency run's slowest deliveries met a collection or a late event
 * loop in the server, and how often the loop ran late inside and outside the server's slices.
 */
import { describe, expect, it } from 'vitest';
import { tailCauses } from '../../bench/sync/tailCauses';

describe('tailCauses', () => {
  // 400 deliveries, one every 10 ms from t = 0, each 1 ms; the slowest 1 % are four of them.
  const samples = Array.from({ length: 400 }, () => 1);
  const sentAt = samples.map((_, i) => i * 10);
  const slow = (i: number, ms: number) => {
    samples[i] = ms;
  };
  slow(10, 8); // sent at 100, arrives at 108: a collection from 103 to 106
  slow(20, 9); // 200 → 209: a late loop at 204
  slow(30, 7); // 300 → 307: a collection and a late loop: counted as the collection
  slow(40, 6); // 400 → 406: nothing

  const pauses = {
    gc: [
      [103, 3],
      [302, 2],
      [2_000, 5], // long after: meets none of them
    ] as const,
    late: [
      [204, 3],
      [301, 4],
      [1_000, 5], // in the slice, after the slow ones
      [3_500, 3], // outside the slice
      [3_600, 5], // outside the slice
    ] as const,
  };

  it('sorts the slowest 1 % by what they met, a collection first', () => {
    const t = tailCauses(samples, sentAt, pauses, [[0, 2_000]], [0, 4_000]);
    expect(t.slowest).toBe(4);
    expect([t.gc, t.late, t.neither]).toEqual([0.5, 0.25, 0.25]);
  });

  it('counts late loops per second inside and outside the server’s own slices', () => {
    const t = tailCauses(samples, sentAt, pauses, [[0, 2_000]], [0, 4_000]);
    expect(t.loaded).toEqual({ perSecond: 1.5, p50: 4 });
    expect(t.idle).toEqual({ perSecond: 1, p50: 3 });
  });

  it('leaves out what came before or after the measured run', () => {
    const t = tailCauses(samples, sentAt, pauses, [[0, 2_000]], [0, 3_000]);
    expect(t.idle.perSecond).toBe(0);
  });
});
