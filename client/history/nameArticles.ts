/**
 * The Activity feed's article events with each article named as the board's lists name it
 * (articleLabels): two imports of one headline read "imported the article “Budget ·
 * tribune.example”" and "… “Budget · herald.example”", not the same words twice. The articles
 * are those on the board and those the events name (a removed one keeps the title and link its
 * removal recorded). Events whose article needs no more than its title come back as they are,
 * and so does the list when none does: the feed's rows render again only for what changed.
 */
import type { ArticleView } from '../../shared/board/view';
import { stringOrNull } from '../../shared/stringOrNull';
import { type ArticleNaming, articleLabels } from '../article/articleLabels';
import type { HistoryEvent } from './historyEvent';

const ARTICLE_EVENTS = new Set([
  'article.added',
  'article.restored',
  'article.linked',
  'article.dated',
  'article.removed',
]);

interface Named {
  readonly articleId?: unknown;
  readonly title?: unknown;
}

/** The articles the events and the board know of, board order first, then the others by time. */
function knownArticles(
  events: readonly HistoryEvent[],
  articles: readonly ArticleView[],
): ArticleNaming[] {
  const known = new Map<string, ArticleNaming>(articles.map((a) => [a.id, a]));
  const gone = new Map<
    string,
    { id: string; title: string; url: string | null; createdAt: number }
  >();
  const note = (id: unknown, title: unknown, url: unknown, at: number) => {
    if (typeof id !== 'string' || known.has(id)) return;
    const was = gone.get(id);
    gone.set(id, {
      id,
      title: stringOrNull(title) ?? was?.title ?? '',
      url: stringOrNull(url) ?? was?.url ?? null,
      createdAt: Math.min(was?.createdAt ?? at, at),
    });
  };
  for (const e of events) {
    if (!ARTICLE_EVENTS.has(e.type)) continue;
    note(e.data.articleId, e.data.title, e.data.url, e.at);
    if (Array.isArray(e.data.movedTo)) {
      for (const to of e.data.movedTo as Named[]) note(to?.articleId, to?.title, null, e.at);
    }
  }
  return [...articles, ...[...gone.values()].sort((a, b) => a.createdAt - b.createdAt)];
}

export function nameArticles(
  events: readonly HistoryEvent[],
  articles: readonly ArticleView[],
): readonly HistoryEvent[] {
  if (!events.some((e) => ARTICLE_EVENTS.has(e.type))) return events;
  const labels = articleLabels(knownArticles(events, articles));
  // Only where the label says more than the title: an untitled article keeps "an article".
  const rename = (named: Named): string | null => {
    const title = stringOrNull(named.title);
    const label = typeof named.articleId === 'string' ? labels.get(named.articleId) : undefined;
    return title && label && label !== title.trim() ? label : null;
  };
  let changed = false;
  const named = events.map((e) => {
    if (!ARTICLE_EVENTS.has(e.type)) return e;
    const title = rename(e.data);
    const movedTo = Array.isArray(e.data.movedTo) ? (e.data.movedTo as Named[]) : null;
    const moved = movedTo?.map((to) => {
      const label = to && rename(to);
      return label ? { ...to, title: label } : to;
    });
    const movedChanged = moved !== undefined && moved.some((to, i) => to !== movedTo?.[i]);
    if (!title && !movedChanged) return e;
    changed = true;
    return {
      ...e,
      data: { ...e.data, ...(title ? { title } : {}), ...(movedChanged ? { movedTo: moved } : {}) },
    };
  });
  return changed ? named : events;
}
