/** News that arrives close together is told once (createNewsBatch), with fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNewsBatch } from '../../../client/card/createNewsBatch';

describe('createNewsBatch', () => {
  let told: (readonly number[])[];
  beforeEach(() => {
    vi.useFakeTimers();
    told = [];
  });
  afterEach(() => vi.useRealTimers());
  const batch = () =>
    createNewsBatch<number>((items) => told.push(items), { quietMs: 1000, maxMs: 5000 });

  it('tells a burst once it goes quiet, and a lone item after the same wait', () => {
    const b = batch();
    for (let i = 0; i < 30; i++) {
      b.add([i]);
      vi.advanceTimersByTime(100);
    }
    expect(told).toEqual([]);
    vi.advanceTimersByTime(900);
    expect(told).toEqual([Array.from({ length: 30 }, (_, i) => i)]);
    b.add([]); // nothing new: nothing told
    b.add([99]);
    vi.advanceTimersByTime(999);
    expect(told).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(told.at(-1)).toEqual([99]);
  });

  it('tells a stream that never goes quiet every maxMs', () => {
    const b = batch();
    for (let i = 0; i < 120; i++) {
      b.add([i]);
      vi.advanceTimersByTime(100);
    }
    expect(told.map((items) => items.length)).toEqual([50, 50]);
  });

  it('drops what waits when cleared', () => {
    const b = batch();
    b.add([1, 2]);
    b.clear();
    vi.advanceTimersByTime(10_000);
    expect(told).toEqual([]);
  });
});
