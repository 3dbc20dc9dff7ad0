import { useMemo } from 'react';
import type { BoardView } from '../../shared/board';
import { type CardFilter, EMPTY_FILTER, filterOptions, isFilterActive, NONE } from './filterCards';

/** Search by text and filter by speaker, verdict and assignee. */
export function FilterBar({
  board,
  filter,
  onChange,
  shown,
}: {
  board: BoardView;
  filter: CardFilter;
  onChange: (f: CardFilter) => void;
  shown: number;
}) {
  const options = useMemo(() => filterOptions(board), [board]);
  const total = Object.keys(board.cards).length;
  const select = (key: 'speaker' | 'verdict' | 'assignee', value: string) =>
    onChange({ ...filter, [key]: value === '' ? null : value });

  return (
    <form
      className="filter-bar"
      role="search"
      aria-label="Filter cards"
      onSubmit={(e) => e.preventDefault()}
    >
      <input
        type="search"
        aria-label="Search cards"
        placeholder="Search claims, speakers, sources…"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <select
        aria-label="Filter by speaker"
        value={filter.speaker ?? ''}
        onChange={(e) => select('speaker', e.target.value)}
      >
        <option value="">Any speaker</option>
        <option value={NONE}>No speaker</option>
        {options.speakers.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by verdict"
        value={filter.verdict ?? ''}
        onChange={(e) => select('verdict', e.target.value)}
      >
        <option value="">Any verdict</option>
        <option value={NONE}>No verdict</option>
        {board.meta.ratingScale.labels.map((l) => (
          <option key={l.label} value={l.label}>
            {l.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by assignee"
        value={filter.assignee ?? ''}
        onChange={(e) => select('assignee', e.target.value)}
      >
        <option value="">Anyone checking</option>
        <option value={NONE}>Nobody checking</option>
        {options.assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {isFilterActive(filter) && (
        <>
          <span className="filter-count" role="status">
            {shown} of {total} cards
          </span>
          <button type="button" className="button small" onClick={() => onChange(EMPTY_FILTER)}>
            Clear filters
          </button>
        </>
      )}
    </form>
  );
}
