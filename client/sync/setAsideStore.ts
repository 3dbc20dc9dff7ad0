/**
 * The changes the server refused, kept on this device until the person dismisses them: they
 * outlive a reload and the removal of the board's device copy (forgetBoardData leaves them),
 * so the text can still be copied after that copy has gone. Forget removes them with the rest
 * (forgetBoardEntirely).
 */
import type { UnsavedChange } from './unsavedWork';
import { storeItem } from './storageRefused';

export interface SetAsideStore {
  load(): UnsavedChange[];
  save(changes: readonly UnsavedChange[]): void;
}

/** Adds `more` to `kept`; a change to the same thing replaces the older entry. */
export function mergeSetAside(
  kept: readonly UnsavedChange[],
  more: readonly UnsavedChange[],
): UnsavedChange[] {
  const keys = new Set(more.map((c) => c.key));
  return [...kept.filter((c) => !keys.has(c.key)), ...more];
}

/**
 * Whether a refused change is of one of these comments (its key is `comment:<id>`, or
 * `comment:<id>:<what>`: unsavedWork): its text, and the words its description quotes.
 */
export function changeOfComments(change: UnsavedChange, ids: ReadonlySet<string>): boolean {
  const [kind, id] = change.key.split(':');
  return kind === 'comment' && id !== undefined && ids.has(id);
}

/** Keeps the list in a Storage (localStorage) under one key; an empty list removes the key. */
export function storageSetAsideStore(storage: Storage, key: string): SetAsideStore {
  const isChange = (v: unknown): v is UnsavedChange => {
    const c = v as Partial<UnsavedChange> | null;
    const where = c?.comment;
    return (
      typeof c?.key === 'string' &&
      typeof c.what === 'string' &&
      (c.text === null || typeof c.text === 'string') &&
      (where === undefined ||
        (typeof where.cardId === 'string' &&
          (where.parentId === null || typeof where.parentId === 'string'))) &&
      (c.edit === undefined || typeof c.edit.commentId === 'string') &&
      (c.cardId === undefined || typeof c.cardId === 'string') &&
      (c.cardIds === undefined ||
        (Array.isArray(c.cardIds) && c.cardIds.every((id) => typeof id === 'string')))
    );
  };
  return {
    load() {
      try {
        const raw: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(raw) ? raw.filter(isChange).map((c) => Object.freeze(c)) : [];
      } catch {
        return [];
      }
    },
    save(changes) {
      // Refused (storage full or disabled): the list stays on this page until it goes.
      storeItem(storage, key, changes.length === 0 ? null : JSON.stringify(changes));
    },
  };
}
