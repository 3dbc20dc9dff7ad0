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
 * the items an update loses. It is memory only, like PastActors: a room loaded again (a
 * restart, or a board nobody had open for the grace period) has forgotten what went before, and
 * a write lost to that is still not recorded.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import { fieldRule } from '../../shared/board/fieldRules';
import { CARD_KEYS, EVIDENCE_KEYS, ROOT } from '../../shared/board/schema';
import type { GonePlace, NewItem } from '../sync/analyzeUpdate';
import { actorOf } from './attribution';
import { rawGet, text, valueOf } from './rawValues';
import type { HistoryDraft } from './observeHistory';
import { EVIDENCE_EDITABLE, fieldName, RECORDED, recorded } from './recordedFields';

/** What a deletion took, as write.lost records it. */
interface Loss {
  readonly claim: string | null;
  readonly deleted: 'card' | 'evidence';
  readonly deletedBy: Actor | null;
}

/** Where a struct of a deleted card or a removed evidence item was. */
interface Place {
  readonly cardId: string;
  /** The evidence item it is or is in; null on the card itself. */
  readonly evidenceId: string | null;
  /** That evidence item's url when it went (the event names the item by it); else null. */
  readonly evidenceUrl: string | null;
  /** Its map key; null for the card's or an evidence item's own struct. */
  readonly key: string | null;
  readonly loss: Loss;
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

const typeOf = (item: Y.Item | null | undefined): Y.AbstractType<unknown> | null =>
  item?.content instanceof Y.ContentType ? item.content.type : null;

/** Whether a value fits the field it was written to, as a kept one must (fieldRules). */
function fits(key: string, evidence: boolean, value: unknown): boolean {
  const rule = fieldRule(ROOT.cards, evidence ? 3 : 1, key);
  return typeof rule === 'function' && rule(value);
}

export class DeletedPlaces {
  /** By client id, then clock. */
  private readonly places = new Map<number, Map<number, Place>>();

  /** A card deleted by the transaction of `origin`, with its claim then; before its GC. */
  cardDeleted(cardId: string, card: AnyMap, claim: string | null, origin: unknown): void {
    const loss: Loss = { claim, deleted: 'card', deletedBy: actorOf(origin) };
    this.remember(card, { cardId, evidenceId: null, evidenceUrl: null, key: null, loss });
    const list = typeOf(card._map.get(CARD_KEYS.evidence));
    if (!(list instanceof Y.Array)) return;
    for (let item = list._start; item !== null; item = item.right) {
      const evidence = typeOf(item);
      if (evidence instanceof Y.Map) this.evidence(cardId, evidence as AnyMap, loss);
    }
  }

  /** An evidence item removed from a card by the transaction of `origin`; before its GC. */
  evidenceRemoved(cardId: string, evidence: AnyMap, claim: string | null, origin: unknown): void {
    this.evidence(cardId, evidence, { claim, deleted: 'evidence', deletedBy: actorOf(origin) });
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
      if (field ? !(item.content instanceof Y.ContentAny) : typeOf(item) === null) continue;
      lost ??= new Map();
      const { place, evidenceId, key } = target;
      const slot = field ? `${place.cardId}\n${evidenceId}\n${key}` : item;
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
    const { claim, deleted, deletedBy } = place.loss;
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
      const data = { evidenceId: text(id), field: 'evidence', value: { url, stance }, ...said };
      return { cardId: place.cardId, type: 'write.lost', data };
    }
    const fields = evidenceId === null ? RECORDED : EVIDENCE_EDITABLE;
    const value = valueOf(item);
    if (!fields.includes(key) || !fits(key, evidenceId !== null, value)) return null;
    const data = {
      ...(evidenceId === null ? {} : { evidenceId, evidenceUrl: place.evidenceUrl }),
      field: fieldName(key),
      value: recorded(key, value),
      ...said,
    };
    return { cardId: place.cardId, type: 'write.lost', data };
  }

  /** What an item placed at a gone struct was meant to do, if that struct was remembered. */
  private targetOf(gone: GonePlace): Target | null {
    const place = this.places.get(gone.at.client)?.get(gone.at.clock);
    if (!place) return null;
    if (gone.inside) {
      // Inside the card or an evidence item: a field of it; inside the evidence list: an item.
      if (place.key === null) return { place, evidenceId: place.evidenceId, key: gone.key };
      const list = place.evidenceId === null && place.key === CARD_KEYS.evidence;
      return list && gone.key === null ? { place, evidenceId: null, key: null } : null;
    }
    // Beside a field's value: that field; beside an evidence item: another item in the list.
    if (place.key !== null) return { place, evidenceId: place.evidenceId, key: place.key };
    return place.evidenceId === null ? null : { place, evidenceId: null, key: null };
  }

  private evidence(cardId: string, evidence: AnyMap, loss: Loss): void {
    const evidenceId = text(rawGet(evidence, EVIDENCE_KEYS.id));
    if (evidenceId === null) return;
    const evidenceUrl = text(rawGet(evidence, EVIDENCE_KEYS.url));
    this.remember(evidence, { cardId, evidenceId, evidenceUrl, key: null, loss });
  }

  /** A map's own item, and every value each of its keys held (a write may follow any). */
  private remember(map: AnyMap, place: Place): void {
    if (map._item) this.add(map._item, place);
    for (const [key, last] of map._map) {
      for (let item: Y.Item | null = last; item !== null; item = item.left) {
        this.add(item, { ...place, key });
      }
    }
  }

  /** The first deletion to take a struct is the one that lost a write to it. */
  private add(item: Y.Item, place: Place): void {
    // Every clock: values a key held before may have merged into one deleted item.
    const { client, clock } = item.id;
    let clocks = this.places.get(client);
    if (!clocks) this.places.set(client, (clocks = new Map()));
    for (let c = clock; c < clock + item.length; c++) if (!clocks.has(c)) clocks.set(c, place);
  }
}
