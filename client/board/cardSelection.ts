/**
 * The cards selected to act on at once (SelectionBar: move, assign, delete), held above the
 * columns like the claims being edited (claimEdits): a row reads only whether its own card is
 * selected, so selecting a card renders that row and the bar, not every card.
 *
 * A selected card stays selected while a filter hides it (the bar counts it, and says so) and
 * while it moves between columns; one deleted, by anyone, leaves the selection (`keepOnly`).
 *
 * It holds at most the most cards one command takes (BULK_LIMIT): a selection past it could
 * only fail when acted on. A toggle or range that would go past it stops there, and
 * `leftOut` says how many cards it did not select, for the bar to say so.
 */
import { BULK_LIMIT } from '../../shared/board';
import type { KeptSelection } from './keptSelection';

export class CardSelection {
  private ids: ReadonlySet<string> = new Set();
  /** How many cards the last change would have selected past the limit. */
  private over = 0;
  /** The card a range (Shift+click, Shift+arrow) is counted from: the last one toggled. */
  private anchor: string | null = null;
  private readonly listeners = new Set<() => void>();
  /** Where each change is kept, so that a reload puts the selection back (keepIn). */
  private kept: KeptSelection | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  constructor(readonly limit = BULK_LIMIT) {}

  /** The selected ids, in the order they were selected (a new set after each change). */
  readonly all = (): ReadonlySet<string> => this.ids;

  /** How many cards the last change left out because the selection was full; 0 if none. */
  readonly leftOut = (): number => this.over;

  has(cardId: string): boolean {
    return this.ids.has(cardId);
  }

  /** Selects the card or takes it out; it becomes the anchor of a range. */
  toggle(cardId: string): void {
    const next = new Set(this.ids);
    this.anchor = cardId;
    if (next.delete(cardId)) this.set(next);
    else this.set(next, this.add(next, [cardId]));
  }

  /**
   * Selects every card of `order` (a column as shown) from the anchor to `cardId`, both
   * included, and keeps what was selected already. Without an anchor in `order` (none yet, or
   * it is in another column), it selects `cardId` alone and makes it the anchor.
   */
  extendTo(cardId: string, order: readonly string[]): void {
    const from = this.anchor === null ? -1 : order.indexOf(this.anchor);
    const to = order.indexOf(cardId);
    const next = new Set(this.ids);
    if (from < 0 || to < 0) {
      this.anchor = cardId;
      this.set(next, this.add(next, [cardId]));
    } else {
      // From the anchor towards the card, so a range cut short by the limit ends nearest it.
      const step = from <= to ? 1 : -1;
      const range: string[] = [];
      for (let i = from; i !== to + step; i += step) range.push(order[i] as string);
      this.set(next, this.add(next, range));
    }
  }

  /** Selects every card of `order` (a column as shown) too, up to the limit. */
  selectAll(order: readonly string[]): void {
    const next = new Set(this.ids);
    this.set(next, this.add(next, order));
  }

  clear(): void {
    this.anchor = null;
    if (this.ids.size > 0 || this.over > 0) this.set(new Set());
  }

  /** Drops the cards no longer on the board; the number dropped. */
  keepOnly(exists: (cardId: string) => boolean): number {
    const next = new Set([...this.ids].filter(exists));
    const dropped = this.ids.size - next.size;
    if (this.anchor !== null && !exists(this.anchor)) this.anchor = null;
    if (dropped > 0) this.set(next);
    return dropped;
  }

  /**
   * Puts back the ids kept in `kept` of the cards that `exists`, up to the limit, and keeps
   * every change there from now on; returns the stop.
   */
  keepIn(kept: KeptSelection, exists: (cardId: string) => boolean): () => void {
    this.kept = kept;
    const back = kept.load().filter(exists);
    if (back.length > 0) this.selectAll(back);
    else kept.save(this.ids);
    return () => {
      if (this.kept === kept) this.kept = null;
    };
  }

  /**
   * An action was done on the selection (Move, Give): it stays in the page for the next one,
   * and what was kept goes, so a reload does not bring back a selection already acted on.
   */
  acted(): void {
    this.kept?.save([]);
  }

  /** Adds the cards to `next` up to the limit; how many it left out. */
  private add(next: Set<string>, cardIds: readonly string[]): number {
    let over = 0;
    for (const id of cardIds) {
      if (next.has(id)) continue;
      if (next.size < this.limit) next.add(id);
      else over++;
    }
    return over;
  }

  private set(ids: ReadonlySet<string>, over = 0): void {
    this.ids = ids;
    this.over = over;
    this.kept?.save(ids);
    for (const listener of this.listeners) listener();
  }
}
