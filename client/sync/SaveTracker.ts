/**
 * What the server has stored, per Yjs client id, and whether this doc holds anything beyond it.
 *
 * The server appends an update to storage before it applies or relays it (DESIGN §3), so three
 * things prove storage: its "saved" acknowledgment (message 100), its sync step 1 (its state
 * vector), and any update it relays to us. Every client id in the doc counts, not only this
 * tab's: edits made offline before a reload carry the previous tab's client id and arrive from
 * IndexedDB, and they are unsaved until the server has them too.
 */
import * as Y from 'yjs';

/** Where acknowledged clocks outlive a reload (localStorage in the browser). */
export interface AckStore {
  load(): ReadonlyMap<number, number>;
  save(clocks: ReadonlyMap<number, number>): void;
}

export class SaveTracker {
  private readonly acked: Map<number, number>;

  constructor(private readonly store: AckStore | null = null) {
    this.acked = new Map(store?.load() ?? []);
  }

  /** Merges clocks the server has stored; returns whether anything moved forward. */
  acknowledge(clocks: ReadonlyMap<number, number>): boolean {
    let changed = false;
    for (const [client, clock] of clocks) {
      if ((this.acked.get(client) ?? 0) < clock) {
        this.acked.set(client, clock);
        changed = true;
      }
    }
    if (changed) this.store?.save(this.acked);
    return changed;
  }

  /** An update relayed by the server: the server stored everything up to its end clocks. */
  acknowledgeUpdate(update: Uint8Array): boolean {
    return this.acknowledge(Y.parseUpdateMeta(update).to);
  }

  /** Whether every change in `doc` is known to be stored by the server. */
  isSaved(doc: Y.Doc): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      if ((this.acked.get(client) ?? 0) < clock) return false;
    }
    return true;
  }
}

/** Keeps acknowledged clocks in a Storage (localStorage) under one key. */
export function storageAckStore(storage: Storage, key: string): AckStore {
  return {
    load() {
      try {
        const raw = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
        if (!Array.isArray(raw)) return new Map();
        return new Map(
          raw.filter(
            (e): e is [number, number] =>
              Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'number',
          ),
        );
      } catch {
        return new Map();
      }
    },
    save(clocks) {
      try {
        storage.setItem(key, JSON.stringify([...clocks]));
      } catch {
        // Storage full or disabled: the tracker still works for this page's lifetime.
      }
    },
  };
}
