import { COLUMNS, type ColumnId } from '../../shared/board';
import { COLUMN_LABELS } from './columnLabels';

/** The plain "Move to…" control on every card: moves it to the end of another column. */
export function MoveToSelect({
  column,
  onMove,
}: {
  column: ColumnId;
  onMove: (column: ColumnId) => void;
}) {
  return (
    <select
      className="move-to"
      aria-label="Move to…"
      value=""
      onChange={(e) => {
        const target = COLUMNS.find((c) => c === e.target.value);
        if (target) onMove(target);
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
  );
}
