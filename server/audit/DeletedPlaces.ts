/**
 * Where the items of deleted cards and removed evidence items were, so that a write that
 * reaches the server after them is not lost without a trace: write.lost {field, value,
 * evidenceId?, evidenceUrl?, claim, deleted, deletedBy}, in its writer's name (for a field of an
 * evidence item, that item's url when it went, so that the event can name it; the card's claim
 * when it went; what went: 'card' or 'evidence'; and who deleted or removed it). A lost field
 * write reads as a write.overridden does (recordedFields); evidence added to a deleted card is
 * field 'evidence' with value {url, stance}.
 *
 * Why the room keeps this itself: Yjs discards an item written into a deleted card (its
 * content is garbage-collected, and the write's neighbour with it), and the update names only
 * that neighbour's id (analyzeUpdate's GonePlace), not the card or the field. observeHistory
 * tells this class what goes, before the garbage collection, and the sync server asks it about
 * the items an update loses. What it learns it also hands over (take) to be stored with the
 * deletion's history event, in the same batch: a room loaded again (a restart, or a board
 * nobody had open for the grace period) has forgotten what went before, so when a write is lost
 * to a struct it does not know (unread), the room reads that struct's place from storage (read)
 * before it runs the write. Only such a write pays for the read; an ordinary one, a look at its
 * new items (about 10 ns).
 */
import * as Y from 'yjs';
import { fieldRule } from '../../shared/board/fieldRules';
import { CARD_KEYS, EVIDENCE_KEYS, ROOT } from '../../shared/board/schema';
import { typeIn } from '../../shared/board/typeIn';
import type {
  DeletedHolder,
  DeletedPlacesRecord,
  DeletedStruct,
  StructId,
} from '../storage/Storage';
import type { GonePlace, NewItem } from '../sync/analyzeUpdate';
import { actorOf } from './attribution';
import { stringOrNull } from '../../shared/stringOrNull';
import { rawGet, valueOf } from './rawValues';
import type { HistoryDraft } from './observeHistory';
import { EVIDENCE_EDITABLE, fieldName, RECORDED, recorded } from './recordedFields';

/** What a deletion took, as write.lost records it. */
type Loss = Pick<DeletedHolder, 'claim' | 'deleted' | 'deletedBy'>;

/**
 * Where a struct of a deleted card or a removed evidence item was: its holder (the card, or
 * the evidence item it is or is in, with that item's url when it went: the event names the item
 * by it), and its map key (null for the card's or an evidence item's own struct).
 */
interface Place {
  readonly holder: DeletedHolder;
  readonly key: string | null;
}

/** What a lost item was meant to do: set a field, or add an evidence item (field null). */
interface Target {
  readonly place: Place;
  readonly evidenceId: string | null;
  readonly key: string | null;
}

type AnyMap = Y.Map<unknown>;
/** What an ordinary update loses: nothing, without an allocation on every update. */
const NONE: readonly HistoryDraft[] = [];
const NO_IDS: readonly StructId[] = [];
/** The keys of a deleted card whose structs are stored (remember). */
const CARD_STORED: readonly string[] = [...RECORDED, CARD_KEYS.evidence];

/** Whether a value fits the field it was written to, as a kept one must (fieldRules). */
function fits(key: string, evidence: boolean, value: unknown): boolean {
  const rule = fieldRule(ROOT.cards, evidence ? 3 : 1, key);
  return typeof rule === 'function' && rule(value);
}

export class DeletedPlaces {
  /** By client id, then clock. */
  private readonly places = new Map<number, Map<number, Place>>();
  /** What deletions took since the last take(), to be stored with them. */
  private fresh: DeletedPlacesRecord[] = [];

  /** A card deleted by the transaction of `origin`, with its claim then; before its GC. */
  cardDeleted(cardId: string, card: AnyMap, claim: string | null, origin: unknown): void {
    const loss: Loss = { claim, deleted: 'card', deletedBy: actorOf(origin) };
    this.remember(card, { cardId, evidenceId: null, evidenceUrl: null, ...loss });
    const list = typeIn(card._map.get(CARD_KEYS.evidence));
    if (!(list instanceof Y.Array)) return;
    for (let item = list._start; item !== null; item = item.right) {
      const evidence = typeIn(item);
      if (evidence instanceof Y.Map) this.evidence(cardId, evidence as AnyMap, loss);
    }
  }

  /** An evidence item removed from a card by the transaction of `origin`; before its GC. */
  evidenceRemoved(cardId: string, evidence: AnyMap, claim: string | null, origin: unknown): void {
    this.evidence(cardId, evidence, { claim, deleted: 'evidence', deletedBy: actorOf(origin) });
  }

  /** What deletions took since the last call, for the batch that stores them. */
  take(): readonly DeletedPlacesRecord[] {
    const fresh = this.fresh;
    if (fresh.length > 0) this.fresh = [];
    return fresh;
  }

  /**
   * The structs that the items of an update are lost to and that this room does not know: a
   * deletion before the room loaded took them, if any did (the storage knows). Nothing on an
   * update that loses nothing.
   */
  unread(newItems: readonly NewItem[]): readonly StructId[] {
    let ids: StructId[] | null = null;
    for (const { where } of newItems) {
      if (where.gone === undefined) continue;
      const { client, clock } = where.gone.at;
      if (this.places.get(client)?.has(clock)) continue;
      (ids ??= []).push({ client, clock });
    }
    return ids ?? NO_IDS;
  }

  /** Places read from storage (findDeletedPlaces): known from now on, and not stored again. */
  read(records: readonly DeletedPlacesRecord[]): void {
    for (const { holder, structs } of records) {
      for (const { client, clock, length, key } of structs) {
        this.took(client, clock, length, { holder, key }, null);
      }
    }
  }

  /**
   * The write.lost events for the new items of an update that Yjs will discard for want of
   * the card or evidence item they were written into: one per field (its last value in the
   * update: the writer replaced the earlier ones) and one per evidence item added.
   */
  lostWrites(newItems: readonly NewItem[]): readonly HistoryDraft[] {
    if (this.places.size === 0) return NONE;
    // By field (its last value counts), or by the evidence item added.
    let lost: Map<string | Y.Item, { target: Target; item: Y.Item }> | null = null;
    for (const { item, where } of newItems) {
      if (where.gone === undefined) continue;
      const target = this.targetOf(where.gone);
      if (!target) continue;
      const field = target.key !== null;
      // A field holds a plain value; an evidence item is a map (its fields come with it).
      if (field ? !(item.content instanceof Y.ContentAny) : typeIn(item) === null) continue;
      lost ??= new Map();
      const { place, evidenceId, key } = target;
      const slot = field ? `${place.holder.cardId}\n${evidenceId}\n${key}` : item;
      const earlier = lost.get(slot);
      if (earlier && earlier.item.id.clock > item.id.clock) continue;
      lost.set(slot, { target, item });
    }
    if (!lost) return NONE;
    const out: HistoryDraft[] = [];
    for (const { target, item } of lost.values()) {
      const draft = this.draft(target, item, newItems);
      if (draft) out.push(draft);
    }
    return out;
  }

  private draft(target: Target, item: Y.Item, newItems: readonly NewItem[]): HistoryDraft | null {
    const { place, evidenceId, key } = target;
    const { cardId, claim, deleted, deletedBy, evidenceUrl } = place.holder;
    const said = { claim, deleted, deletedBy };
    if (key === null) {
      // An evidence item added: its fields are the update's items inside it.
      const fields = new Map<string, unknown>();
      for (const n of newItems) {
        const parent = n.item.parent;
        if (parent instanceof Y.ID && Y.compareIDs(parent, item.id) && n.item.parentSub) {
          fields.set(n.item.parentSub, valueOf(n.item));
        }
      }
      const [id, url, stance] = [EVIDENCE_KEYS.id, EVIDENCE_KEYS.url, EVIDENCE_KEYS.stance].map(
        (k) => fields.get(k),
      );
      if (!fits(EVIDENCE_KEYS.url, true, url) || !fits(EVIDENCE_KEYS.stance, true, stance)) {
        return null;
      }
      const data = {
        evidenceId: stringOrNull(id),
        field: 'evidence',
        value: { url, stance },
        ...said,
      };
      return { cardId, type: 'write.lost', data };
    }
    const fields = evidenceId === null ? RECORDED : EVIDENCE_EDITABLE;
    const value = valueOf(item);
    if (!fields.includes(key) || !fits(key, evidenceId !== null, value)) return null;
    const data = {
      ...(evidenceId === null ? {} : { evidenceId, evidenceUrl }),
      field: fieldName(key),
      value: recorded(key, value),
      ...said,
    };
    return { cardId, type: 'write.lost', data };
  }

  /** What an item placed at a gone struct was meant to do, if that struct was remembered. */
  private targetOf(gone: GonePlace): Target | null {
    const place = this.places.get(gone.at.client)?.get(gone.at.clock);
    if (!place) return null;
    if (gone.inside) {
      // Inside the card or an evidence item: a field of it; inside the evidence list: an item.
      if (place.key === null) return { place, evidenceId: place.holder.evidenceId, key: gone.key };
      const list = place.holder.evidenceId === null && place.key === CARD_KEYS.evidence;
      return list && gone.key === null ? { place, evidenceId: null, key: null } : null;
    }
    // Beside a field's value: that field; beside an evidence item: another item in the list.
    if (place.key !== null) return { place, evidenceId: place.holder.evidenceId, key: place.key };
    return place.holder.evidenceId === null ? null : { place, evidenceId: null, key: null };
  }

  private evidence(cardId: string, evidence: AnyMap, loss: Loss): void {
    const evidenceId = stringOrNull(rawGet(evidence, EVIDENCE_KEYS.id));
    if (evidenceId === null) return;
    const evidenceUrl = stringOrNull(rawGet(evidence, EVIDENCE_KEYS.url));
    this.remember(evidence, { cardId, evidenceId, evidenceUrl, ...loss });
  }

  /**
   * A map's own item, and every value each of its keys held (a write may follow any). Stored
   * (take), as one record, only where a lost write makes an event: the map's own item and the
   * keys of fields the history records (and a card's evidence list, for evidence added), and
   * only clocks no deletion took before. A card's other keys (who updated it last, and when)
   * are a third of its structs; kept in memory all the same, so that a write lost while the
   * room remembers its deletion never waits for a read from storage (unread).
   */
  private remember(map: AnyMap, holder: DeletedHolder): void {
    const stored = holder.evidenceId === null ? CARD_STORED : EVIDENCE_EDITABLE;
    const structs: DeletedStruct[] = [];
    const took = (item: Y.Item, key: string | null) => {
      const to = key === null || stored.includes(key) ? structs : null;
      this.took(item.id.client, item.id.clock, item.length, { holder, key }, to);
    };
    if (map._item) took(map._item, null);
    for (const [key, last] of map._map) {
      for (let item: Y.Item | null = last; item !== null; item = item.left) took(item, key);
    }
    if (structs.length > 0) this.fresh.push({ holder, structs });
  }

  /**
   * A struct a deletion took: its clocks that none took before are known from now on, and go to
   * `structs` in runs (to be stored; null when read from storage).
   */
  private took(
    client: number,
    clock: number,
    length: number,
    place: Place,
    structs: DeletedStruct[] | null,
  ): void {
    const end = clock + length;
    // Mostly one run: a struct is new here unless a deletion took part of it before.
    for (let from = clock; from < end;) {
      const run = this.add(client, from, end - from, place);
      if (run.added > 0) structs?.push({ client, clock: from, length: run.added, key: place.key });
      from += run.added + run.skipped;
    }
  }

  /**
   * The first deletion to take a struct is the one that lost a write to it. From `clock`, the
   * run of clocks this adds (none known), then the run it skips (known), up to `length`.
   */
  private add(client: number, clock: number, length: number, place: Place) {
    // Every clock: values a key held before may have merged into one deleted item.
    let clocks = this.places.get(client);
    if (!clocks) this.places.set(client, (clocks = new Map()));
    const end = clock + length;
    let c = clock;
    for (; c < end && !clocks.has(c); c++) clocks.set(c, place);
    const added = c - clock;
    for (; c < end && clocks.has(c); c++);
    return { added, skipped: c - clock - added };
  }
}
