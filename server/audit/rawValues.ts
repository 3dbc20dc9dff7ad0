/**
 * Reading what the doc holds or held: an item's value and a map's, also once deleted (an item
 * keeps its content until GC, which runs after the observers), and an item an update brings
 * (DeletedPlaces).
 */
import * as Y from 'yjs';

/** An item's value, also once deleted. */
export function valueOf(item: Y.Item): unknown {
  const content = item.content.getContent();
  return content[content.length - 1];
}

/** A map's value even while the map is being deleted. */
export function rawGet(map: unknown, key: string): unknown {
  if (!(map instanceof Y.Map)) return undefined;
  const item = (map as Y.Map<unknown>)._map.get(key);
  return item ? valueOf(item) : undefined;
}
