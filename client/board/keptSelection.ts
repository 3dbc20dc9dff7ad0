/**
 * The selection of cards (cardSelection) kept in this tab's sessionStorage, per board, so a
 * reload does not lose it: card ids only, nothing of the cards. The board shown again puts
 * back the ids still on it (useKeptSelection); an action on the selection (Move, Give, Delete)
 * or clearing it drops what was kept, and Forget removes it (forgetBoardEntirely).
 *
 * A selection is a convenience, not work: where sessionStorage is blocked (reading it throws
 * SecurityError) or full, it is simply not kept, and nothing is said. It is not noted as a
 * refused key either (storeItem): the storage-full line names what is lost, and a selection
 * is not worth a line.
 */
export interface KeptSelection {
  /** The ids kept, in the order they were selected; none when nothing was, or it will not read. */
  load(): string[];
  /** Keeps these ids; none: what was kept goes. */
  save(ids: Iterable<string>): void;
}

export function storageKeptSelection(
  /** Read as used: where site storage is blocked, reading window.sessionStorage throws. */
  storage: () => Storage | null,
  key: string,
): KeptSelection {
  return {
    load() {
      try {
        const value = JSON.parse(storage()?.getItem(key) ?? '[]') as unknown;
        return Array.isArray(value)
          ? value.filter((id): id is string => typeof id === 'string')
          : [];
      } catch {
        return [];
      }
    },
    save(ids) {
      try {
        const store = storage();
        const list = [...ids];
        if (list.length > 0) store?.setItem(key, JSON.stringify(list));
        else store?.removeItem(key);
      } catch {
        // Blocked or full: the selection lives in the page alone (see above), and an older
        // one kept is not put back by a reload either.
        try {
          storage()?.removeItem(key);
        } catch {
          return;
        }
      }
    },
  };
}
