import { type Ref, useId, useRef, useState } from 'react';
import { COLUMNS, type ColumnId } from '../../shared/board';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';

/** Keys with which a closed select changes its value in Chrome on Linux and Windows. */
const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * The plain "Move to…" control on every card: moves it to the end of another column. A
 * choice from the opened list moves at once; arrowing through the closed select only chooses
 * (Chrome changes a closed select's value on each arrow key, so acting on change moved the
 * card at the first key press), and Enter moves. Leaving the select drops the choice. Named
 * after its card's claim, as the card's buttons are: a list of cards read out as "Move to…",
 * "Move to…", "Move to…" does not say which card each would move. A tap on the card's grip
 * opens it (CardBody), and Escape with nothing chosen gives focus back there (`onEscape`).
 */
export function MoveToSelect({
  column,
  claim,
  tabIndex,
  selectRef,
  onMove,
  onEscape,
}: {
  column: ColumnId;
  /** The card's claim, clipped. */
  claim: string;
  /** -1 until focus is in its card (CardItem): the column is one tab stop. */
  tabIndex: number;
  selectRef?: Ref<HTMLSelectElement>;
  onMove: (column: ColumnId) => void;
  /** Escape with no column chosen; true when it took the key (focus went elsewhere). */
  onEscape?: () => boolean;
}) {
  const hintId = useId();
  const [chosen, setChosen] = useState<ColumnId | ''>('');
  const browsing = useRef(false);
  return (
    <>
      <select
        ref={selectRef}
        className="move-to"
        aria-label={`Move to…: ${claim}`}
        tabIndex={tabIndex}
        aria-describedby={hintId}
        value={chosen}
        onKeyDown={(e) => {
          if (BROWSING_KEYS.has(e.key) || e.key.length === 1) browsing.current = true;
          if (e.key === 'Escape' && chosen) {
            // Escape drops the choice, as leaving the select does; a second one leaves.
            e.preventDefault();
            e.stopPropagation();
            setChosen('');
          } else if (e.key === 'Escape' && onEscape?.()) {
            e.preventDefault();
            e.stopPropagation();
          }
          if (e.key === 'Enter' && chosen) {
            e.preventDefault();
            e.stopPropagation();
            onMove(chosen);
            setChosen('');
          }
        }}
        onChange={(e) => {
          const target = COLUMNS.find((c) => c === e.target.value);
          if (!target) return;
          if (browsing.current) {
            browsing.current = false;
            setChosen(target);
          } else {
            onMove(target);
          }
        }}
        onBlur={() => {
          browsing.current = false;
          setChosen('');
        }}
      >
        <option value="" disabled>
          Move to…
        </option>
        {COLUMNS.filter((c) => c !== column).map((c) => (
          <option key={c} value={c}>
            {COLUMN_LABELS[c]}
          </option>
        ))}
      </select>
      <span id={hintId} className="visually-hidden">
        Choose a column, then press Enter to move the card there.
      </span>
    </>
  );
}
