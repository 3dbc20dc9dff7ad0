/**
 * The changes the server refused on this page, set aside for their person to copy or make
 * again: kept on the device (setAsideStore) until dismissed, with the cards they were of, which
 * the page keeps showing as this device had them.
 */
import { changeOfComments, mergeSetAside, type SetAsideStore } from './setAsideStore';
import type { UnsavedChange } from './unsavedWork';

const NO_CARDS: ReadonlySet<string> = new Set();

/** The cards a refused change was made on: one, or a bulk command's every card. */
export const cardsOf = (c: UnsavedChange): readonly string[] =>
  c.cardIds ?? (c.cardId ? [c.cardId] : []);

export class SetAsideWork {
  private changes: readonly UnsavedChange[];
  private cards: ReadonlySet<string> = NO_CARDS;

  /** `changed` runs when the person takes changes off the list. */
  constructor(
    private readonly store: SetAsideStore | null,
    private readonly changed: () => void,
  ) {
    this.changes = Object.freeze(store?.load() ?? []);
  }

  /** The changes set aside, on this page and by earlier pages of this browser (frozen). */
  get list(): readonly UnsavedChange[] {
    return this.changes;
  }

  /**
   * The cards with changes the server refused on this page: read-only now, the page still
   * shows them as this device has them, those changes with them, until it goes. Kept however
   * the list is dismissed, since the cards still show the changes.
   */
  get refusedCards(): ReadonlySet<string> {
    return this.cards;
  }

  /** Sets this page's refused changes aside, on what the device kept meanwhile. */
  keep(refused: readonly UnsavedChange[]): void {
    if (refused.length === 0) return;
    this.cards = new Set(refused.flatMap(cardsOf));
    this.changes = Object.freeze(mergeSetAside(this.store?.load() ?? this.changes, refused));
    this.store?.save(this.changes);
  }

  find(key: string): UnsavedChange | undefined {
    return this.changes.find((c) => c.key === key);
  }

  /** Takes one refused change off the list, once it has been made again. */
  forget(key: string): void {
    this.changes = Object.freeze(this.changes.filter((c) => c.key !== key));
    this.store?.save(this.changes);
    this.changed();
  }

  /** Forgets the refused changes: their person has what they need of them. */
  dismiss(): void {
    this.changes = Object.freeze([]);
    this.store?.save(this.changes);
    this.changed();
  }

  /** Forgets the changes of these comments (their words were redacted), here and on the device. */
  forgetComments(ids: ReadonlySet<string>): void {
    const left = this.changes.filter((c) => !changeOfComments(c, ids));
    if (left.length !== this.changes.length) this.changes = Object.freeze(left);
    const kept = this.store?.load() ?? [];
    const leftKept = kept.filter((c) => !changeOfComments(c, ids));
    if (leftKept.length !== kept.length) this.store?.save(leftKept);
  }
}
