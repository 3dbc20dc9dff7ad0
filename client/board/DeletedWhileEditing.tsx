/**
 * A claim being edited in place on a card that was then deleted (claimEdits): the row and its
 * editor went with the card, and what was typed stays here, to copy, as the card's dialog keeps
 * its forms' text (CardDetail). Should the card come back (an Undo, a restore) the editor opens
 * on it again with the text, and this goes. An edit with nothing typed is simply let go.
 * Each notice's sentence is said once, as it appears, by the board's announcer (useSayNewItems):
 * an alert around the list was read out whole again whenever a notice came. Dismiss leaves
 * focus on the next notice, or the columns.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { BoardView } from '../../shared/board/view';
import { draftChanges } from '../ui/fieldDraft';
import { TypedTextKept } from '../ui/TypedTextKept';
import type { ClaimEdits } from './claimEdits';
import { quoted } from '../ui/quoted';
import { useSayNewItems } from '../ui/useSayNewItems';
import { useBoardActions } from './boardActions';

export function DeletedWhileEditing({
  board,
  edits,
  canRestore,
}: {
  board: BoardView;
  edits: ClaimEdits;
  /** Whether this person may restore a deleted card (from Activity). */
  canRestore: boolean;
}) {
  const all = useSyncExternalStore(edits.subscribe, () => edits.all());
  const gone = [...all].filter(([cardId]) => !board.cards[cardId]);
  const typed = gone.flatMap(([cardId, edit]) => {
    const claim = draftChanges(edit.draft).claim;
    return claim === undefined ? [] : [{ cardId, claim, was: edit.draft.base.claim ?? '' }];
  });
  useEffect(() => {
    for (const [cardId, edit] of gone) {
      if (!typed.some((t) => t.cardId === cardId)) edits.end(cardId);
      // Back later, the editor does not take focus from wherever the person is by then.
      else if (edit.focus) edits.setFocus(cardId, null);
    }
  });
  const { announce } = useBoardActions();
  const list = useRef<HTMLUListElement>(null);
  useSayNewItems(
    list,
    typed.map((t) => t.cardId),
    announce,
  );
  if (typed.length === 0) return null;
  return (
    <div className="banner lost-edits">
      <ul ref={list}>
        {typed.map(({ cardId, claim, was }) => (
          <li key={cardId} className="deleted-while-editing">
            <span data-sentence>
              {quoted(was, 100)} was deleted while you were editing its claim, so your text was not
              saved.{canRestore && ' The card can be restored from its entry in Activity.'}
            </span>
            {/* Fewer rows than in a dialog: this is a banner over the board. */}
            <TypedTextKept text={claim} maxRows={4} />
            <span className="row lost-edit-actions">
              <button
                type="button"
                className="button small"
                onClick={(e) => {
                  focusBeside(e.currentTarget);
                  edits.end(cardId);
                }}
              >
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Before a notice goes with its Dismiss: focus on the next notice's button (the previous one's
 * for the last), else on the columns, not on the page's body.
 */
function focusBeside(pressed: HTMLElement): void {
  const item = pressed.closest('li');
  const beside = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector(
    'button',
  );
  (beside ?? document.getElementById('main'))?.focus();
}
