/**
 * What colleagues changed on a card between two readings of it, as plain items for the open
 * card's announcements (useCardNews): a comment or reply posted, evidence added, the card
 * moved, its claim, speaker, rationale or publication details rewritten, its verdict set or
 * cleared (by a move too: one to a column where the verdict is not a label clears it), taken,
 * given or released. The person's own changes are not news (they announce themselves),
 * nor is a card given to the person: the board's notice tells it. A rewritten text is news for
 * a screen-reader user most of all: its box changes under them in silence otherwise.
 */
import type { Actor, CardView, ColumnId, Stance } from '../../shared/board';

/** The card's texts a colleague may rewrite, in the order they are told. */
export const EDITED_FIELDS = ['claim', 'speaker', 'rationale', 'publication'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

const changedFields = (was: CardView, now: CardView): EditedField[] =>
  EDITED_FIELDS.filter((f) =>
    f === 'publication'
      ? was.speakerType !== now.speakerType || was.reviewUrl !== now.reviewUrl
      : was[f] !== now[f],
  );

export type CardNewsItem =
  | { readonly kind: 'comment'; readonly by: Actor; readonly reply: boolean; readonly text: string }
  | { readonly kind: 'evidence'; readonly by: Actor; readonly stance: Stance; readonly url: string }
  | { readonly kind: 'moved'; readonly by: Actor; readonly column: ColumnId }
  | { readonly kind: 'edited'; readonly by: Actor; readonly fields: readonly EditedField[] }
  /** `verdict` null: cleared. */
  | { readonly kind: 'verdict'; readonly by: Actor; readonly verdict: string | null }
  | { readonly kind: 'assignee'; readonly by: Actor; readonly assignee: Actor | null };

export function cardNews(was: CardView, now: CardView, me: Actor): CardNewsItem[] {
  const news: CardNewsItem[] = [];
  const seen = new Set(was.comments.map((c) => c.id));
  for (const c of now.comments) {
    if (seen.has(c.id) || c.author.id === me.id || c.deletedAt !== null) continue;
    news.push({ kind: 'comment', by: c.author, reply: c.parentId !== null, text: c.text });
  }
  const held = new Set(was.evidence.map((e) => e.id));
  for (const e of now.evidence) {
    if (held.has(e.id) || e.addedBy.id === me.id) continue;
    news.push({ kind: 'evidence', by: e.addedBy, stance: e.stance, url: e.url });
  }
  const by = now.updatedBy;
  if (by.id === me.id) return news;
  if (now.column !== was.column) news.push({ kind: 'moved', by, column: now.column });
  // Told with a move as well: History has both, and the dialog's verdict changes with it.
  if (now.verdict !== was.verdict) news.push({ kind: 'verdict', by, verdict: now.verdict });
  const fields = changedFields(was, now);
  if (fields.length > 0) news.push({ kind: 'edited', by, fields });
  const taker = now.assignee;
  if (taker?.id !== was.assignee?.id && taker?.id !== me.id) {
    news.push({ kind: 'assignee', by, assignee: taker });
  }
  return news;
}
