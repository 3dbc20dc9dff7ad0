/**
 * Makes a y-protocols Awareness forget the clients that left. Its `meta` keeps each client id's
 * clock for good once seen, so that a late update from a client whose state was removed cannot
 * bring it back: a room held open for weeks (the server's, or a page's) grew by one entry for
 * every visitor, 201 after 200 visits. Here an id is forgotten once its state has been gone for
 * `afterMs`, which can no longer matter when that is longer than y-protocols' own timeout: a
 * late update can come only from a peer still holding the state, and every peer drops a state
 * 30 s after its last renewal (checked every 3 s), so 60 s after the removal no peer holds it.
 * (One arriving anyway would show the client again until that timeout, or on the server until
 * the connection that sent it closes.)
 *
 * It sweeps at every update the awareness emits, with no timer of its own: the local client
 * renews its state every 15 s, and the server's connections each renew theirs as often. A sweep
 * costs the ids it forgets, not the ids it keeps: those gone are kept in the order they went. An
 * id gone without an event (a null state for an id never shown, which y-protocols records
 * silently) is counted as gone from the first sweep that finds it.
 */
import { type Awareness, outdatedTimeout } from 'y-protocols/awareness';

/** How long a departed client's clock is kept: twice the time any peer may still show it. */
export const FORGET_DEPARTED_MS = 2 * outdatedTimeout;

interface AwarenessChange {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}

export function forgetDepartedClients(awareness: Awareness, afterMs = FORGET_DEPARTED_MS): void {
  // The ids whose state is gone, each with when, in the order they went (a Map keeps it).
  const goneSince = new Map<number, number>();
  const own = awareness.clientID;
  awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
    const now = Date.now();
    for (const id of added) goneSince.delete(id);
    for (const id of updated) goneSince.delete(id);
    for (const id of removed) if (id !== own && !goneSince.has(id)) goneSince.set(id, now);
    // Every id in meta is its own, shown (states), or gone: any other was recorded silently.
    const ownGone = awareness.meta.has(own) && !awareness.states.has(own) ? 1 : 0;
    if (awareness.meta.size > awareness.states.size + goneSince.size + ownGone) {
      for (const id of awareness.meta.keys()) {
        if (id !== own && !awareness.states.has(id) && !goneSince.has(id)) goneSince.set(id, now);
      }
    }
    for (const [id, since] of goneSince) {
      if (now - since < afterMs) break;
      goneSince.delete(id);
      if (!awareness.states.has(id)) awareness.meta.delete(id);
    }
  });
}
