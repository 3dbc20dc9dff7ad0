/**
 * The rating scale whole, after a lead's write (scaleFault): the write policy judges each value
 * a write sets (fieldRules), and a raw lead write of values each fine could still leave a best
 * not above the worst, a value outside them, a name twice or a Corroborated label valued below a
 * Disputed one. Readers fall back to the default scale or leave labels out of such a scale, so
 * the board would show a scale nobody saved.
 *
 * What the scale becomes depends on how Yjs merges the write with what the doc holds. The
 * overlay works it out from the update's own items laid over the scale as the doc holds it, at
 * a cost of the scale and the update (the room's turn is held meanwhile): each map set must
 * build on the key's current value (its origin that value's last id, no right origin), as
 * every write on a doc that has seen the scale's last change does, and then it is exactly that
 * key's new value. Anything else (a write crossing a colleague's, a content the scale does not
 * hold, a new scale map) is judged on a copy of the whole doc with the update applied: exact,
 * and O(board), but only for those writes.
 */
import * as Y from 'yjs';
import { scaleFault } from '../../shared/board/readMeta';
import { META_KEYS, ROOT, scaleMap } from '../../shared/board/schema';
import type { UpdateAnalysis, Where } from './analyzeUpdate';
import type { DeleteSet } from './decodeUpdate';
import { no, OK, type PolicyVerdict } from './policyVerdict';

/** Whether an item lands in the rating scale (or is the scale's own map, directly in meta). */
function inScale(where: Where): boolean {
  if (where.root !== ROOT.meta) return false;
  return where.depth === 0
    ? where.key === META_KEYS.scale
    : where.top?.parentSub === META_KEYS.scale;
}

/** Whether the update writes or deletes anything in the rating scale. */
export function touchesScale({ newItems, deletes }: UpdateAnalysis): boolean {
  for (const n of newItems) if (inScale(n.where)) return true;
  for (const d of deletes) if (inScale(d.where)) return true;
  return false;
}

/** How the verdict was reached: not at all (no scale write), by the overlay, or on a copy. */
export type ScalePath = 'none' | 'overlay' | 'copy';
export type ScaleVerdict = PolicyVerdict & { readonly path: ScalePath };

/** Refuses a write after which the board's rating scale would not hold together. */
export function checkScaleWrite(
  analysis: UpdateAnalysis,
  doc: Y.Doc,
  update: Uint8Array,
  ds: DeleteSet,
): ScaleVerdict {
  if (!touchesScale(analysis)) return { ...OK, path: 'none' };
  const map = scaleMap(doc);
  const after = map === null ? null : overlay(map, analysis, doc, ds);
  if (after === null) return { ...judgeOnCopy(doc, update), path: 'copy' };
  const fault = scaleFault(after.getMap(AFTER));
  after.destroy();
  return { ...verdictOf(fault), path: 'overlay' };
}

/** The exact judgement: the write applied to a copy of the whole doc, its scale judged. */
export function judgeOnCopy(doc: Y.Doc, update: Uint8Array): PolicyVerdict {
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(after, update);
  const map = scaleMap(after);
  // No map: the write took it away, which the write policy refuses (removesScale).
  const fault = map === null ? null : scaleFault(map);
  after.destroy();
  return verdictOf(fault);
}

const verdictOf = (fault: string | null): PolicyVerdict =>
  fault === null ? OK : no(`the rating scale would not hold together: ${fault}`);

/** The scratch doc's root map holding the scale after the write. */
const AFTER = 'scale';

/** A map key as the overlay sees it: its current item (live or not) and value. */
interface Slot {
  /** The item `_map` holds for the key: a set building on it has its last id as origin. */
  item: Y.Item;
  live: boolean;
  /** A plain value, or the map a Y.Map value holds. */
  value: unknown;
}

/** A Y.Map of the scale (the scale, its labels map, a label): its keys in `_map`'s order. */
class Node {
  readonly slots = new Map<string, Slot>();
}

/** Thrown where the overlay cannot tell exactly what Yjs would make of the write. */
class NotExact extends Error {}

/**
 * The scale after the write, in a scratch doc, or null when the overlay cannot say exactly.
 * Plain snapshot of the doc's scale first (nodes by their doc type), the update's items laid
 * over it in the update's order (new maps by the item holding them), then its deletions.
 */
function overlay(
  scale: Y.Map<unknown>,
  analysis: UpdateAnalysis,
  doc: Y.Doc,
  ds: DeleteSet,
): Y.Doc | null {
  const nodes = new Map<Y.AbstractType<unknown> | Y.Item, Node>();
  const replaced = new Set<Y.Item>();
  try {
    const root = snapshot(scale, nodes);
    const fresh: { item: Y.Item; node: Node; key: string }[] = [];
    for (const { item, where } of analysis.newItems) {
      if (!inScale(where)) continue;
      // The scale's own map written anew, or an item the doc partly has: the copy says.
      if (where.depth === 0 || item.id.clock < Y.getState(doc.store, item.id.client)) {
        throw new NotExact();
      }
      const node = nodes.get(where.parent ?? (where.holder as Y.Item));
      const key = where.key;
      if (!node || key === null || item.rightOrigin !== null) throw new NotExact();
      const current = node.slots.get(key);
      if (!sameId(item.origin, current?.item.lastId ?? null)) throw new NotExact();
      if (current) replaced.add(current.item);
      node.slots.set(key, slotOf(item, nodes));
      fresh.push({ item, node, key });
    }
    // The update's own deletions of what it adds: unset, unless a later set of the key in the
    // same update replaced it (and so deleted it already).
    for (const { item, node, key } of fresh) {
      const slot = node.slots.get(key) as Slot;
      if (slot.item === item && deletedIn(ds, item)) slot.live = false;
    }
    for (const { item, where } of analysis.deletes) {
      if (!inScale(where) || replaced.has(item)) continue;
      const slot =
        where.parent && where.key !== null
          ? nodes.get(where.parent)?.slots.get(where.key)
          : undefined;
      if (where.depth === 0 || slot?.item !== item) throw new NotExact();
      (slot as Slot).live = false;
    }
    const after = new Y.Doc();
    after.transact(() => fill(after.getMap(AFTER), root));
    return after;
  } catch (e) {
    if (e instanceof NotExact) return null;
    throw e;
  }
}

/** The doc's map as plain slots, its live Y.Map values as nodes of their own. */
function snapshot(map: Y.Map<unknown>, nodes: Map<unknown, Node>): Node {
  const node = new Node();
  nodes.set(map, node);
  for (const [key, item] of map._map) {
    let value: unknown = undefined;
    if (!item.deleted) {
      const content = item.content;
      if (content instanceof Y.ContentType) {
        if (!(content.type instanceof Y.Map)) throw new NotExact();
        value = snapshot(content.type as Y.Map<unknown>, nodes);
      } else if (content instanceof Y.ContentAny) {
        value = content.arr[content.arr.length - 1];
      } else throw new NotExact();
    }
    node.slots.set(key, { item, live: !item.deleted, value });
  }
  return node;
}

/** A new item as a key's value: Y.Map's get takes the last element of its content. */
function slotOf(item: Y.Item, nodes: Map<unknown, Node>): Slot {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return { item, live: false, value: undefined };
  if (content instanceof Y.ContentAny) {
    return { item, live: true, value: content.arr[content.arr.length - 1] };
  }
  if (content instanceof Y.ContentType && content.type instanceof Y.Map) {
    const node = new Node();
    nodes.set(item, node);
    return { item, live: true, value: node };
  }
  throw new NotExact();
}

function fill(map: Y.Map<unknown>, node: Node): void {
  for (const [key, slot] of node.slots) {
    if (!slot.live) continue;
    if (slot.value instanceof Node) {
      const child = new Y.Map<unknown>();
      map.set(key, child);
      fill(child, slot.value);
    } else map.set(key, slot.value);
  }
}

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock;
}

/** Whether the update's delete set deletes any of a new item's clocks. */
function deletedIn(ds: DeleteSet, item: Y.Item): boolean {
  const ranges = ds.clients.get(item.id.client);
  if (!ranges) return false;
  const { clock } = item.id;
  return ranges.some((r) => r.clock < clock + item.length && clock < r.clock + r.len);
}
