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
  const { root, depth, key, parent } = where;
  if (root === null) return true; // discarded by Yjs
  // Inside a type the same write makes: that type is a new item, judged where it lands.
  if (parent === null) return namedByLayout(root, depth, key, depth === 0 ? null : undefined);
  let holder = parent._item;
  if (!namedByLayout(root, depth, key, holder?.parentSub ?? null)) return false;
  // The doc's containers above, each a live item of the doc with its own key and holder.
  for (let d = depth - 1; holder !== null; d--) {
    const above = holder.parent instanceof Y.AbstractType ? holder.parent._item : null;
    if (!namedByLayout(root, d, holder.parentSub, above?.parentSub ?? null)) return false;
    holder = above;
  }
  return true;
}
