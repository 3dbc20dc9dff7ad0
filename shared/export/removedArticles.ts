/**
 * The articles a board no longer holds that its cards still quote: a card someone worked on
 * stays when its article is removed (shared/board/articleRemoval, B14), with its quoted
 * sentence, and every export names where that sentence came from (found by QA: a reviewed card
 * on a first version removed after its correction lost its source in every format, and its
 * ClaimReview its `appearance`).
 *
 * The board's doc keeps nothing of a removed article (Yjs drops its content, and a snapshot
 * with it); the history does: its `article.removed` event names the article's title and, since
 * it was recorded, its link (server/audit/observeHistory). A JSON export carries that history
 * and an import keeps it, so a board made from the file names the same article. Of an article
 * removed more than once (an Undo brought it back in between), the last removal counts; one the
 * history does not record (a board from an edited file) is left out, its cards still quoting
 * their sentence.
 */
import type { Actor } from '../board/actor';
import { httpUrl, LIMITS } from '../board/inputs';
import type { BoardView } from '../board/view';
import type { HistoryInput } from './toJsonExport';

export interface RemovedArticle {
  readonly id: string;
  /** As it was when removed; '' when the event names none. */
  readonly title: string;
  /** Its http(s) link; null without one, or removed before the history recorded links. */
  readonly url: string | null;
  readonly removedBy: Actor;
  readonly removedAt: number;
}

const REMOVED = 'article.removed';

/** Removed articles, by id, in the order of their last removal: those the cards quote only. */
export function removedArticles(
  view: BoardView,
  history: readonly HistoryInput[],
): ReadonlyMap<string, RemovedArticle> {
  const onBoard = new Set(view.articles.map((a) => a.id));
  const quoted = new Set<string>();
  for (const card of Object.values(view.cards)) {
    const id = card.source?.articleId;
    if (id !== undefined && !onBoard.has(id)) quoted.add(id);
  }
  const removed = new Map<string, RemovedArticle>();
  if (quoted.size === 0) return removed;
  for (const e of history) {
    const { articleId, title, url } = e.data;
    if (e.type !== REMOVED || typeof articleId !== 'string' || !quoted.has(articleId)) continue;
    removed.delete(articleId);
    removed.set(articleId, {
      id: articleId,
      // A history from an imported file is taken as it is, its data unchecked: a title no
      // longer than any article's, so that the export imports again, and a link only where it
      // is one.
      title: typeof title === 'string' ? title.slice(0, LIMITS.title) : '',
      url: httpUrl.safeParse(url).success ? (url as string) : null,
      removedBy: e.actor,
      removedAt: e.at,
    });
  }
  return removed;
}
