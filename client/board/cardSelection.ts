/**
 * The cards selected to act on at once (SelectionBar: move, assign, delete), held above the
 * columns like the claims being edited (claimEdits): a row reads only whether its own card is
 * selected, so selecting a card renders that row and the bar, not every card.
 *
 * A selected card stays selected while a filter hides it (the bar counts it, and says so) and
 * while it moves between columns; one deleted, by anyone, leaves the selection (`keepOnly`).
 */
export class CardSelection {
  private ids: ReadonlySet<string> = new Set();
  /** The card a range (Shift+click, Shift+arrow) is counted from: the last one toggled. */
  private anchor: string | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The selected ids, in the order they were selected (a new set after each change). */
  readonly all = (): ReadonlySet<string> => this.ids;

  has(cardId: string): boolean {
    return this.ids.has(cardId);
  }

  /** Selects the card or takes it out; it becomes the anchor of a range. */
  toggle(cardId: string): void {
    const next = new Set(this.ids);
    if (!next.delete(cardId)) next.add(cardId);
    this.anchor = cardId;
    this.set(next);
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
      next.add(cardId);
      this.anchor = cardId;
    } else {
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(order[i] as string);
    }
    this.set(next);
  }

  clear(): void {
    this.anchor = null;
    if (this.ids.size > 0) this.set(new Set());
  }

  /** Drops the cards no longer on the board; the number dropped. */
  keepOnly(exists: (cardId: string) => boolean): number {
    const next = new Set([...this.ids].filter(exists));
    const dropped = this.ids.size - next.size;
    if (this.anchor !== null && !exists(this.anchor)) this.anchor = null;
    if (dropped > 0) this.set(next);
    return dropped;
  }

  private set(ids: ReadonlySet<string>): void {
    this.ids = ids;
    for (const listener of this.listeners) listener();
  }
}
