/**
 * Where LostEditWatch keeps this person's writes across a reload: localStorage, one record per
 * page of the board, so that two tabs never overwrite each other's.
 */
import { isFieldRef, type OwnWrite, type OwnWriteStore } from './lostWork';
import { storeItem } from './storageRefused';

/** The keys of a board's records in `storage`: `key` itself (one record, as before) and `key.<tab>`. */
export function ownWriteKeys(storage: Storage, key: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null && (k === key || k.startsWith(`${key}.`))) keys.push(k);
  }
  return keys;
}

/**
 * Keeps the writes in a Storage (localStorage). Each page keeps its own record, `key.<tab>`, so
 * two tabs of one board never overwrite each other's; a page that opens takes over the records
 * of the pages before it (reloaded, closed, or still open: then both watch those writes), and
 * the watch saves them under its own record at once.
 */
export function storageOwnWriteStore(
  storage: Storage,
  key: string,
  tab: string = Math.random().toString(36).slice(2, 10),
): OwnWriteStore {
  const mine = `${key}.${tab}`;
  const valid = (w: Record<string, unknown>): boolean =>
    isFieldRef(w) &&
    Number.isInteger(w.client) &&
    Number.isInteger(w.clock) &&
    (typeof w.value === 'string' || w.value === null) &&
    (w.was === undefined || typeof w.was === 'string' || w.was === null) &&
    typeof w.at === 'number';
  const read = (k: string): OwnWrite[] => {
    try {
      const raw = JSON.parse(storage.getItem(k) ?? '[]') as unknown;
      const writes = Array.isArray(raw) ? (raw as Record<string, unknown>[]) : [];
      return writes.filter((w) => typeof w === 'object' && w !== null && valid(w)) as OwnWrite[];
    } catch {
      return [];
    }
  };
  return {
    load() {
      const writes: OwnWrite[] = [];
      // A storage whose every use throws (site storage blocked, or closed) holds none: the
      // watch starts empty, as on a first visit, rather than the board page failing to open.
      try {
        for (const k of ownWriteKeys(storage, key)) {
          writes.push(...read(k));
          if (k !== mine) storage.removeItem(k);
        }
      } catch {
        // What was read before it threw is kept.
      }
      return writes;
    },
    save(writes) {
      // Refused (storage full or disabled): the watch still works for this page's lifetime.
      storeItem(storage, mine, JSON.stringify(writes));
    },
  };
}
