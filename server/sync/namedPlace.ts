/**
 * Whether an item lands, or sits, where the board layout has a place for it
 * (shared/board/fieldRules' namedByLayout), judged level by level up to its root: under a key
 * the layout names, in a container that itself sits where the layout has one (a key written
 * into a stored board's own unknown map is no more the layout's than the map).
 */
import * as Y from 'yjs';
import { namedByLayout } from '../../shared/board/fieldRules';
import type { Where } from './analyzeUpdate';

export function namedPlace(where: Where): boolean {
  return keyNamed(where) && containersNamed(where);
}

/**
 * The first of an update's new items that lands where the layout has no place for it, or
 * undefined. Items written into the same container follow one another in an update (an edit's
 * fields, a move's): the containers above them are judged once for the run, not once per item,
 * as each is an item of the doc whose key and place never change.
 */
export function firstUnnamed<T extends { readonly where: Where }>(
  items: readonly T[],
): T | undefined {
  let judged: Y.AbstractType<unknown> | null = null;
  for (const item of items) {
    const { where } = item;
    if (!keyNamed(where)) return item;
    if (where.parent === null || where.parent === judged) continue;
    if (!containersNamed(where)) return item;
    judged = where.parent;
  }
  return undefined;
}

/** Whether the item's own key is one the layout names in the container it lands in. */
function keyNamed({ root, depth, key, parent }: Where): boolean {
  if (root === null) return true; // discarded by Yjs
  // Inside a type the same write makes: that type is a new item, judged where it lands.
  if (parent === null) return namedByLayout(root, depth, key, depth === 0 ? null : undefined);
  return namedByLayout(root, depth, key, parent._item?.parentSub ?? null);
}

/** Whether the doc's containers above the item each sit where the layout has one. */
function containersNamed({ root, depth, parent }: Where): boolean {
  if (root === null || parent === null) return true;
  // Each a live item of the doc with its own key and holder.
  let holder = parent._item;
  for (let d = depth - 1; holder !== null; d--) {
    const above = holder.parent instanceof Y.AbstractType ? holder.parent._item : null;
    if (!namedByLayout(root, d, holder.parentSub, above?.parentSub ?? null)) return false;
    holder = above;
  }
  return true;
}
