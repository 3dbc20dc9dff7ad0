/**
 * The mark on a card that shows changes the server refused on this page (QA15 F4). The page
 * cannot roll them back (BoardConnection's refusedCards says why), so the card says the server
 * lacks what it shows, and leads to those changes in Not saved, to copy them.
 */
import { quoted } from '../ui/quoted';
import { focusNotSaved } from './NotSaved';

/** Whether the card's refused changes are still in the Not saved list, or it was dismissed. */
export type NotSavedState = 'listed' | 'dismissed';

// Apart from the words before it in the name (visually-hidden is a block of its own).
const NAME = '— this card shows changes the server did not take';

/** Short: the claim's first words tell the board's marked cards apart (QA24). */
const CLAIM_CHARS = 40;

export function NotSavedMark({
  cardId,
  claim,
  state,
  tabIndex,
}: {
  cardId: string;
  claim: string;
  state: NotSavedState;
  tabIndex: number;
}) {
  const words = (
    <>
      Not saved<span className="visually-hidden">{NAME}</span>
    </>
  );
  if (state === 'dismissed') return <span className="count-chip not-saved-mark">{words}</span>;
  // The button's own name says which card (QA24): every marked card's read "Not saved — this
  // card shows…" alike. The card's name, which says its claim already, stays as it was: it is
  // read through aria-labelledby from its summary, and a name so read takes the button's words
  // above, neither its aria-labelledby nor the hidden text.
  const nameId = `not-saved-name-${cardId}`;
  return (
    <button
      type="button"
      className="count-chip not-saved-mark"
      tabIndex={tabIndex}
      title="Go to them in Not saved, to copy what you need"
      aria-labelledby={nameId}
      onClick={() => focusNotSaved(cardId)}
    >
      {words}
      <span id={nameId} hidden>
        Not saved — {quoted(claim, CLAIM_CHARS)} shows changes the server did not take
      </span>
    </button>
  );
}
