/**
 * Runs `fn` with the doc's 'update' listeners detached.
 *
 * Yjs re-encodes every transaction as an update before it calls 'update' listeners, and does so
 * whenever one is attached (the WebsocketProvider and y-indexeddb always are). For the first
 * sync of a large board that re-encoding of what just arrived is a quarter of the time to the
 * first painted card: measured in Chromium on a 10,000-card board (17 MB), 249 ms of 1.9 s,
 * and the provider ignores the result anyway (the update came from it). The caller takes over
 * what the listeners would have done. The server loads a stored board the same way: its
 * listener only forwards what clients send.
 *
 * Yjs checks `doc._observers.has('update')` (lib0's Observable) before encoding; this swaps that
 * entry out and back, so listeners attached meanwhile are kept as well.
 */
import type * as Y from 'yjs';

type Listeners = Map<string, Set<unknown>>;

export function withoutUpdateEvents<T>(doc: Y.Doc, fn: () => T): T {
  const reattach = detachUpdateEvents(doc);
  try {
    return fn();
  } finally {
    reattach();
  }
}

/**
 * Detaches the doc's 'update' listeners until the returned function is called, for a change
 * that does not run inside one call (y-indexeddb's load, in a promise callback of its own).
 */
export function detachUpdateEvents(doc: Y.Doc): () => void {
  const observers = (doc as unknown as { _observers: Listeners })._observers;
  const detached = observers.get('update');
  observers.delete('update');
  return () => {
    const attached = observers.get('update');
    if (detached) {
      for (const listener of attached ?? []) detached.add(listener);
      observers.set('update', detached);
    }
  };
}
