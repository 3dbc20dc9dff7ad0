/**
 * When to refetch history after the board changed: soon after a burst of changes ends
 * (debounced, but at least every `maxWait` while changes keep coming, so a busy board's feed
 * still moves), and once more when things have settled, since the server records a change
 * when it stores it, a moment after the local user already sees their own edit.
 */
export interface RefreshTiming {
  readonly soon: number;
  readonly maxWait: number;
  readonly settled: number;
}

export const REFRESH_TIMING: RefreshTiming = { soon: 400, maxWait: 2_000, settled: 2_500 };

export interface Refresher {
  changed(): void;
  dispose(): void;
}

export function createRefresher(load: () => void, timing = REFRESH_TIMING): Refresher {
  let soon: ReturnType<typeof setTimeout> | undefined;
  let settled: ReturnType<typeof setTimeout> | undefined;
  let waitingSince = 0;
  return {
    changed() {
      const now = Date.now();
      if (soon === undefined) waitingSince = now;
      if (soon === undefined || now - waitingSince < timing.maxWait) {
        clearTimeout(soon);
        soon = setTimeout(() => {
          soon = undefined;
          load();
        }, timing.soon);
      }
      clearTimeout(settled);
      settled = setTimeout(load, timing.settled);
    },
    dispose() {
      clearTimeout(soon);
      clearTimeout(settled);
    },
  };
}
