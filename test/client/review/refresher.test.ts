import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefresher } from '../../../client/history/refresher';

const TIMING = { soon: 400, maxWait: 2_000, settled: 2_500 };

describe('createRefresher (history refetch timing)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads once soon after a burst of changes, and once more when settled', () => {
    const load = vi.fn();
    const r = createRefresher(load, TIMING);
    for (let i = 0; i < 5; i++) {
      r.changed();
      vi.advanceTimersByTime(100);
    }
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_500);
    expect(load).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('still loads every maxWait while changes never stop', () => {
    const load = vi.fn();
    const r = createRefresher(load, TIMING);
    for (let t = 0; t < 6_000; t += 200) {
      r.changed();
      vi.advanceTimersByTime(200);
    }
    // About one load per maxWait + soon, none from "settled" (changes kept coming).
    expect(load.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(load.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('loads nothing after dispose', () => {
    const load = vi.fn();
    const r = createRefresher(load, TIMING);
    r.changed();
    r.dispose();
    vi.advanceTimersByTime(10_000);
    expect(load).not.toHaveBeenCalled();
  });
});
