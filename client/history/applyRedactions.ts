/**
 * A comment.redacted event among those a feed fetched: the feed's earlier events of that comment
 * still hold its words as they were read before the redaction (a feed asks only for newer
 * events), so they lose them here, as the server's stored ones did. The held array itself comes
 * back when no event fetched is a redaction.
 */
import { redactHistoryData } from '../../shared/history/redactHistoryData';
import type { HistoryEvent } from './historyEvent';

export function applyRedactions(
  events: readonly HistoryEvent[],
  fetched: readonly HistoryEvent[],
): readonly HistoryEvent[] {
  const redactions = new Map<unknown, HistoryEvent>();
  for (const e of fetched) if (e.type === 'comment.redacted') redactions.set(e.data.commentId, e);
  if (redactions.size === 0) return events;
  return events.map((e) => {
    const redaction = redactions.get(e.data.commentId);
    if (!redaction || e.seq > redaction.seq || e.data.redacted) return e;
    const data = redactHistoryData(e.data, { by: redaction.actor, at: redaction.at });
    return data ? { ...e, data } : e;
  });
}
