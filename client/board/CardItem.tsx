/**
 * One card in a column: a list item whose accessible name starts with its claim. Editors get
 * the drag handle, "Move to…", edit and delete; everyone can open the card's detail. Only the
 * column's current card is in the tab order (useRovingCard), and its buttons only while focus
 * is in it: Tab goes from a card through its own buttons, then on to the next column. The row
 * is the list item and its place; what it shows is CardBody, which its place does not re-render.
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
import type { Peer } from '../sync/presence';
import { useBoardActions } from './boardActions';
import { CardBody, cardIds } from './CardBody';
import { clearSelection } from './clearSelection';
import type { CardStep } from './cardBeside';
import { edgeWords } from './edgeWords';
import { CARD_KEYS_HINT_ID } from './keyboardShortcuts';
import type { NotSavedState } from './NotSavedMark';

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
  const cardId = card.id;
  const editing = useSyncExternalStore(
    claimEdits.subscribe,
    () => claimEdits.get(cardId) !== undefined,
  );
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({
    id: cardId,
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
  // The same functions while the card is the same: its body (CardBody) is memoised.
  const startEditing = useCallback(() => claimEdits.start(cardId), [claimEdits, cardId]);
  // An edit ended from the keyboard (Enter, Escape) leaves focus on the card, not on the page:
  // the editor it was in is gone. One ended by clicking elsewhere leaves it there.
  const refocus = useRef(false);
  const stopEditing = useCallback(() => {
    refocus.current = own.current?.contains(document.activeElement) ?? false;
    claimEdits.end(cardId);
  }, [claimEdits, cardId]);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    own.current?.focus();
  }, [editing]);

  const { selection } = actions;
  const selected = useSyncExternalStore(selection.subscribe, () => selection.has(cardId));

  // The card's buttons are in the tab order only while focus is in the card.
  const [inside, setInside] = useState(false);
  const ids = cardIds(cardId);

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Escape clears the selection from the card and from its buttons and box too, where a tap
    // or a click on the box leaves focus; a select or the claim's editor takes its own Escape.
    const target = e.target as HTMLElement;
    if (
      e.key === 'Escape' &&
      !e.defaultPrevented &&
      (target === e.currentTarget || target.matches('button, .card-select'))
    ) {
      if (clearSelection(actions)) e.preventDefault();
      return;
    }
    if (target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.openCard(cardId);
    } else if (e.key === ' ') {
      // Space on a card never scrolls the column: it picks the card up, or says why not, in
      // the line over the board that names the role (said once, politely), as E and F2 do.
      e.preventDefault();
      if (actions.canEdit) actions.pickUp(cardId);
      else actions.refuseCardAction('move');
    } else if (e.key === 'F2' || e.key === 'e' || e.key === 'E') {
      // 'E' too: with Caps Lock on, or Shift held, the key said "E" did nothing.
      e.preventDefault();
      if (actions.canEdit) startEditing();
      else actions.refuseCardAction('edit');
    } else if (e.key === 'x' || e.key === 'X') {
      // Space picks a card up, so X selects it, as in Gmail's lists.
      e.preventDefault();
      if (actions.canEdit) selection.toggle(cardId);
      else actions.refuseCardAction('select');
    } else if (e.key === 'A' && e.shiftKey) {
      // Shift+A: all of the column as shown (X is one card; plain A is free for typing aids).
      e.preventDefault();
      if (actions.canEdit) selection.selectAll(actions.shownCards(column));
      else actions.refuseCardAction('select');
    } else if ((e.key === 'Home' || e.key === 'End') && e.shiftKey) {
      // Shift+Home and End select on from the card to the column's first or last, as in a list.
      e.preventDefault();
      if (!actions.canEdit) return actions.refuseCardAction('select');
      const order = actions.shownCards(column);
      const end = e.key === 'Home' ? order[0] : order.at(-1);
      if (!selection.has(cardId)) selection.extendTo(cardId, order);
      if (end === undefined) return;
      selection.extendTo(end, order);
      actions.focusCard(end);
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && e.shiftKey) {
      // Shift+Up and Down select on from the card, within its column, as in a file list.
      e.preventDefault();
      if (!actions.canEdit) return actions.refuseCardAction('select');
      const next = actions.cardBeside(cardId, STEPS[e.key]!);
      const order = actions.shownCards(column);
      if (!selection.has(cardId)) selection.extendTo(cardId, order);
      if (next && order.includes(next)) {
        selection.extendTo(next, order);
        actions.focusCard(next);
      } else actions.announce(edgeWords(column, STEPS[e.key]!));
    } else if (e.key in STEPS && !e.shiftKey) {
      // Not held (useMover takes these keys while a card is in hand): focus moves instead,
      // so a keyboard user goes from card to card without tabbing through each one's buttons.
      e.preventDefault();
      const step = STEPS[e.key]!;
      const next = actions.cardBeside(cardId, step);
      if (next) actions.focusCard(next);
      else actions.announce(edgeWords(column, step));
    }
  };

  return (
    <li
      ref={ref}
      data-index={index}
      data-card-id={cardId}
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={`${ids.claim} ${ids.summary}${peers.length ? ` ${ids.who}` : ''}`}
      aria-describedby={CARD_KEYS_HINT_ID}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={`card${held ? ' held' : ''}${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}${actions.canEdit ? ' editable' : ''}`}
      style={{ top, transform: CSS.Translate.toString(transform), transition }}
      {...(actions.canEdit && !editing ? listeners : {})}
      onKeyDown={onKeyDown}
      onFocus={() => setInside(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setInside(false);
      }}
      onClick={(e) => {
        // Shift+click selects the cards from the last one selected to this one, in its column;
        // Ctrl+click (Cmd+click on a Mac) selects this card or takes it out, keeping the others,
        // in whatever column they are. For one who may not select, they say why instead.
        const toggles = e.ctrlKey || e.metaKey;
        if (!(e.shiftKey || toggles)) return;
        if ((e.target as HTMLElement).closest('button, select, textarea, input, a')) return;
        if (!actions.canEdit) return actions.refuseCardAction('select');
        e.preventDefault();
        if (toggles) selection.toggle(cardId);
        else selection.extendTo(cardId, actions.shownCards(column));
      }}
      onDoubleClick={(e) => {
        // Not from the box either: two quick taps on it (select, then unselect) opened the card.
        if ((e.target as HTMLElement).closest('button, select, textarea, input, a')) return;
        actions.openCard(cardId);
      }}
    >
      <CardBody
        card={card}
        column={column}
        peers={peers}
        editing={editing}
        selected={selected}
        inner={inside ? 0 : -1}
        awaitingMe={awaitingMe}
        misfit={misfit}
        notSaved={notSaved}
        onEdit={startEditing}
        onStopEditing={stopEditing}
      />
    </li>
  );
});
