/**
 * The board's activity feed: every recorded change, newest first, each attributed by the
 * server to the person whose invite made it. It loads the latest page, older pages on demand
 * ("Load older activity"), and then only what is new as the board or its invites change.
 * Editors and leads restore a deleted card from its deletion's entry. A non-modal panel beside
 * the board (like the article view): focus moves to its heading when it opens, Escape closes
 * it, and a card's claim opens that card. Filters above the list narrow it to one person's
 * changes, a kind of change, a time (ActivityFilters), and say what it then holds. The list
 * itself is ActivityFeed.
 */
import { useCallback, useMemo, useState } from 'react';
import type { BoardView } from '../../shared/board/view';
import { useBoardActions } from '../board/boardActions';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { clip } from '../ui/clip';
import { SidePanel } from '../ui/SidePanel';
import { useBoardAccess } from '../review/useBoardAccess';
import { ActivityFeed, type FocusRequest } from './ActivityFeed';
import { ActivityFilters } from './ActivityFilters';
import {
  type ActivityFilter,
  activityPeople,
  filterActivity,
  filterSummary,
  isFiltering,
  NO_FILTER,
} from './activityFilter';
import { HistoryReadStatus } from './HistoryReadStatus';
import { LoadOlderButton } from './LoadOlderButton';
import { nameArticles } from './nameArticles';
import { restoreCard, restoreRefusal } from './restoreCard';
import { useBoardRedactions } from './useBoardRedactions';
import { useHistory } from './useHistory';
import '../review/review.css';

export function ActivityPanel({
  board,
  invitesChanged,
  onClose,
  onDismiss,
}: {
  board: BoardView;
  /**
   * Moves when the board's invites changed (BoardSnapshot.invitesChanged): a role change is in
   * the history but changes nothing on the board.
   */
  invitesChanged: number;
  onClose: () => void;
  /** Closes without returning focus: another side panel opened. */
  onDismiss: () => void;
}) {
  const actions = useBoardActions();
  const access = useBoardAccess();
  const changeKey = useMemo(() => ({ board, invitesChanged }), [board, invitesChanged]);
  const history = useHistory(access, null, changeKey);
  const { error, awaitingConnection } = history;
  // The words of a comment a lead redacted go as soon as the board says so, not at the next read.
  const redacted = useBoardRedactions(history.events, board, null);
  // Two articles of one headline told apart, as the board's lists tell them (nameArticles).
  const events = useMemo(
    () => redacted && nameArticles(redacted, board.articles),
    [redacted, board.articles],
  );
  // Reversed only when the events change, not at every change of the board.
  const latest = useMemo(() => (events ? [...events].reverse() : null), [events]);
  const [filter, setFilter] = useState<ActivityFilter>(NO_FILTER);
  const people = useMemo(() => (latest ? activityPeople(latest) : []), [latest]);
  const shown = useMemo(() => latest && filterActivity(latest, filter), [latest, filter]);
  /** What the filtered list holds, in words; null while nothing is filtered. */
  const summaryOf = useCallback(
    (next: ActivityFilter, count: number) =>
      latest && isFiltering(next)
        ? filterSummary(
            count,
            latest.length,
            !history.hasOlder,
            next,
            people.find((p) => p.id === next.person)?.name ?? null,
          )
        : null,
    [latest, history.hasOlder, people],
  );
  const summary = shown && summaryOf(filter, shown.length);
  const changeFilter = useCallback(
    (next: ActivityFilter) => {
      setFilter(next);
      const count = latest ? filterActivity(latest, next).length : 0;
      actions.announce(summaryOf(next, count) ?? 'Every change loaded is listed.');
    },
    [latest, summaryOf, actions],
  );
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const restore = useMemo(() => {
    if (!actions.canEdit || !access) return null;
    return async (cardId: string) => {
      setRestoreError(null);
      try {
        const card = await restoreCard(access.id, access.token, cardId);
        actions.announce(`Card restored to ${COLUMN_LABELS[card.column]}: ${clip(card.claim, 60)}`);
      } catch (err) {
        const refusal = restoreRefusal(err);
        if (refusal === null) {
          actions.announce('A colleague has restored this card already.');
          return;
        }
        setRestoreError(refusal);
        throw err;
      }
    };
  }, [actions, access]);
  const focusEntry = useCallback(
    (seq: number) => setFocus((previous) => ({ seq, n: (previous?.n ?? 0) + 1 })),
    [],
  );

  return (
    <SidePanel
      title="Activity"
      closeLabel="Close activity"
      className="activity-panel"
      onClose={onClose}
      onDismiss={onDismiss}
    >
      <HistoryReadStatus what="Activity" awaitingConnection={awaitingConnection} error={error} />
      {restoreError && (
        <p className="error small" role="alert">
          {restoreError}
        </p>
      )}
      {latest !== null && latest.length > 0 && (
        <ActivityFilters filter={filter} people={people} onChange={changeFilter} />
      )}
      {latest === null || shown === null ? (
        !error && !awaitingConnection && <p className="muted">Loading activity…</p>
      ) : latest.length === 0 ? (
        <p className="muted">Nothing has happened on this board yet.</p>
      ) : shown.length === 0 ? (
        <p className="muted small">{summary}</p>
      ) : (
        <ActivityFeed
          events={shown}
          allEvents={latest}
          summary={summary}
          olderCount={history.olderCount}
          cards={board.cards}
          openCard={actions.openCard}
          restore={restore}
          focus={focus}
          announce={actions.announce}
        />
      )}
      <LoadOlderButton history={history} newestFirst focusEntry={focusEntry} />
    </SidePanel>
  );
}
