/**
 * Whether this browser's own changes to a board are stored on the server.
 *
 * "Own" means every Yjs client id this browser has written the board with, not only this
 * tab's: edits made offline before a reload carry the previous tab's client id and come back
 * from IndexedDB, and they stay unsaved until the server has them. Colleagues' changes are
 * theirs to worry about, so the tracker never looks at their client ids.
 *
 * The server appends an update to storage before it applies or relays it (DESIGN §3), so two
 * things prove storage: its "saved" acknowledgment (message 100) and its sync step 1 (its
 * state vector, which covers edits an earlier tab already had acknowledged).
 *
 * Clocks cannot show a delete-only change (removing a card adds no struct, so no clock moves).
 * Every local change therefore also marks the record unconfirmed, and only an acknowledgment
 * that counts every write message sent on its socket confirms it (shared/protocol/messages.ts):
 * a change made while connected went out in one of those messages, and one made offline goes
 * out in the sync step 2 that answers the server's step 1 on the next socket, before any ack.
 * Until then the record also keeps what those changes removed (cards, evidence items), so a
 * refusal can name it (removalsIn).
 */
import * as Y from 'yjs';
import { type BulkNote, isBulkNote } from './bulkNotes';
import { isRemoval, type Removal } from './removalsIn';
import { storeItem } from './storageRefused';

/** The removals kept at most: the latest ones, for localStorage's sake. */
const KEPT_REMOVALS = 200;

/**
 * The bulk commands kept at most, the latest: each holds at most BULK_LIMIT (1,000) card ids,
 * about 19 KB of JSON with newId's 16-character ids (100 KB with the longest ids allowed).
 */
const KEPT_BULK = 20;

/** What outlives a reload (localStorage in the browser). */
export interface SaveRecord {
  /** Client id → clock up to which the server has stored that client's updates. */
  readonly acked: ReadonlyMap<number, number>;
  /** The client ids this browser has written this board with. */
  readonly own: ReadonlySet<number>;
  /** A local change may not be stored yet, whatever the clocks say (a delete moves none). */
  readonly unconfirmed: boolean;
  /** What the unconfirmed local changes removed from the board, oldest first. */
  readonly removed?: readonly Removal[];
  /** The commands on several cards among them (bulkNotes), oldest first. */
  readonly bulk?: readonly BulkNote[];
}

export interface AckStore {
  load(): SaveRecord;
  save(record: SaveRecord): void;
}

export class SaveTracker {
  private readonly acked: Map<number, number>;
  private readonly own: Set<number>;
  private unconfirmed: boolean;
  private removed: readonly Removal[];
  private bulk: readonly BulkNote[];
  /** An earlier page of this browser left local changes not confirmed stored (offline, say). */
  readonly leftUnconfirmed: boolean;

  constructor(private readonly store: AckStore | null = null) {
    const record = store?.load();
    this.acked = new Map(record?.acked ?? []);
    this.own = new Set(record?.own ?? []);
    this.unconfirmed = record?.unconfirmed ?? false;
    this.leftUnconfirmed = this.unconfirmed;
    this.removed = record?.removed ?? [];
    this.bulk = record?.bulk ?? [];
  }

  /**
   * Merges clocks the server has stored; `allWrites`: the acknowledgment also counts every
   * write message sent on its socket, which confirms every local change. Returns whether
   * anything moved forward.
   */
  acknowledge(clocks: ReadonlyMap<number, number>, { allWrites }: { allWrites: boolean }): boolean {
    let changed = allWrites && this.unconfirmed;
    if (allWrites) {
      this.unconfirmed = false;
      this.removed = [];
      this.bulk = [];
    }
    for (const [client, clock] of clocks) {
      if (this.own.has(client) && (this.acked.get(client) ?? 0) < clock) {
        this.acked.set(client, clock);
        changed = true;
      }
    }
    if (changed) this.persist();
    return changed;
  }

  /**
   * Records that this browser changed the doc with `clientId` (call on every local change),
   * and what the change removed; a command on several cards is kept as one note, its
   * deletions in it rather than card by card.
   */
  noteLocalWrite(
    clientId: number,
    removed: readonly Removal[] = [],
    bulk: BulkNote | null = null,
  ): void {
    if (this.own.has(clientId) && this.unconfirmed && removed.length === 0 && !bulk) return;
    this.own.add(clientId);
    this.unconfirmed = true;
    const deleted = new Set(bulk?.command === 'deleteCards' ? bulk.cardIds : []);
    const kept = removed.filter((r) => !(r.evidenceId === null && deleted.has(r.cardId)));
    if (kept.length > 0) this.removed = [...this.removed, ...kept].slice(-KEPT_REMOVALS);
    if (bulk) this.bulk = [...this.bulk, bulk].slice(-KEPT_BULK);
    this.persist();
  }

  /** The commands on several cards among the local changes not yet confirmed stored. */
  unconfirmedBulk(): readonly BulkNote[] {
    return this.bulk;
  }

  /** What the local changes not yet confirmed stored removed from the board. */
  unconfirmedRemovals(): readonly Removal[] {
    return this.removed;
  }

  /**
   * Forgets what the unconfirmed changes removed of these comments (the start of their text):
   * a lead redacted their words, which a refusal's list will not quote (it names the deletion).
   */
  forgetComments(ids: ReadonlySet<string>): void {
    const kept = this.removed.filter((r) => r.commentId === undefined || !ids.has(r.commentId));
    if (kept.length === this.removed.length) return;
    this.removed = kept;
    this.persist();
  }

  /** Whether the server is known to have stored the write with this Yjs id. */
  isStored(client: number, clock: number): boolean {
    return (this.acked.get(client) ?? 0) > clock;
  }

  /** Whether `doc` holds changes of another tab of this browser not known to be stored. */
  awaitsOtherTabs(doc: Y.Doc): boolean {
    for (const client of this.own) {
      if (client !== doc.clientID && (this.acked.get(client) ?? 0) < Y.getState(doc.store, client))
        return true;
    }
    return false;
  }

  /** Whether every change this browser made to `doc` is known to be stored by the server. */
  isSaved(doc: Y.Doc): boolean {
    if (this.unconfirmed) return false;
    for (const client of this.own) {
      if ((this.acked.get(client) ?? 0) < Y.getState(doc.store, client)) return false;
    }
    return true;
  }

  /**
   * This browser's writes to `doc` the server is not known to have: each own client id with
   * the first clock it lacks (what the server refused, when it refuses this browser).
   */
  unstoredFrom(doc: Y.Doc): Map<number, number> {
    const from = new Map<number, number>();
    for (const client of this.own) {
      const acked = this.acked.get(client) ?? 0;
      if (acked < Y.getState(doc.store, client)) from.set(client, acked);
    }
    return from;
  }

  private persist(): void {
    const { acked, own, unconfirmed, removed, bulk } = this;
    this.store?.save({ acked, own, unconfirmed, removed, bulk });
  }
}

/** Keeps the record in a Storage (localStorage) under one key. */
export function storageAckStore(storage: Storage, key: string): AckStore {
  const pairs = (v: unknown): [number, number][] =>
    Array.isArray(v)
      ? v.filter(
          (e): e is [number, number] =>
            Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'number',
        )
      : [];
  const numbers = (v: unknown): number[] =>
    Array.isArray(v) ? v.filter((e): e is number => typeof e === 'number') : [];
  return {
    load() {
      try {
        const raw = JSON.parse(storage.getItem(key) ?? '{}') as Record<string, unknown>;
        return {
          acked: new Map(pairs(raw.acked)),
          own: new Set(numbers(raw.own)),
          unconfirmed: raw.unconfirmed === true,
          removed: Array.isArray(raw.removed) ? raw.removed.filter(isRemoval) : [],
          bulk: Array.isArray(raw.bulk) ? raw.bulk.filter(isBulkNote) : [],
        };
      } catch {
        return { acked: new Map(), own: new Set(), unconfirmed: false };
      }
    },
    save(record) {
      const { acked, own, unconfirmed, removed, bulk } = record;
      // Refused (storage full or disabled): the tracker still works for this page's lifetime.
      storeItem(
        storage,
        key,
        JSON.stringify({ acked: [...acked], own: [...own], unconfirmed, removed, bulk }),
      );
    },
  };
}
