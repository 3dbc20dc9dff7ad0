/**
 * The redaction marks a history holds, by comment: what an export "as of" a moment before a
 * redaction, and an import of one, read the redaction from, as the board of then has no mark.
 */
import type { Actor } from '../board/actor';
import type { RedactedMark } from './redactHistoryData';

/** A history event as the server stores it (and an imported file's, its time in ms). */
export interface MarkedHistoryEvent {
  readonly type: string;
  readonly actor: Actor;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The redaction mark an event's `redacted` holds, if it is one. */
export function markIn(value: unknown): RedactedMark | null {
  if (typeof value !== 'object' || value === null) return null;
  const { by, at } = value as { by?: unknown; at?: unknown };
  if (typeof by !== 'object' || by === null || typeof at !== 'number' || !Number.isFinite(at)) {
    return null;
  }
  const { id, name } = by as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string' ? { by: { id, name }, at } : null;
}

/**
 * Each redacted comment's mark: the one its earlier events carry in place of its words
 * (redactHistoryData), the very mark the redaction set on the board; else, for a comment none
 * of whose events held words (one that came with an imported file's history, say), the lead
 * and time of its `comment.redacted` event.
 */
export function redactionMarks(history: Iterable<MarkedHistoryEvent>): Map<string, RedactedMark> {
  const marked = new Map<string, RedactedMark>();
  const recorded = new Map<string, RedactedMark>();
  for (const event of history) {
    const commentId = event.data.commentId;
    if (typeof commentId !== 'string') continue;
    const mark = markIn(event.data.redacted);
    if (mark) marked.set(commentId, mark);
    else if (event.type === 'comment.redacted' && !recorded.has(commentId)) {
      recorded.set(commentId, { by: event.actor, at: event.at });
    }
  }
  for (const [commentId, mark] of recorded) if (!marked.has(commentId)) marked.set(commentId, mark);
  return marked;
}
