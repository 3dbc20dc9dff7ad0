import { type RefObject, useMemo, useRef, useState } from 'react';
import { type BoardView, COLUMNS } from '../../shared/board';
import { articleLabels } from '../article/articleLabels';
import { FoldToggle } from '../ui/FoldToggle';
import { plural } from '../ui/plural';
import { useFold } from '../ui/useFold';
import {
  type CardFilter,
  EMPTY_FILTER,
  type ForMe,
  isFilterActive,
  MISFIT,
  NONE,
} from './filterCards';
import type { ChangedCards } from './changedCards';
import type { FilterOptions } from './filterOptions';
import { ForMeCount } from './ForMeCount';

/**
 * Search by text and filter by speaker, verdict (or a verdict that is no label of its card's
 * column), assignee and (on a board of several
 * articles) article, or show what waits for me. The count of cards shown is a live region that
 * stays on the page: "Clear filters" says "Filters cleared: 22 cards." through it (the region
 * used to go with the filters, and nothing confirmed the clearing).
 */
export function FilterBar({
  board,
  options,
  filter,
  onChange,
  shown,
  shownFiltered,
  forMe,
  changedCards,
  compact,
  onCompactChange,
  clearRef,
}: {
  board: BoardView;
  /** The board's speakers and assignees (keepOptions). */
  options: FilterOptions;
  filter: CardFilter;
  onChange: (f: CardFilter) => void;
  shown: number;
  /**
   * Whether `shown` counts filtered cards: the columns follow the filter a render after its
   * fields (BoardPage), and the count says what they show.
   */
  shownFiltered: boolean;
  /** Whether a card is assigned to the local user or has a mention of them to answer. */
  forMe: ForMe;
  /** Which cards changed between two boards (BoardConnection.changedCards), for the count. */
  changedCards: ChangedCards;
  /** Compact cards (useCompactCards): a view setting, kept beside the filters it goes with. */
  compact: boolean;
  onCompactChange: (compact: boolean) => void;
  /** "Clear filters", where focus goes when the filter takes the card it was on away. */
  clearRef?: RefObject<HTMLButtonElement | null>;
}) {
  // From the columns, which hold every card: a list of every card's id, made at each of a
  // colleague's changes, was 5 kB a change on 1,000 cards (bigboard bench's burst).
  const total = COLUMNS.reduce((n, c) => n + board.columns[c].length, 0);
  const articleNames = useMemo(() => articleLabels(board.articles), [board.articles]);
  // Said after "Clear filters" until the filter changes again; also after any change that
  // leaves no filter (a search emptied by hand, a filter set back to "Any"), where the count
  // went silent and the last thing heard was "3 of 22 cards" (QA45).
  const [cleared, setCleared] = useState(false);
  const change = (f: CardFilter) => {
    setCleared(isFilterActive(filter) && !isFilterActive(f));
    onChange(f);
  };
  const select = (key: 'speaker' | 'verdict' | 'assignee' | 'article', value: string) =>
    change({ ...filter, [key]: value === '' ? null : value });
  const active = isFilterActive(filter);
  // On a phone the four selects would push the first card half a screen down: they fold
  // behind "Filters" there (CSS decides the width; the button is hidden elsewhere).
  const fold = useFold();
  const searchRef = useRef<HTMLInputElement>(null);
  const chosen = [filter.speaker, filter.verdict, filter.assignee, filter.article].filter(
    (v) => v !== null,
  ).length;

  return (
    <form
      id="filters"
      className="filter-bar"
      role="search"
      aria-label="Filter cards"
      onSubmit={(e) => e.preventDefault()}
    >
      <input
        ref={searchRef}
        type="search"
        aria-label="Search cards"
        placeholder="Search claims, speakers, sources…"
        value={filter.text}
        onChange={(e) => change({ ...filter, text: e.target.value })}
      />
      <FoldToggle fold={fold} className="filter-toggle">
        Filters{chosen > 0 ? ` (${chosen})` : ''}
      </FoldToggle>
      <div {...fold.panel('filter-fields')}>
        <FilterSelect
          label="Filter by speaker"
          value={filter.speaker}
          any="Any speaker"
          none="No speaker"
          options={options.speakers.map((s) => ({ value: s, label: s }))}
          gone={(s) => `${s} (on no card now)`}
          onChange={(v) => select('speaker', v)}
        />
        <FilterSelect
          label="Filter by verdict"
          value={filter.verdict}
          any="Any verdict"
          none="No verdict"
          options={[
            { value: MISFIT, label: 'Not a label for its column' },
            ...board.meta.ratingScale.labels.map((l) => ({ value: l.label, label: l.label })),
          ]}
          gone={(v) => `${v} (no longer a label)`}
          onChange={(v) => select('verdict', v)}
        />
        <FilterSelect
          label="Filter by assignee"
          value={filter.assignee}
          any="Anyone checking"
          none="Nobody checking"
          options={options.assignees.map((a) => ({ value: a.id, label: a.name }))}
          gone={() => 'The colleague chosen (checking no card now)'}
          onChange={(v) => select('assignee', v)}
        />
        {board.articles.length > 1 && (
          <FilterSelect
            label="Filter by article"
            value={filter.article}
            any="Any article"
            none="No article"
            options={board.articles.map((a) => ({
              value: a.id,
              label: articleNames.get(a.id) ?? a.title,
            }))}
            onChange={(v) => select('article', v)}
          />
        )}
        {/* A view setting; on a phone it folds behind Filters with the rest. */}
        <button
          type="button"
          className="button small compact-toggle"
          aria-pressed={compact}
          title="Two lines of each claim; a card shows its tools when it has focus"
          onClick={() => onCompactChange(!compact)}
        >
          Compact cards
        </button>
      </div>
      <button
        type="button"
        className="button small for-me"
        aria-pressed={filter.forMe}
        onClick={() => change({ ...filter, forMe: !filter.forMe })}
      >
        For me <ForMeCount board={board} forMe={forMe} changedCards={changedCards} />
      </button>
      <span className="filter-count" role="status">
        {shownFiltered ? (
          `${shown} of ${total} cards`
        ) : cleared ? (
          // For screen readers only: on screen the filters' going says it, and on a phone a
          // line of text would push the cards down.
          <span className="visually-hidden">
            Filters cleared: {plural(total, 'card', 'cards')}.
          </span>
        ) : null}
      </span>
      {active && (
        <button
          ref={clearRef}
          type="button"
          className="button small"
          onClick={() => {
            onChange(EMPTY_FILTER);
            setCleared(true);
            // The button goes with the filters: focus goes to the search, not to the page.
            searchRef.current?.focus();
          }}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}

/**
 * One filter: "any" (no filter), "none" (cards without a value), then the board's values. A
 * value chosen that the board no longer offers (a colleague renamed the last card's speaker, a
 * lead renamed the verdict label, the assignee released their last card) stays shown, marked,
 * while it filters: React would show "any" over it, the board hiding cards under a menu that
 * says it filters nothing (found by QA).
 */
function FilterSelect({
  label,
  value,
  any,
  none,
  options,
  gone,
  onChange,
}: {
  label: string;
  value: string | null;
  any: string;
  none: string;
  options: readonly { value: string; label: string }[];
  /** The words for a chosen value no longer offered (none for articles: withoutGoneArticle drops it). */
  gone?: (value: string) => string;
  onChange: (value: string) => void;
}) {
  const chosenGone = value !== null && value !== NONE && !options.some((o) => o.value === value);
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      <option value={NONE}>{none}</option>
      {chosenGone && gone && <option value={value}>{gone(value)}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
