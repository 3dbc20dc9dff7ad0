/**
 * What a card row shows inside its list item (CardItem): the claim or its editor, who is on
 * it, the summary, and the card's buttons. Memoised apart from the row: a card's place (its
 * index, its offset in the virtualised column, the column's size) changes for every row below
 * a card that comes or goes, and dnd-kit re-renders every sortable row when a row mounts or
 * unmounts anywhere on the board (its droppables change); only the list item follows those.
 * This re-renders when its own card, its marks, or whether focus is in it change.
 */
import { memo, useRef } from 'react';
import type { CardView, ColumnId } from '../../shared/board';
import { useCardLanguage } from '../article/articleLanguages';
import { CardPresence } from '../presence/CardPresence';
import { moveWithVerdict } from '../review/moveVerdict';
import type { Peer } from '../sync/presence';
import { clip } from '../ui/clip';
import { useBoardActions } from './boardActions';
import { CardSummary } from './CardSummary';
import { ClaimEditor } from './ClaimEditor';
import { MoveToSelect } from './MoveToSelect';
import { movedWords } from './moveWords';
import { NotSavedMark, type NotSavedState } from './NotSavedMark';
import { ShownBidiControls } from '../ui/ShownBidiControls';

/** The ids a card's list item names itself by (aria-labelledby). */
export const cardIds = (cardId: string) => ({
  claim: `claim-${cardId}`,
  summary: `summary-${cardId}`,
  who: `who-${cardId}`,
});

export const CardBody = memo(function CardBody({
  card,
  column,
  peers,
  editing,
  selected,
  inner,
  awaitingMe,
  misfit,
  notSaved,
  onEdit,
  onStopEditing,
}: {
  card: CardView;
  column: ColumnId;
  peers: readonly Peer[];
  /** Its claim is being edited in place (claimEdits). */
  editing: boolean;
  /** It is in the selection (cardSelection) the selection bar acts on. */
  selected: boolean;
  /** The tab index of its buttons: 0 while focus is in the card, else -1 (CardItem). */
  inner: 0 | -1;
  awaitingMe: number;
  misfit: boolean;
  notSaved: NotSavedState | null;
  onEdit: () => void;
  onStopEditing: () => void;
}) {
  const actions = useBoardActions();
  const { claimEdits } = actions;
  const ids = cardIds(card.id);
  const short = clip(card.claim, 60);
  const lang = useCardLanguage(card);
  /** Whether the grip's coming click is a finger's tap (its pointerdown's type). */
  const tapped = useRef(false);
  const grip = useRef<HTMLButtonElement>(null);
  const moveTo = useRef<HTMLSelectElement>(null);
  /** Move to… was opened by a tap on the grip: its Escape goes back there. */
  const fromGrip = useRef(false);

  const save = (claim: string) => {
    onStopEditing();
    if (actions.run('edit the claim', () => actions.commands.editCard(card.id, { claim }))) {
      actions.announce('Claim saved.');
    }
  };

  return (
    <>
      <div className="card-top">
        {actions.canEdit && (
          <input
            type="checkbox"
            className="card-select"
            tabIndex={inner}
            aria-label={`Select ${short}`}
            checked={selected}
            readOnly
            onClick={(e) => {
              // Shift+click selects the range from the last card selected, in this column.
              if (e.shiftKey) {
                e.preventDefault();
                actions.selection.extendTo(card.id, actions.shownCards(column));
              } else actions.selection.toggle(card.id);
            }}
          />
        )}
        {editing ? (
          <>
            <span id={ids.claim} className="visually-hidden" lang={lang}>
              {card.claim}
            </span>
            <ClaimEditor
              cardId={card.id}
              current={card.claim}
              updatedBy={card.updatedBy}
              edits={claimEdits}
              onSave={save}
              onCancel={onStopEditing}
            />
          </>
        ) : (
          <p className="claim" id={ids.claim} lang={lang} dir="auto">
            <ShownBidiControls text={card.claim} />
          </p>
        )}
        <CardPresence id={ids.who} peers={peers} />
        {actions.canEdit && (
          <button
            ref={grip}
            type="button"
            className="grip"
            tabIndex={inner}
            aria-label={`Pick up to move: ${short}`}
            title="Drag, or press Space to pick up and use the arrow keys"
            onKeyDown={(e) => {
              if (e.key === ' ' || e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                actions.pickUp(card.id);
              }
            }}
            onPointerDown={(e) => {
              tapped.current = e.pointerType === 'touch';
            }}
            onClick={() => {
              // A tap picked the card up as the keyboard does, to move with arrow keys, Space
              // and Escape, which a phone has none of, and the card stayed in hand; then it only
              // said how to move by touch. A tap opens the card's Move to… (a long press still
              // drags); a click (a mouse, a screen reader's) still picks the card up.
              const byTouch = tapped.current;
              tapped.current = false;
              const select = moveTo.current;
              if (!byTouch || !select) return actions.pickUp(card.id);
              fromGrip.current = true;
              select.focus();
              // The list itself, where the browser can show it from a tap (Chrome 121 on);
              // elsewhere focus on Move to… is as near as a page can bring it.
              try {
                select.showPicker();
              } catch {
                // Not supported, or refused: focus is on it, a second tap opens it.
              }
            }}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
      </div>
      <CardSummary
        id={ids.summary}
        card={card}
        awaitingMe={awaitingMe}
        misfit={misfit}
        notSaved={
          notSaved && (
            <NotSavedMark cardId={card.id} claim={card.claim} state={notSaved} tabIndex={inner} />
          )
        }
      />
      <div
        className="card-actions"
        onBlur={(e) => {
          // Left, Move to… is the card's own again: a later Escape in it stays in it.
          if ((e.target as EventTarget) === moveTo.current) fromGrip.current = false;
        }}
      >
        {actions.canEdit && (
          <MoveToSelect
            column={column}
            claim={short}
            tabIndex={inner}
            selectRef={moveTo}
            onEscape={() => {
              if (!fromGrip.current) return false;
              fromGrip.current = false;
              grip.current?.focus();
              return true;
            }}
            onMove={(target) =>
              // A verdict that does not belong in the target column asks for a new label.
              moveWithVerdict(card.id, target, (verdict) => {
                if (
                  actions.run('move the card', () =>
                    actions.commands.moveCard(card.id, {
                      column: target,
                      index: Infinity,
                      verdict,
                    }),
                  )
                ) {
                  // Last in the column it goes to: its cards as shown before the move, and it.
                  const size = actions.shownIn(target) + 1;
                  actions.announce(
                    movedWords(short, column, { column: target, index: size - 1, size }),
                  );
                  actions.focusCard(card.id);
                }
              })
            }
          />
        )}
        <span className="card-actions-spacer" />
        <button
          type="button"
          className="button small ghost"
          tabIndex={inner}
          aria-label={`Open: ${short}`}
          onClick={() => actions.openCard(card.id)}
        >
          Open
        </button>
        {actions.canEdit && (
          <>
            <button
              type="button"
              className="button small ghost"
              tabIndex={inner}
              aria-label={`Edit claim: ${short}`}
              onClick={onEdit}
            >
              Edit
            </button>
            <button
              type="button"
              className="button small ghost danger"
              tabIndex={inner}
              aria-label={`Delete card: ${short}`}
              onClick={() => {
                const next =
                  actions.cardBeside(card.id, 'down') ?? actions.cardBeside(card.id, 'up');
                if (actions.run('delete the card', () => actions.commands.deleteCard(card.id))) {
                  actions.notify(`Card deleted: ${short}`, true);
                  if (next) actions.focusCard(next);
                }
              }}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </>
  );
});
