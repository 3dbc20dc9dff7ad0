/**
 * An Undo of a write that crossed a colleague's write of the same key: a card moved offline while
 * a colleague moved it, and as well any other key of the board (its organisation, the rating
 * scale's bounds and labels, an evidence item's stance, url or quote, a comment's text from the
 * author's other tab), kept on reconnect because Yjs orders crossing writes by client id. Yjs's
 * undo step holds the value this person replaced on their page, the stale one; Yjs cannot write
 * it back (the colleague's item lies between it and the person's), so the Undo only deleted the
 * person's value and left the key empty: a card with no place reads as Unverified (B1), an
 * evidence item with no stance as context, and the colleague's change was gone. What the board
 * would show had this person never written is the item just before theirs in the key's list, the
 * colleague's: the smallest change is to make the step restore that item instead of the stale
 * one. Yjs then redoes it as any other (a copy after the person's value, which the Undo deletes),
 * and the Redo step it records deletes that copy and brings the person's value back. A key
 * written again since (the person's value no longer current) is left as it is: Yjs restores
 * nothing there, and a step that then changes nothing is dropped with "Nothing undone: someone
 * else has changed it since" (BoardUndo, undoWords). One rule for every map key of the board:
 * the step's insertions are walked once, and each is checked by its own neighbours only.
 */
import * as Y from 'yjs';
import { type Actor, CARD_KEYS, cardsMap, COMMENT_KEYS, EVIDENCE_KEYS } from '../../shared/board';
import type { StackItem } from './redactedWords';

type DeleteSet = StackItem['deletions'];
type DeleteItem = DeleteSet['clients'] extends Map<number, (infer I)[]> ? I : never;

/**
 * Keeps the content of a map value deleted because this person's crossing write won over it
 * (the item right of it is theirs): the doc collects garbage, and Yjs would otherwise drop the
 * colleague's value the moment it arrives, leaving an Undo nothing to restore. The rule also
 * matches every value this person replaced by an ordinary write, which costs nothing more: the
 * undo manager keeps those for its steps anyway (measured, 1,000 saves of a 1 KB value under
 * the undo manager: 1,006,949 bytes encoded with or without this filter; 1,066 with neither).
 * What this adds is the crossings, which no step of this person's deleted.
 */
export function keepCrossedValues(doc: Y.Doc): void {
  const collect = doc.gcFilter;
  doc.gcFilter = (item) =>
    collect(item) &&
    !(item.parentSub !== null && item.right !== null && item.right.id.client === doc.clientID);
}

/** A delete set of one item. */
function single(id: Y.ID): DeleteSet {
  const ds = Y.createDeleteSet();
  ds.clients.set(id.client, [{ clock: id.clock, len: 1 } as DeleteItem]);
  return ds;
}

/** The delete set without one item (its range split around it). */
function without(ds: DeleteSet, id: Y.ID): DeleteSet {
  const out = Y.createDeleteSet();
  for (const [client, ranges] of ds.clients) {
    const kept: DeleteItem[] = [];
    for (const r of ranges) {
      if (client !== id.client || id.clock < r.clock || id.clock >= r.clock + r.len) {
        kept.push(r);
        continue;
      }
      if (id.clock > r.clock) kept.push({ clock: r.clock, len: id.clock - r.clock } as DeleteItem);
      const after = r.clock + r.len - id.clock - 1;
      if (after > 0) kept.push({ clock: id.clock + 1, len: after } as DeleteItem);
    }
    if (kept.length > 0) out.clients.set(client, kept);
  }
  return out;
}

/** The map values (items with a key) a step wrote, in the doc's store, deleted or not. */
export function* mapValuesWritten(
  doc: Y.Doc,
  step: StackItem,
): Generator<Y.Item & { readonly parentSub: string }> {
  for (const item of itemsWritten(doc, step)) {
    if (item.parentSub !== null) yield item as Y.Item & { readonly parentSub: string };
  }
}

/** The items a step inserted (map values and list entries), in the doc's store, deleted or not. */
export function* itemsWritten(doc: Y.Doc, step: StackItem): Generator<Y.Item> {
  for (const [client, ranges] of step.insertions.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const item = structs[i];
        if (!item || item.id.clock >= clock + len) break;
        if (item instanceof Y.Item) yield item;
      }
    }
  }
}

/**
 * Makes an undo step restore, for each map key it wrote that crossed a colleague's write and
 * is still current, the colleague's value rather than the one this person had replaced.
 */
export function restoreCrossedValues(doc: Y.Doc, step: StackItem): void {
  let deletions = step.deletions;
  for (const item of mapValuesWritten(doc, step)) {
    if (item.deleted) continue;
    const crossed = item.left;
    if (crossed === null || Y.isDeleted(deletions, crossed.id)) continue;
    // Only plain values (a place, a stance, a label, a text): a shared type would come back as an
    // empty copy, and a value collected before keepCrossedValues kept it is gone. Yjs's own
    // undo is left as it was for those.
    if (!(crossed.content instanceof Y.ContentAny)) continue;
    let stale: Y.Item | null = crossed.left;
    while (stale !== null && !Y.isDeleted(deletions, stale.id)) stale = stale.left;
    if (stale !== null) deletions = without(deletions, stale.id);
    deletions = Y.mergeDeleteSets([deletions, single(crossed.id)]);
  }
  step.deletions = deletions;
}

/** A key a step wrote that someone else has written since: its Undo or Redo leaves their value. */
export interface KeptWrite {
  /** The card the key is on (its own, or one of its evidence items'); null off a card. */
  readonly cardId: string | null;
  readonly key: string;
  /**
   * Who wrote the value kept, when known (present now or earlier this session, or the card's
   * last writer from that tab).
   */
  readonly by: string | null;
  /** Written by this person (the same invite) in another tab or window: told as "you", not by name. */
  readonly self?: true;
  /**
   * With `by` null, the writer's Yjs client id, which the server can name (WriterNames): they
   * wrote while this page was closed, or never showed presence to it.
   */
  readonly client?: number;
}

/** Who wrote a value, as a KeptWrite names them. */
export type WhoIs = (client: number) => Actor | null;

/**
 * The writer on `client` as a KeptWrite names them: `whoIs`, else the actor a stamp from that
 * client holds (`stamped`); one whose id is `meId` is this person in another tab or window. One
 * not known keeps the client id, for the page to ask the server (namedWrites).
 */
export function writtenBy(
  client: number,
  whoIs: WhoIs,
  meId: string | null,
  stamped: Actor | null = null,
): Pick<KeptWrite, 'by' | 'self' | 'client'> {
  const by = whoIs(client) ?? stamped;
  if (by === null) return { by: null, client };
  return { by: by.name, ...(by.id === meId ? { self: true } : {}) };
}

/** The client ids of the writers `kept` could not name (writtenBy). */
export function unnamedWriters(kept: readonly KeptWrite[] | undefined): number[] {
  return [...new Set((kept ?? []).flatMap((k) => (k.client === undefined ? [] : [k.client])))];
}

/** `kept` with the writers it could not name named by `whoIs` where it now knows them. */
export function namedWrites(
  kept: readonly KeptWrite[],
  whoIs: WhoIs,
  meId: string | null,
): KeptWrite[] {
  return kept.map(({ client, ...write }) =>
    client === undefined ? write : { ...write, ...writtenBy(client, whoIs, meId) },
  );
}

/** The actor the card's updatedBy holds when `client` wrote it (the card's last writer), or null. */
export function stampedBy(card: Y.Map<unknown> | null, client: number): Actor | null {
  const stamp = card?._map.get(CARD_KEYS.updatedBy);
  return stamp && !stamp.deleted && stamp.id.client === client
    ? ((stamp.content.getContent()[0] as Actor | undefined) ?? null)
    : null;
}

/** Keys every write stamps: that someone else's write replaced them is no news. */
export const STAMPS = new Set<string>([
  CARD_KEYS.updatedBy,
  CARD_KEYS.updatedAt,
  COMMENT_KEYS.editedAt,
  EVIDENCE_KEYS.addedBy,
  EVIDENCE_KEYS.addedAt,
]);

/** The card a map lies in (itself, or the card of its evidence list), or null. */
function cardOf(doc: Y.Doc, map: Y.AbstractType<unknown>): Y.Map<unknown> | null {
  const cards = cardsMap(doc);
  for (let t: Y.AbstractType<unknown> | null = map; t !== null; t = t._item?.parent ?? null) {
    if (t._item?.parent === cards) return t as Y.Map<unknown>;
    if (!(t._item?.parent instanceof Y.AbstractType)) return null;
  }
  return null;
}

/** Whether the map, or one it lies in, is the step's own: its Undo takes it away whole. */
function madeBy(step: StackItem, map: Y.AbstractType<unknown>): boolean {
  for (let t: Y.AbstractType<unknown> | null = map; t?._item; t = t._item.parent as typeof t) {
    if (Y.isDeleted(step.insertions, t._item.id)) return true;
  }
  return false;
}

/**
 * The keys the step wrote whose value someone else has replaced since (on another client: this
 * tab's own later values are its own steps'), on a map still on the board: Yjs writes nothing
 * back there, so the Undo or Redo leaves that part of the step as they set it. `whoIs` names a
 * client present now or seen earlier this session; else the card's last writer is named when its
 * stamp came from that client. A writer whose id is `meId` is this person in another tab or
 * window (the same invite).
 */
export function keptWrites(
  doc: Y.Doc,
  step: StackItem,
  whoIs: WhoIs,
  meId: string | null,
): KeptWrite[] {
  const kept: KeptWrite[] = [];
  for (const item of mapValuesWritten(doc, step)) {
    if (!item.deleted || STAMPS.has(item.parentSub)) continue;
    const map = item.parent as Y.AbstractType<unknown>;
    if (map._item?.deleted || madeBy(step, map)) continue;
    const now = map._map.get(item.parentSub);
    if (!now || now.deleted || now.id.client === doc.clientID) continue;
    if (Y.isDeleted(step.insertions, now.id)) continue;
    const card = cardOf(doc, map);
    kept.push({
      cardId: card?._item?.parentSub ?? null,
      key: item.parentSub,
      ...writtenBy(now.id.client, whoIs, meId, stampedBy(card, now.id.client)),
    });
  }
  return kept;
}
