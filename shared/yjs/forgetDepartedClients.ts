/**
 * Makes a y-protocols Awareness forget the clients that left. Its `meta` keeps each client id's
 * clock for good once seen, so that a late update from a client whose state was removed cannot
 * bring it back: a room held open for weeks (the server's, or a page's) grew by one entry for
 * every visitor, 201 after 200 visits. Here an id is forgotten once its state has been gone for
 * `afterMs`, which can no longer matter when that is longer than y-protocols' own timeout: a
 * late update can come only from a peer still holding the state, and every peer drops a state
 * 30 s after its last renewal (checked every 3 s), so 60 s after the removal no peer holds it.
 * (One that came anyway would show the client until that timeout, or until the connection
 * relaying it closes, on the server only the client's own.)
 *
 * It sweeps at every update the awareness emits, with no timer of its own: the local client
 * renews its state every 15 s, and the server's connections each renew theirs as often. An id
 * gone without an event (a null state for an id never seen, which y-protocols records silently)
 * is counted as gone from the first sweep that finds it.
 */
import { type Awareness, outdatedTimeout } from 'y-protocols/awareness';

/** How long a departed client's clock is kept: twice the time any peer may still show it. */
export const FORGET_DEPARTED_MS = 2 * outdatedTimeout;

interface AwarenessChange {
  readonly removed: readonly number[];
}

export function forgetDepartedClients(awareness: Awareness, afterMs = FORGET_DEPARTED_MS): void {
  const goneSince = new Map<number, number>();
  awareness.on('update', ({ removed }: AwarenessChange) => {
    const now = Date.now();
    for (const id of removed) if (!goneSince.has(id)) goneSince.set(id, now);
    for (const id of awareness.meta.keys()) {
      if (id === awareness.clientID) continue;
      if (awareness.states.has(id)) {
        goneSince.delete(id);
        continue;
      }
      const since = goneSince.get(id);
      if (since === undefined) goneSince.set(id, now);
      else if (now - since >= afterMs) {
        awareness.meta.delete(id);
        goneSince.delete(id);
      }
    }
  });
}
