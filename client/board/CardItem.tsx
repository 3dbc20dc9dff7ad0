/**
 * One card in a column: a list item whose accessible name starts with its claim. Editors get
 * the drag handle, "Move to…", edit and delete; everyone can open the card's detail. Only the
 * column's current card is in the tab order (useRovingCard), and its buttons only while focus
 * is in it: Tab goes from a card through its own buttons, then on to the next column.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  memo,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { CardView, ColumnId } from '../../shared/board';
import { CardPresence } from '../presence/CardPresence';
import type { Peer } from '../sync/presence';
import { useBoardActions } from './boardActions';
import type { CardStep } from './cardBeside';
import { CardSummary } from './CardSummary';
import { edgeWords } from './edgeWords';
import { ClaimEditor } from './ClaimEditor';
import { useCardLanguage } from '../article/articleLanguages';
import { CARD_KEYS_HINT_ID, REFUSED_CARD_KEYS } from './keyboardShortcuts';
import { MoveToSelect } from './MoveToSelect';
import { NotSavedMark, type NotSavedState } from './NotSavedMark';
import { movedWords } from './moveWords';
import { moveWithVerdict } from '../review/moveVerdict';
import { clip } from '../ui/clip';

export interface CardItemProps {
  readonly card: CardView;
  readonly column: ColumnId;
  readonly index: number;
  readonly setSize: number;
  /** The column's one card in the tab order (useRovingCard). */
  readonly tabbable: boolean;
  /** Offset from the top of the list (the column is virtualised). */
  readonly top: number;
  readonly peers: readonly Peer[];
  /** This card is in the local user's hand (keyboard or mouse). */
  readonly held: boolean;
  /** Its comment threads that wait for the local user's answer to a mention. */
  readonly awaitingMe: number;
  /** Its verdict is not a label of its column (verdictFitsCard): the summary says so. */
  readonly misfit: boolean;
  /** It shows changes the server refused on this page (NotSavedMark); null when none. */
  readonly notSaved: NotSavedState | null;
  readonly measure: (el: HTMLElement | null) => void;
}

/** The keys that move focus between cards, and where to. */
const STEPS: Readonly<Record<string, CardStep>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'first',
  End: 'last',
};

export const CardItem = memo(function CardItem({
  card,
  column,
  index,
  setSize,
  tabbable,
  top,
  peers,
  held,
  awaitingMe,
  misfit,
  notSaved,
  measure,
}: CardItemProps) {
  const actions = useBoardActions();
  // Kept above the columns, so that the edit outlives this row (claimEdits).
  const { claimEdits } = actions;
  const editing = useSyncExternalStore(
    claimEdits.subscribe,
    () => claimEdits.get(card.id) !== undefined,
  );
  const setEditing = (on: boolean) => (on ? claimEdits.start(card.id) : claimEdits.end(card.id));
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({
    id: card.id,
    disabled: !actions.canEdit || editing,
    data: { column },
  });
  const own = useRef<HTMLLIElement | null>(null);
  const ref = useCallback(
    (el: HTMLLIElement | null) => {
      own.current = el;
      setNodeRef(el);
      measure(el);
    },
    [setNodeRef, measure],
  );
  // An edit ended from the keyboard (Enter, Escape) leaves focus on the card, not on the page:
  // the editor it was in is gone. One ended by clicking elsewhere leaves it there.
  const refocus = useRef(false);
  const stopEditing = () => {
    refocus.current = own.current?.contains(document.activeElement) ?? false;
    setEditing(false);
  };
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    own.current?.focus();
  }, [editing]);

  // The card's buttons are in the tab order only while focus is in the card.
  const [inside, setInside] = useState(false);
  const inner = inside ? 0 : -1;

  const ids = { claim: `claim-${card.id}`, summary: `summary-${card.id}`, who: `who-${card.id}` };
  const short = clip(card.claim, 60);
  const lang = useCardLanguage(card);

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.openCard(card.id);
    } else if (e.key === ' ') {
      // Space on a card never scrolls the column: it picks the card up, or says why not, in
      // the notice at the foot of the board (seen, and announced once), as E and F2 do.
      e.preventDefault();
      if (actions.canEdit) actions.pickUp(card.id);
      else actions.notify(REFUSED_CARD_KEYS.move, false);
    } else if (e.key === 'F2' || e.key === 'e' || e.key === 'E') {
      // 'E' too: with Caps Lock on, or Shift held, the key said "E" did nothing.
      e.preventDefault();
      if (actions.canEdit) setEditing(true);
      else actions.notify(REFUSED_CARD_KEYS.edit, false);
    } else if (e.key in STEPS && !e.shiftKey) {
      // Not held (useMover takes these keys while a card is in hand): focus moves instead,
      // so a keyboard user goes from card to card without tabbing through each one's buttons.
      e.preventDefault();
      const step = STEPS[e.key]!;
      const next = actions.cardBeside(card.id, step);
      if (next) actions.focusCard(next);
      else actions.announce(edgeWords(column, step));
    }
  };

  const save = (claim: string) => {
    stopEditing();
    if (actions.run('edit the claim', () => actions.commands.editCard(card.id, { claim }))) {
      actions.announce('Claim saved.');
    }
  };

  return (
    <li
      ref={ref}
      data-index={index}
      data-card-id={card.id}
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={`${ids.claim} ${ids.summary}${peers.length ? ` ${ids.who}` : ''}`}
      aria-describedby={CARD_KEYS_HINT_ID}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={`card${held ? ' held' : ''}${isDragging ? ' dragging' : ''}${actions.canEdit ? ' editable' : ''}`}
      style={{ top, transform: CSS.Translate.toString(transform), transition }}
      {...(actions.canEdit && !editing ? listeners : {})}
      onKeyDown={onKeyDown}
      onFocus={() => setInside(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setInside(false);
      }}
      onDoubleClick={(e) => {
        if ((e.target as HTMLElement).closest('button, select, textarea')) return;
        actions.openCard(card.id);
      }}
    >
      <div className="card-top">
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
              onCancel={stopEditing}
            />
          </>
        ) : (
          <p className="claim" id={ids.claim} lang={lang} dir="auto">
            {card.claim}
          </p>
        )}
        <CardPresence id={ids.who} peers={peers} />
        {actions.canEdit && (
          <button
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
            onClick={() => actions.pickUp(card.id)}
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
      <div className="card-actions">
        {actions.canEdit && (
          <MoveToSelect
            column={column}
            claim={short}
            tabIndex={inner}
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
              onClick={() => setEditing(true)}
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
    </li>
  );
});
