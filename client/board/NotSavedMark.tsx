/**
 * The mark on a card that shows changes the server refused on this page (QA15 F4). The page
 * cannot roll them back (BoardConnection's refusedCards says why), so the card says the server
 * lacks what it shows, and leads to those changes in Not saved, to copy them.
 */
import { focusNotSaved } from './NotSaved';

/** Whether the card's refused changes are still in the Not saved list, or it was dismissed. */
export type NotSavedState = 'listed' | 'dismissed';

// Apart from the words before it in the name (visually-hidden is a block of its own).
const NAME = '— this card shows changes the server did not take';

export function NotSavedMark({
  cardId,
  state,
  tabIndex,
}: {
  cardId: string;
  state: NotSavedState;
  tabIndex: number;
}) {
  const words = (
    <>
      Not saved<span className="visually-hidden">{NAME}</span>
    </>
  );
  if (state === 'dismissed') return <span className="count-chip not-saved-mark">{words}</span>;
  return (
    <button
      type="button"
      className="count-chip not-saved-mark"
      tabIndex={tabIndex}
      title="Go to them in Not saved, to copy what you need"
      onClick={() => focusNotSaved(cardId)}
    >
      {words}
    </button>
  );
}
