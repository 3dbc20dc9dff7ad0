/**
 * Refusals and failures come in floods when a client loops (a bad token retried, a removed
 * board reopened, a request that fails every time), and a line each would fill the disk. A
 * throttled log writes at most a few lines a second per key (the event and what the caller
 * names: status or close code, client address); the lines it holds back are counted and
 * written as `suppressed` on the next line for that key.
 *
 * Budgets go by level. info and debug (a 4xx, a refused connection): one line a second per
 * key, since one such line says all there is. warn and error (a 5xx, an unexpected failure)
 * matter more and may differ from one to the next, yet a loop that fails every time floods as
 * well: ten lines a second per key, enough to see what is going on.
 *
 * Memory stays bounded: at most `maxKeys` keys are remembered. When full, keys whose second is
 * over are forgotten (their held-back count written first, so no count is lost), and failing
 * that the oldest key.
 */
import type { SyncLog, SyncLogLevel } from './syncLog';

export type ThrottledLog = (
  key: string,
  level: SyncLogLevel,
  event: string,
  fields?: Record<string, unknown>,
) => void;

const WINDOW_MS = 1000;

function linesPerWindow(level: SyncLogLevel): number {
  return level === 'error' || level === 'warn' ? 10 : 1;
}

interface KeyWindow {
  start: number;
  written: number;
  suppressed: number;
  /** The latest line held back: what the count is written with if the key is forgotten. */
  held: { level: SyncLogLevel; event: string; fields: Record<string, unknown> } | null;
}

export function throttleLog(
  log: SyncLog,
  now: () => number = Date.now,
  maxKeys = 10_000,
): ThrottledLog {
  /** In the order their windows began (a new window moves its key to the end). */
  const windows = new Map<string, KeyWindow>();
  let sweptAt = -Infinity;

  function forget(key: string, w: KeyWindow): void {
    windows.delete(key);
    if (w.held && w.suppressed > 0) {
      log(w.held.level, w.held.event, { ...w.held.fields, suppressed: w.suppressed });
    }
  }

  function makeRoom(t: number): void {
    // Oldest first, a sweep stops at the first key whose second is not over; once a second at
    // most, so that a flood of new keys, all within the second, costs one eviction each.
    if (t - sweptAt >= WINDOW_MS) {
      sweptAt = t;
      for (const [key, w] of windows) {
        if (t - w.start < WINDOW_MS) break;
        forget(key, w);
      }
    }
    if (windows.size < maxKeys) return;
    const [oldest] = windows;
    if (oldest) forget(...oldest);
  }

  return (key, level, event, fields = {}) => {
    const t = now();
    const fullKey = `${event}\u0000${key}`;
    let w = windows.get(fullKey);
    if (!w || t - w.start >= WINDOW_MS) {
      if (!w && windows.size >= maxKeys) makeRoom(t);
      windows.delete(fullKey);
      w = { start: t, written: 0, suppressed: w?.suppressed ?? 0, held: w?.held ?? null };
      windows.set(fullKey, w);
    }
    if (w.written >= linesPerWindow(level)) {
      w.suppressed++;
      w.held = { level, event, fields };
      return;
    }
    w.written++;
    const suppressed = w.suppressed;
    w.suppressed = 0;
    w.held = null;
    log(level, event, suppressed > 0 ? { ...fields, suppressed } : fields);
  };
}
