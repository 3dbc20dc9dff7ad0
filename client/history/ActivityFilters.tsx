/**
 * The Activity feed's filters: whose changes, what kind, since when (activityFilter). Plain
 * labelled selects, so each is one Tab stop worked with the arrow keys, named for a screen
 * reader; the panel says what the list then holds.
 */
import type { Actor } from '../../shared/board/actor';
import { type ActivityFilter, CHANGE_KINDS, isChangeKind, isSince, SINCE } from './activityFilter';

export function ActivityFilters({
  filter,
  people,
  onChange,
}: {
  filter: ActivityFilter;
  /** Whose changes may be chosen: everyone the loaded history names. */
  people: readonly Actor[];
  onChange: (filter: ActivityFilter) => void;
}) {
  return (
    <fieldset className="activity-filters">
      <legend className="small">Show changes</legend>
      <label className="small">
        By
        <select
          value={filter.person ?? ''}
          onChange={(e) => onChange({ ...filter, person: e.target.value || null })}
        >
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="small">
        Kind
        <select
          value={filter.kind ?? ''}
          onChange={(e) =>
            onChange({ ...filter, kind: isChangeKind(e.target.value) ? e.target.value : null })
          }
        >
          <option value="">All changes</option>
          {Object.entries(CHANGE_KINDS).map(([key, kind]) => (
            <option key={key} value={key}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
      <label className="small">
        When
        <select
          value={filter.since?.key ?? ''}
          onChange={(e) => {
            const key = e.target.value;
            onChange({
              ...filter,
              since: isSince(key) ? { key, from: SINCE[key].from(Date.now()) } : null,
            });
          }}
        >
          <option value="">Any time</option>
          {Object.entries(SINCE).map(([key, since]) => (
            <option key={key} value={key}>
              {since.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
