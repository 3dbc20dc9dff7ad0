/**
 * The browser's online/offline signal for a client BoardConnection, switched by the test with
 * `set`: the connection goes offline and comes back as it would on a real page.
 */
import type { NetworkEvents } from '../../client/sync/BoardConnection';

export function switchableNetwork(): NetworkEvents & { set(onLine: boolean): void } {
  const listeners = { online: new Set<() => void>(), offline: new Set<() => void>() };
  let online = true;
  return {
    get onLine() {
      return online;
    },
    addEventListener: (type, fn) => listeners[type].add(fn),
    removeEventListener: (type, fn) => listeners[type].delete(fn),
    set(onLine) {
      online = onLine;
      for (const fn of listeners[onLine ? 'online' : 'offline']) fn();
    },
  };
}
