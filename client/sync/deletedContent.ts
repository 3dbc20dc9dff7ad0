/**
 * Reading what a transaction deleted, from the transaction's own observers: Yjs keeps a deleted
 * item's content until the transaction's cleanup (its garbage collection), so a card deleted in
 * it still has its claim and evidence there, and so does any live item.
 */
import * as Y from 'yjs';

/** A map's text value under `key`, deleted or not: null when it holds no text. */
export function deletedText(map: Y.AbstractType<unknown> | null, key: string): string | null {
  const content = map instanceof Y.Map ? map._map.get(key)?.content : null;
  const value: unknown = content instanceof Y.ContentAny ? content.arr[0] : null;
  return typeof value === 'string' ? value : null;
}
