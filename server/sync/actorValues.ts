/**
 * Reading the plain values an update sets, and the actor values among them ({id, name}: who
 * created a card, added evidence, wrote a comment), for the write policy.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';

/**
 * The plain value an item sets (one per key for a map), or undefined for anything else: a
 * shared type, or a value set and replaced within the update, which travels as deleted content
 * and holds nothing.
 */
export const valueOf = (item: Y.Item): unknown =>
  item.content instanceof Y.ContentAny ? item.content.arr[item.content.arr.length - 1] : undefined;

/** Whether a stored actor value names exactly this writer (its invite's id and name). */
export function isWriter(value: unknown, writer: Actor): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as { id?: unknown; name?: unknown };
  return id === writer.id && name === writer.name;
}
