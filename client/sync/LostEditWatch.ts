/**
 * Notices when a colleague's write, made without having seen this person's, replaced what this
 * person had set on a card (its claim, speaker, verdict or rationale): two saves that crossed
 * in flight, or an edit made offline that meets a colleague's on reconnect. Yjs keeps one value
 * per key, so the other is gone from the board; this is how the person hears of it, and gets
 * their value back to restore.
 *
 * How a concurrent write is told from a later one: every value set on a map key is a Yjs item
 * whose `origin` names the item it was set over. A colleague who saw this person's value set
 * theirs over it, so following the winner's origins back reaches this person's item; a
 * concurrent write was set over something older and never reaches it.
 */
import * as Y from 'yjs';
import { CARD_KEYS, cardsMap } from '../../shared/board';

export const WATCHED_FIELDS = [
  CARD_KEYS.claim,
  CARD_KEYS.speaker,
  CARD_KEYS.verdict,
  CARD_KEYS.rationale,
] as const;
export type WatchedField = (typeof WATCHED_FIELDS)[number];

export interface LostEdit {
  readonly cardId: string;
  readonly field: WatchedField;
  readonly mine: string | null;
  readonly theirs: string | null;
  /** The Yjs client id of the write that won: a colleague's, named through presence. */
  readonly byClient: number;
}

const isWatched = (key: string): key is WatchedField =>
  (WATCHED_FIELDS as readonly string[]).includes(key);

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const contains = (item: Y.Item, id: Y.ID): boolean =>
  item.id.client === id.client &&
  id.clock >= item.id.clock &&
  id.clock < item.id.clock + item.length;

/** Whether `winner` was set over `ours`, directly or through later writes that were. */
function setOver(winner: Y.Item, ours: Y.ID): boolean {
  // Every value ever set on the key is in its list, left of the winner (deleted, not removed).
  const list: Y.Item[] = [];
  for (let i: Y.Item | null = winner; i; i = i.left) list.push(i);
  const seen = new Set<Y.Item>();
  for (let i: Y.Item | undefined = winner; i && !seen.has(i);) {
    if (contains(i, ours)) return true;
    seen.add(i);
    const origin: Y.ID | null = i.origin;
    i = origin ? list.find((candidate) => contains(candidate, origin)) : undefined;
  }
  return false;
}

export class LostEditWatch {
  /** This person's last write to each watched field, by `cardId␀field`. */
  private readonly own = new Map<string, { readonly id: Y.ID; readonly value: unknown }>();
  private readonly cards: Y.Map<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly onLost: (edit: LostEdit) => void,
  ) {
    this.cards = cardsMap(doc) as Y.Map<unknown>;
  }

  /** Call with every transaction after it ran; `remote` when it came from the server or disk. */
  noteTransaction(transaction: Y.Transaction, remote: boolean): void {
    // A board arriving (10,000 cards: 140,000 changed keys) has nothing to compare yet.
    if (remote && this.own.size === 0) return;
    for (const [type, keys] of transaction.changed) {
      if (!(type instanceof Y.Map) || type._item?.parent !== this.cards || type._item.deleted) {
        continue;
      }
      const cardId = type._item.parentSub as string;
      for (const key of keys) {
        if (key === null || !isWatched(key)) continue;
        const item = type._map.get(key);
        if (!item) continue;
        const slot = `${cardId}\u0000${key}`;
        if (!remote) {
          if (item.id.client === this.doc.clientID)
            this.own.set(slot, { id: item.id, value: type.get(key) });
          continue;
        }
        const mine = this.own.get(slot);
        if (!mine || contains(item, mine.id)) continue;
        this.own.delete(slot);
        const theirs = type.get(key);
        if (setOver(item, mine.id) || theirs === mine.value) continue;
        this.onLost({
          cardId,
          field: key,
          mine: asText(mine.value),
          theirs: asText(theirs),
          byClient: item.id.client,
        });
      }
    }
  }
}
