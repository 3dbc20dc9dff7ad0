/**
 * A history event of a comment a lead redacted: its words emptied, `redacted: {by, at}` in their
 * place. The server rewrites its stored events so (Storage.redactComment); a browser that read
 * them before rewrites those it holds once it reads the comment.redacted event.
 */
import type { Actor } from '../board/actor';

/** Who redacted the comment's text, and when. */
export interface RedactedMark {
  readonly by: Actor;
  readonly at: number;
}

/** The history fields that hold a comment's words (comment.posted, edited, deleted, restored). */
const WORD_FIELDS = ['text', 'was'] as const;

/**
 * A comment event's data with its words emptied and the redaction marked, or null when it holds
 * none (comment.resolved, say, or comment.redacted itself) or was redacted already (its first
 * mark stays: a second redaction finds none of the words left to scrub), so that it is left as
 * stored.
 */
export function redactHistoryData(
  data: Readonly<Record<string, unknown>>,
  mark: RedactedMark,
): Record<string, unknown> | null {
  if (!WORD_FIELDS.some((field) => field in data)) return null;
  if (data.redacted && WORD_FIELDS.every((field) => !data[field])) return null;
  const redacted: Record<string, unknown> = { ...data, redacted: { by: mark.by, at: mark.at } };
  for (const field of WORD_FIELDS) if (field in data) redacted[field] = '';
  return redacted;
}
