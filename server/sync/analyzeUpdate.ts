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

/** Where an item lands: its root, how deep below it, the top container's item, its key. */
export interface Where {
  /** null: the item's parent is gone, so Yjs will discard it. */
  readonly root: string | null;
  /** Containers between the root and the item: 0 means directly in the root map. */
  readonly depth: number;
  /** The item holding the container right below the root (a card, a comment), if depth > 0. */
  readonly top: Y.Item | null;
  /** The item holding the container the item is in (an evidence item's map), if depth > 0. */
  readonly holder: Y.Item | null;
  /** The map key (parentSub), or null inside a list or text. */
  readonly key: string | null;
  /** The doc's type the item lands in, when the doc has it now (not one this update makes). */
  readonly parent: Y.AbstractType<unknown> | null;
  /** Why Yjs discards it, when it was written into something the doc has deleted (root null). */
  readonly gone?: GonePlace;
}

/**
 * An item written against a struct the doc has deleted and garbage-collected, or into an item
 * that holds no type any more (a card deleted meanwhile): the write is lost, and only this id
 * says where it was meant to go (DeletedPlaces).
 */
export interface GonePlace {
  /** The doc's struct: the item's parent (inside), or the neighbour it was written next to. */
  readonly at: Y.ID;
  readonly inside: boolean;
  /** The item's own map key, when inside (null in a list); beside, it has `at`'s key. */
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
  /**
   * Items of the doc that are live now and that the update deletes: those in its delete set,
   * and the values of the map keys it sets, which Yjs deletes as it integrates a new value
   * with no entry in the delete set (a client could strip it). A concurrent write may make
   * the new value lose instead, so this is what the update may delete, at most.
   */
  readonly deletes: readonly DeletedItem[];
}

const GONE: Where = { root: null, depth: 0, top: null, holder: null, key: null, parent: null };
/** GONE, with the deleted place it was meant for (only built when an item is discarded). */
const goneAt = (gone: GonePlace): Where => ({ ...GONE, gone });

/** How an item's place follows from another new item of the same update. */
type Step =
  | { readonly kind: 'done'; readonly where: Where }
  | { readonly kind: 'inside'; readonly holder: Y.Item }
  | { readonly kind: 'beside'; readonly neighbour: Y.Item };

export function analyzeUpdate(decoded: DecodedUpdate, doc: Y.Doc): UpdateAnalysis {
  return new Analysis(decoded, doc).run();
}

const NOTHING = { newClients: [], newStructs: [], newItems: [], deletes: [] };

type Place = Omit<Where, 'key' | 'parent' | 'holder'>;
const done = (where: Where): Step => ({ kind: 'done', where });

/**
 * One analysis. A class rather than closures: the server runs under tsx, whose esbuild output
 * names every closure it creates (a defineProperty call each), on the path of every update.
 */
class Analysis {
  private readonly typePlaces = new Map<Y.AbstractType<unknown>, Place>();
  private readonly memo = new Map<Y.Item, Where>();

  constructor(
    private readonly decoded: DecodedUpdate,
    private readonly doc: Y.Doc,
  ) {}

  run(): UpdateAnalysis {
    const { decoded, doc } = this;
    // Gaps: a client's first struct beyond what the doc has, or a Skip in new territory.
    for (const [client, run] of decoded.runs) {
      if (run.from > this.state(client)) return { missing: true, ...NOTHING };
      for (const s of run.structs) {
        if (s instanceof Y.Skip && s.id.clock + s.length > this.state(client)) {
          return { missing: true, ...NOTHING };
        }
      }
    }

    const newClients: number[] = [];
    const newStructs: Struct[] = [];
    const newItems: NewItem[] = [];
    for (const [client, run] of decoded.runs) {
      const have = this.state(client);
      if (run.to > have) newClients.push(client);
      for (const s of run.structs) {
        if (s.id.clock + s.length <= have) continue;
        if (s instanceof Y.Item) {
          const parent = s.parent instanceof Y.ID ? s.parent : null;
          if (!this.available(s.origin) || !this.available(s.rightOrigin)) {
            return { missing: true, ...NOTHING };
          }
          if (!this.available(parent)) return { missing: true, ...NOTHING };
        }
        newStructs.push(s);
      }
    }
    for (const s of newStructs) {
      if (s instanceof Y.Item) newItems.push({ item: s, where: this.whereOf(s) });
    }

    const deletes: DeletedItem[] = [];
    for (const [client, ranges] of decoded.ds.clients) {
      const structs = doc.store.clients.get(client);
      const have = this.state(client);
      for (const { clock, len } of ranges) {
        if (clock + len > this.known(client)) return { missing: true, ...NOTHING };
        if (!structs || clock >= have) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const s = structs[i] as Y.Item | Y.GC;
          if (s.id.clock >= clock + len) break;
          if (s instanceof Y.Item && !s.deleted) deletes.push({ item: s, where: this.whereOf(s) });
        }
      }
    }
    const deleted = new Set(deletes.map((d) => d.item));
    for (const { where } of newItems) {
      if (where.key === null || where.parent === null) continue;
      const current = where.parent._map.get(where.key);
      if (current && !current.deleted && !deleted.has(current)) {
        deleted.add(current);
        deletes.push({ item: current, where: this.whereOf(current) });
      }
    }
    return { missing: false, newClients, newStructs, newItems, deletes };
  }

  private state(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  private known(client: number): number {
    return Math.max(this.state(client), this.decoded.runs.get(client)?.to ?? 0);
  }

  private available(id: Y.ID | null): boolean {
    return id === null || id.clock < this.known(id.client);
  }

  /** The doc's struct holding an id, if the doc has it. */
  private docStruct(id: Y.ID): Y.Item | Y.GC | null {
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || id.clock >= this.state(id.client)) return null;
    return structs[Y.findIndexSS(structs, id.clock)] ?? null;
  }

  /** The update's struct holding an id, if the update has it. */
  private updateStruct(id: Y.ID): Struct | null {
    const run = this.decoded.runs.get(id.client);
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
  }

  /** The struct holding an id: the doc's own where it has it, else the update's. */
  private find(id: Y.ID): Struct | Y.Item | Y.GC | null {
    return this.docStruct(id) ?? this.updateStruct(id);
  }

  /** Where an item inside `type` lands (walks up the doc once per type). */
  private typeWhere(type: Y.AbstractType<unknown>, key: string | null): Where {
    let place = this.typePlaces.get(type);
    if (!place) {
      let depth = 0;
      let top: Y.Item | null = null;
      let t: Y.AbstractType<unknown> | null = type;
      while (t && t._item !== null) {
        depth++;
        top = t._item;
        t = t._item.parent instanceof Y.AbstractType ? t._item.parent : null;
      }
      place = t ? { root: Y.findRootTypeKey(t) ?? null, depth, top } : GONE;
      this.typePlaces.set(type, place);
    }
    // A literal, not a spread of the place: spreading it made this the analysis' costliest
    // line (a move's whole analysis took 5.5× as long).
    if (place.root === null) return GONE;
    return {
      root: place.root,
      depth: place.depth,
      top: place.top,
      holder: type._item,
      key,
      parent: type,
    };
  }

  private stepOf(item: Y.Item): Step {
    const parent = item.parent;
    if (parent instanceof Y.AbstractType) return done(this.typeWhere(parent, item.parentSub));
    if (typeof parent === 'string') {
      const type = (this.doc.share.get(parent) as Y.AbstractType<unknown> | undefined) ?? null;
      return done({
        root: parent,
        depth: 0,
        top: null,
        holder: null,
        key: item.parentSub,
        parent: type,
      });
    }
    if (parent instanceof Y.ID) {
      const inDoc = this.docStruct(parent);
      if (inDoc) {
        const content = inDoc instanceof Y.Item ? inDoc.content : null;
        return done(
          content instanceof Y.ContentType
            ? this.typeWhere(content.type, item.parentSub)
            : goneAt({ at: parent, inside: true, key: item.parentSub }),
        );
      }
      const holder = this.updateStruct(parent);
      const type = holder instanceof Y.Item && holder.content instanceof Y.ContentType;
      return type ? { kind: 'inside', holder } : done(GONE);
    }
    const left = item.origin ? this.find(item.origin) : null;
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null;
    if (left instanceof Y.GC) return done(goneAt({ at: item.origin!, inside: false, key: null }));
    if (right instanceof Y.GC) {
      return done(goneAt({ at: item.rightOrigin!, inside: false, key: null }));
    }
    const neighbour = left instanceof Y.Item ? left : right instanceof Y.Item ? right : null;
    if (!neighbour) return done(GONE);
    if (neighbour.parent instanceof Y.AbstractType) {
      return done(this.typeWhere(neighbour.parent, neighbour.parentSub));
    }
    return { kind: 'beside', neighbour };
  }

  /**
   * Iterative, memoised: an update may chain thousands of items (each next to the previous),
   * and a hostile one may chain them in a cycle, which Yjs can never integrate (GONE).
   */
  private whereOf(start: Y.Item): Where {
    const memo = this.memo;
    // Most items are placed by their first step: the chain is only made for those that are not.
    const known = memo.get(start);
    if (known) return known;
    const first = this.stepOf(start);
    if (first.kind === 'done') {
      memo.set(start, first.where);
      return first.where;
    }
    const chain: { item: Y.Item; step: Exclude<Step, { kind: 'done' }> }[] = [
      { item: start, step: first },
    ];
    const onChain = new Set<Y.Item>([start]);
    let item = first.kind === 'inside' ? first.holder : first.neighbour;
    let where: Where;
    for (;;) {
      const cached = memo.get(item);
      if (cached) {
        where = cached;
        break;
      }
      if (onChain.has(item)) {
        where = GONE;
        break;
      }
      const step = this.stepOf(item);
      if (step.kind === 'done') {
        where = step.where;
        memo.set(item, where);
        break;
      }
      chain.push({ item, step });
      onChain.add(item);
      item = step.kind === 'inside' ? step.holder : step.neighbour;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { item: it, step } = chain[i] as (typeof chain)[number];
      if (where.root !== null && step.kind === 'inside') {
        const top = where.depth === 0 ? step.holder : where.top;
        // Inside a type this update makes: the doc has no such type, so nothing to replace.
        where = {
          root: where.root,
          depth: where.depth + 1,
          top,
          holder: step.holder,
          key: it.parentSub,
          parent: null,
        };
      }
      memo.set(it, where);
    }
    return where;
  }
}
