/**
 * What the arrow keys say while a card is in hand from the keyboard, when they come faster
 * than anyone can listen: a held arrow key repeats 30-50 times a second, and a sentence per
 * press ("Unverified, position 2 of 300", "… 3 of 300", …) in the assertive region cut each
 * other off for as long as the key was held. The first press of a burst says the card's place
 * at once, the presses after it say nothing, and the burst's last place is said once the keys
 * stop (`settle`); an edge is said once, with the place the burst left the card at if that was
 * not said yet, and no more for the presses that meet it again.
 */
export class CarryVoice {
  /** A key came since the last settle. */
  private inBurst = false;
  /** The card's place as last said is where it is. */
  private placeSaid = true;
  /** The edge the card is at has been said since it last moved. */
  private edgeSaid = false;

  /** One arrow key; `moved` when the card took a step. Words to say now, if any. */
  step(moved: boolean, place: () => string, edge: () => string): string | null {
    const first = !this.inBurst;
    this.inBurst = true;
    if (moved) {
      this.edgeSaid = false;
      this.placeSaid = first;
      return first ? place() : null;
    }
    if (this.edgeSaid) return null;
    this.edgeSaid = true;
    const words = this.placeSaid ? edge() : `${edge()} ${place()}`;
    this.placeSaid = true;
    return words;
  }

  /** The keys have stopped: the burst's last place, unless it was said. */
  settle(place: () => string): string | null {
    this.inBurst = false;
    this.edgeSaid = false;
    if (this.placeSaid) return null;
    this.placeSaid = true;
    return place();
  }
}
