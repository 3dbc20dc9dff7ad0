/**
 * Gathers news that arrives close together into one batch, handed over once it goes quiet: a
 * colleague's burst of changes to the open card (30 in 3 s, measured on a 600-card board) is
 * then told once instead of thirty times. `quietMs` after the latest news, or `maxMs` after the
 * first of the batch if the news never stops, so a steady stream is still heard now and then.
 */
export interface NewsBatch<T> {
  add(items: readonly T[]): void;
  /** Drops what is waiting (the card closed, or another one opened). */
  clear(): void;
}

const NEWS_QUIET_MS = 800;
const NEWS_MAX_MS = 8000;

export function createNewsBatch<T>(
  tell: (items: readonly T[]) => void,
  { quietMs = NEWS_QUIET_MS, maxMs = NEWS_MAX_MS } = {},
): NewsBatch<T> {
  let waiting: T[] = [];
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let cap: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    clearTimeout(quiet);
    clearTimeout(cap);
    quiet = cap = undefined;
    waiting = [];
  };
  const flush = () => {
    const items = waiting;
    clear();
    tell(items);
  };
  return {
    add(items) {
      if (items.length === 0) return;
      waiting.push(...items);
      clearTimeout(quiet);
      quiet = setTimeout(flush, quietMs);
      cap ??= setTimeout(flush, maxMs);
    },
    clear,
  };
}
