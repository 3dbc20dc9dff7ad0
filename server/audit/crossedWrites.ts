/**
 * Two writes to one field that cross (one made offline, say) both reach the server, and Yjs
 * keeps one. A client's value that lost to one already on the board is
 * write.overridden {field, value, kept, keptBy, evidenceId?} (field: a card's column, verdict,
 * assignee, claim, speaker, speakerType, rationale or reviewUrl, or an evidence item's url,
 * quote, stance or note, with its evidenceId; value: what it wrote, kept: what stays, keptBy:
 * whose write that is, the invite its client id is bound to, or null for the server's own
 * change), in its writer's name: otherwise the history would not show it was ever made. A client's value that
 * won over one its writer never saw is marked crossed: true (card.moved, verdict.set,
 * card.assigned) or crossed [fields] (card.edited, evidence.edited), so that "from" does not
 * read as if they knowingly replaced it; and the value it replaced, which the board held until
 * then, is write.overridden {…, replaced: true} in the name of that value's writer (value:
 * theirs, kept and keptBy: the crossing write's), so that the history says whose work was
 * undone: which write Yjs keeps follows client ids, not time, so an older change made offline
 * can replace a newer one. Only a change's last value for a field counts: a
 * writer's own earlier values in the same change (edits made offline) were replaced by them.
 */
import * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import type { HistoryDraft, KeyChange } from './observeHistory';
import { rawGet, valueOf } from './rawValues';
import { fieldName, recorded } from './recordedFields';

type AnyMap = Y.Map<unknown>;

/** Who wrote with a Yjs client id: the invite it is bound to (ClientBindings), if any. */
export type WriterOf = (clientId: number) => Actor | null;

/** Whether `tr` added `item`: it is newer than anything its client had written before. */
const addedIn = (tr: Y.Transaction, item: Y.Item): boolean =>
  item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);

/**
 * The value a client's change gave `key` that lost to one already on the board, and that one.
 * Yjs keeps the last item of a key's list and deletes the others as they integrate, so a
 * concurrent value that sorts before the board's is deleted on arrival and the key reads as
 * unchanged. Only the change's last item for the key counts: its writer replaced the earlier
 * ones (several edits made offline arrive as one change; their net result is what was meant).
 */
function lostWrite(tr: Y.Transaction, map: AnyMap, key: string) {
  const kept = map._map.get(key);
  if (!kept || kept.deleted || addedIn(tr, kept)) return null;
  // The change's items sit before the kept one, after the value their writer saw.
  for (let item = kept.left; item !== null; item = item.left) {
    if (addedIn(tr, item)) {
      return { value: valueOf(item), kept: valueOf(kept), keptClient: kept.id.client };
    }
  }
  return null;
}

/**
 * The value that the value a client's change gave `key`, which the board keeps, replaced
 * without its writer having seen it (its first item for the key follows an older value than
 * the board's): the board's item before the change, or null when the writer had seen it.
 */
function crossedWrite(tr: Y.Transaction, map: AnyMap, key: string): Y.Item | null {
  const now = map._map.get(key);
  if (!now || now.deleted || !addedIn(tr, now)) return null;
  let before = now.left;
  while (before !== null && addedIn(tr, before)) before = before.left;
  if (before === null) return null;
  let first: Y.Item = now;
  while (first.origin !== null) {
    const origin = Y.getItem(tr.doc.store, first.origin);
    if (!(origin instanceof Y.Item) || !addedIn(tr, origin)) break;
    first = origin;
  }
  return Y.compareIDs(first.origin, before.lastId) ? null : before;
}

/**
 * A write.overridden event for each of `fields` whose value in a client's change lost to one
 * already on the board; a value the board keeps anyway (the same verdict, the same column) is
 * no loss. A change the server makes sees the board's values, so cannot cross any.
 */
export function overridden(
  event: Y.YEvent<Y.AbstractType<unknown>>,
  fields: readonly string[],
  writerOf: WriterOf,
  cardId: string,
  evidenceId?: string | null,
): HistoryDraft[] {
  const tr = event.transaction;
  if (tr.local || !(event instanceof Y.YMapEvent)) return [];
  const out: HistoryDraft[] = [];
  for (const key of event.keysChanged as Set<string>) {
    if (!fields.includes(key) || event.changes.keys.has(key)) continue;
    const lost = lostWrite(tr, event.target as AnyMap, key);
    if (!lost) continue;
    const keptBy = writerOf(lost.keptClient);
    const draft = writeOverridden(cardId, evidenceId, key, lost.value, lost.kept, keptBy);
    if (draft) out.push(draft);
  }
  return out;
}

/**
 * One write.overridden event: `key`'s `value`, which lost to `kept` (keptBy's); null when the
 * two read the same (the same verdict, the same column: no loss). `replaced` names the writer
 * of a value the board held until a crossing write replaced it.
 */
function writeOverridden(
  cardId: string,
  evidenceId: string | null | undefined,
  key: string,
  rawValue: unknown,
  rawKept: unknown,
  keptBy: Actor | null,
  replaced?: Actor,
): HistoryDraft | null {
  const [value, kept] = [recorded(key, rawValue), recorded(key, rawKept)];
  if (JSON.stringify(value) === JSON.stringify(kept)) return null;
  const data = {
    ...(evidenceId === undefined ? {} : { evidenceId }),
    field: fieldName(key),
    value,
    kept,
    keptBy,
    ...(replaced && { replaced: true }),
  };
  return { cardId, type: 'write.overridden', data, ...(replaced && { actor: replaced }) };
}

/**
 * The other side of a crossing: a write.overridden event, in the name of its writer, for each
 * of `fields` whose value on the board a client's change replaced without having seen it (a
 * change made offline, say, that Yjs's order keeps over a later one: the order follows client
 * ids, not time). `replaced: true` says that the value was on the board until then. Its writer
 * is the invite its client id is bound to; one of the server's own changes names none, and is
 * left to the crossing write's `crossed` mark.
 */
export function replaced(
  event: Y.YEvent<Y.AbstractType<unknown>>,
  keys: ReadonlyMap<string, KeyChange>,
  fields: readonly string[],
  writerOf: WriterOf,
  cardId: string,
  evidenceId?: string | null,
): HistoryDraft[] {
  const tr = event.transaction;
  if (tr.local) return [];
  const out: HistoryDraft[] = [];
  for (const [key, change] of keys) {
    // An 'add' replaced no value: the key had been deleted.
    if (!fields.includes(key) || change.action !== 'update') continue;
    const map = event.target as AnyMap;
    const before = crossedWrite(tr, map, key);
    const writer = before && writerOf(before.id.client);
    if (!writer) continue;
    const keptBy = writerOf(map._map.get(key)!.id.client);
    const kept = rawGet(map, key);
    const draft = writeOverridden(cardId, evidenceId, key, change.oldValue, kept, keptBy, writer);
    if (draft) out.push(draft);
  }
  return out;
}

/** The keys among `fields` whose new values replaced ones their writer never saw. */
export function crossedKeys(
  event: Y.YEvent<Y.AbstractType<unknown>>,
  keys: ReadonlyMap<string, KeyChange>,
  fields: readonly string[],
) {
  const tr = event.transaction;
  if (tr.local) return [];
  return [...keys.keys()]
    .filter((k) => fields.includes(k) && crossedWrite(tr, event.target as AnyMap, k) !== null)
    .sort();
}
export const crossedFields = (keys: readonly string[]) =>
  keys.length > 0 ? { crossed: keys } : {};

/** Marks a move, verdict or assignment whose value replaced one its writer never saw. */
export const crossing = (crossed: readonly string[], key: string) =>
  crossed.includes(key) ? { crossed: true } : {};
