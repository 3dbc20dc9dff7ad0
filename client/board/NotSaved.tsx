/**
 * This person's changes that the server refused (a revoked invite, or changes this device held
 * that their invite may not make), with the text they wrote, to copy: kept on this device
 * until they dismiss the list (client/sync's setAsideStore), however often the page reloads.
 */
import type { UnsavedChange } from '../sync/unsavedWork';
import type { SetAsideOffer } from './setAsideOffers';

const itemId = (cardId: string) => `not-saved-${cardId}`;

/**
 * Moves focus to the first change on this card in the list (a card's NotSavedMark), or to the
 * bulk change that holds it (a move of many cards is one entry, with one id of its own).
 */
export function focusNotSaved(cardId: string): void {
  const item =
    document.getElementById(itemId(cardId)) ??
    document.querySelector<HTMLElement>(`.not-saved li[data-cards~="${cardId}"]`);
  item?.focus();
}

export function NotSaved({
  changes,
  offers,
  onDismiss,
  onPostAgain,
  onEditAgain,
  stillShown = false,
}: {
  changes: readonly UnsavedChange[];
  /** What can be done again with a refused comment now, by its key (setAsideOffers). */
  offers: ReadonlyMap<string, SetAsideOffer>;
  onDismiss: () => void;
  /** Posts a refused new comment again. */
  onPostAgain: (change: UnsavedChange) => void;
  /** Makes a refused edit of a comment again. */
  onEditAgain: (change: UnsavedChange) => void;
  /**
   * The page, refused, still shows the board as this device had it, these changes with it: the
   * server's board cannot be read any more (the invite is refused) nor rebuilt here (this copy
   * no longer holds the values they replaced), so the list says the page shows them, and the
   * cards that do are marked (NotSavedMark).
   */
  stillShown?: boolean;
}) {
  if (changes.length === 0) return null;
  // The first change on each card is where that card's mark leads.
  const first = new Set<string>();
  return (
    <section className="banner not-saved" aria-labelledby="not-saved-heading">
      <h2 id="not-saved-heading">Not saved</h2>
      <p>
        {stillShown
          ? 'The server refused these changes made on this device, so they are not on the board, though this page may still show them until it closes: the cards that show them are marked “Not saved”.'
          : 'The server refused these changes made on this device, so they are not on the board.'}{' '}
        Copy what you need and add it again once you can edit the board.
      </p>
      <ul>
        {changes.map((c) => {
          const offer = offers.get(c.key);
          const card = c.cardId;
          const lead = card !== undefined && !first.has(card);
          if (lead) first.add(card);
          return (
            <li
              key={c.key}
              id={lead ? itemId(card) : undefined}
              data-cards={c.cardIds?.join(' ')}
              tabIndex={lead || c.cardIds ? -1 : undefined}
            >
              <span>{c.what}</span>
              {c.text !== null && <pre className="not-saved-text">{c.text}</pre>}
              {offer?.kind === 'post' && (
                <button type="button" className="button small" onClick={() => onPostAgain(c)}>
                  Post again
                </button>
              )}
              {offer?.kind === 'edit' && (
                <button type="button" className="button small" onClick={() => onEditAgain(c)}>
                  Edit again
                </button>
              )}
              {offer?.kind === 'note' && <p>{offer.note}</p>}
            </li>
          );
        })}
      </ul>
      <button type="button" className="button small" onClick={onDismiss}>
        Dismiss this list
      </button>
    </section>
  );
}
