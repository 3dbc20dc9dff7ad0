/**
 * What a decoded update would do to a room's doc, worked out before it is applied: whether it
 * depends on data the doc lacks (then nothing is applied and the client is asked to resync),
 * which structs and client ids are new, where each new item would land, and which live items
 * it deletes. The write policy and the client-id binding judge an update by this.
 *
 * "Where" mirrors Item.getMissing in Yjs: an item's parent is given (a root name or the id of
 * the item holding a type) or copied from the item it was inserted next to; an item next to a
 * garbage-collected one, or inside something that is not a type, is discarded by Yjs ("gone").
 */
import * as Y from 'yjs';
import type { DecodedUpdate, Struct } from './decodeUpdate';

/** Where an item lands: the root, the items holding the containers below it, and its key. */
export interface Where {
  /** null: the item's parent is gone, so Yjs will discard it. */
  readonly root: string | null;
  /** Items holding the containers from just below the root down to the direct parent. */
  readonly path: readonly Y.Item[];
  /** The map key (parentSub), or null inside a list or text. */
  readonly key: string | null;
}

export interface NewItem {
  readonly item: Y.Item;
  readonly where: Where;
}

export interface DeletedItem {
  readonly item: Y.Item;
  readonly where: Where;
}

export interface UpdateAnalysis {
  /** The doc lacks something this update builds on. */
  readonly missing: boolean;
  /** Client ids with structs the doc does not have yet. */
  readonly newClients: readonly number[];
  /** Structs that add new clocks (items and GC ranges alike). */
  readonly newStructs: readonly Struct[];
  readonly newItems: readonly NewItem[];
  /** Items of the doc that are live now and that the update deletes. */
  readonly deletes: readonly DeletedItem[];
}

const GONE: Where = { root: null, path: [], key: null };

export function analyzeUpdate(decoded: DecodedUpdate, doc: Y.Doc): UpdateAnalysis {
  const state = (client: number) => Y.getState(doc.store, client);
  const nothing = { newClients: [], newStructs: [], newItems: [], deletes: [] };

  // Gaps: a client's first struct beyond what the doc has, or a Skip in new territory.
  for (const [client, run] of decoded.runs) {
    if (run.from > state(client)) return { missing: true, ...nothing };
    for (const s of run.structs) {
      if (s instanceof Y.Skip && s.id.clock + s.length > state(client)) {
        return { missing: true, ...nothing };
      }
    }
  }
  const known = (client: number) => Math.max(state(client), decoded.runs.get(client)?.to ?? 0);
  const available = (id: Y.ID | null) => id === null || id.clock < known(id.client);

  // The struct holding an id: the doc's own where it has it, else the update's.
  const docStruct = (id: Y.ID): Y.Item | Y.GC | null => {
    const structs = doc.store.clients.get(id.client);
    if (!structs || id.clock >= state(id.client)) return null;
    return structs[Y.findIndexSS(structs, id.clock)] ?? null;
  };
  const updateStruct = (id: Y.ID): Struct | null => {
    const run = decoded.runs.get(id.client);
    if (!run || id.clock < run.from || id.clock >= run.to) return null;
    let lo = 0;
    let hi = run.structs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = run.structs[mid] as Struct;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
  const find = (id: Y.ID) => docStruct(id) ?? updateStruct(id);

  const typeWhere = (type: Y.AbstractType<unknown>, key: string | null): Where => {
    const path: Y.Item[] = [];
    let t: Y.AbstractType<unknown> = type;
    while (t._item !== null) {
      path.unshift(t._item);
      const parent = t._item.parent;
      if (!(parent instanceof Y.AbstractType)) return GONE;
      t = parent;
    }
    return { root: Y.findRootTypeKey(t), path, key };
  };

  const memo = new Map<Y.Item, Where>();
  const whereOf = (item: Y.Item, depth = 0): Where => {
    const cached = memo.get(item);
    if (cached) return cached;
    let where: Where = GONE;
    if (depth > 1000) return GONE;
    const parent = item.parent;
    if (parent instanceof Y.AbstractType) {
      where = typeWhere(parent, item.parentSub);
    } else if (typeof parent === 'string') {
      where = { root: parent, path: [], key: item.parentSub };
    } else if (parent instanceof Y.ID) {
      const holder = find(parent);
      if (holder instanceof Y.Item && holder.content instanceof Y.ContentType) {
        const inDoc = holder === docStruct(parent);
        where = inDoc
          ? typeWhere(holder.content.type as Y.AbstractType<unknown>, item.parentSub)
          : (() => {
              const up = whereOf(holder, depth + 1);
              return up.root === null
                ? GONE
                : { root: up.root, path: [...up.path, holder], key: item.parentSub };
            })();
      }
    } else {
      const left = item.origin ? find(item.origin) : null;
      const right = item.rightOrigin ? find(item.rightOrigin) : null;
      if (!(left instanceof Y.GC) && !(right instanceof Y.GC)) {
        const neighbour = left instanceof Y.Item ? left : right instanceof Y.Item ? right : null;
        if (neighbour) {
          const w = whereOf(neighbour, depth + 1);
          where = { root: w.root, path: w.path, key: neighbour.parentSub };
          if (w.root === null) where = GONE;
        }
      }
    }
    memo.set(item, where);
    return where;
  };

  const newClients: number[] = [];
  const newStructs: Struct[] = [];
  const newItems: NewItem[] = [];
  for (const [client, run] of decoded.runs) {
    const have = state(client);
    if (run.to > have) newClients.push(client);
    for (const s of run.structs) {
      if (s.id.clock + s.length <= have) continue;
      if (s instanceof Y.Item) {
        const refs = [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null];
        if (!refs.every(available)) return { missing: true, ...nothing };
      }
      newStructs.push(s);
    }
  }
  for (const s of newStructs)
    if (s instanceof Y.Item) newItems.push({ item: s, where: whereOf(s) });

  const deletes: DeletedItem[] = [];
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    const have = state(client);
    for (const { clock, len } of ranges) {
      if (clock + len > known(client)) return { missing: true, ...nothing };
      if (!structs || clock >= have) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i] as Y.Item | Y.GC;
        if (s.id.clock >= clock + len) break;
        if (s instanceof Y.Item && !s.deleted) deletes.push({ item: s, where: whereOf(s) });
      }
    }
  }
  return { missing: false, newClients, newStructs, newItems, deletes };
}
