/**
 * Adds fetched history events to those a feed holds: oldest first, each seq once. A feed holds
 * one unbroken run of the board's events (the latest page, older pages before it, polled pages
 * after it), so an incoming event inside that run is already held. Pages usually land wholly
 * after or wholly before the run, a concatenation; overlapping answers are merged by seq. When
 * nothing is new, the held array itself comes back, so React can skip re-rendering. A lead's
 * redaction among the new events takes its comment's words out of those held (applyRedactions).
 */
import { applyRedactions } from './applyRedactions';
import type { HistoryEvent } from './historyEvent';

export function mergeEvents(
  held: readonly HistoryEvent[],
  incoming: readonly HistoryEvent[],
): readonly HistoryEvent[] {
  const merged = mergeRuns(held, incoming);
  return merged === held ? held : applyRedactions(merged, incoming);
}

function mergeRuns(
  held: readonly HistoryEvent[],
  incoming: readonly HistoryEvent[],
): readonly HistoryEvent[] {
  const first = held[0];
  const last = held.at(-1);
  if (incoming.length === 0) return held;
  if (!first || !last) return sortedUnique(incoming);
  const fresh = incoming.filter((e) => e.seq > last.seq || e.seq < first.seq);
  if (fresh.length === 0) return held;
  if (fresh.every((e) => e.seq > last.seq)) return [...held, ...sortedUnique(fresh)];
  if (fresh.every((e) => e.seq < first.seq)) return [...sortedUnique(fresh), ...held];
  return sortedUnique([...held, ...fresh]);
}

function sortedUnique(events: readonly HistoryEvent[]): readonly HistoryEvent[] {
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
