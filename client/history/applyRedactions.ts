/**
 * Comment events whose words a lead redacted, emptied in a feed's hands before its next read
 * brings them so from the server: a feed asks only for newer events, so those it held from
 * before the redaction keep the words until it learns of it, from the comment.redacted event it
 * fetches (applyRedactions) or, at once, from the board, which marks the comment redacted as
 * soon as it syncs (applyBoardRedactions). The held array itself comes back when no event
 * changes, so that what is built from it is not built again.
 */
import type { RedactedMark } from '../../shared/history/redactHistoryData';
import { redactHistoryData } from '../../shared/history/redactHistoryData';
import type { HistoryEvent } from './historyEvent';

/** Events of comments that a comment.redacted event among those fetched redacted, up to it. */
export function applyRedactions(
  events: readonly HistoryEvent[],
  fetched: readonly HistoryEvent[],
): readonly HistoryEvent[] {
  const redactions = new Map<unknown, HistoryEvent>();
  for (const e of fetched) if (e.type === 'comment.redacted') redactions.set(e.data.commentId, e);
  if (redactions.size === 0) return events;
  return redactEvents(events, (e) => {
    const redaction = redactions.get(e.data.commentId);
    return redaction && e.seq <= redaction.seq ? { by: redaction.actor, at: redaction.at } : null;
  });
}

/** Events of the comments the board marks redacted (redactedComments), by comment id. */
export function applyBoardRedactions(
  events: readonly HistoryEvent[],
  redacted: ReadonlyMap<string, RedactedMark>,
): readonly HistoryEvent[] {
  if (redacted.size === 0) return events;
  return redactEvents(events, (e) =>
    typeof e.data.commentId === 'string' ? (redacted.get(e.data.commentId) ?? null) : null,
  );
}

function redactEvents(
  events: readonly HistoryEvent[],
  markOf: (e: HistoryEvent) => RedactedMark | null,
): readonly HistoryEvent[] {
  let changed = false;
  const next = events.map((e) => {
    if (e.data.redacted) return e;
    const mark = markOf(e);
    const data = mark && redactHistoryData(e.data, mark);
    if (!data) return e;
    changed = true;
    return { ...e, data };
  });
  return changed ? next : events;
}
