/**
 * How lists name a board's articles (the Article view's picker, "Filter by article", the
 * removal dialog): by title, and where two would read the same, with what tells them apart:
 * the host of their source URL, then when they were imported, then their place on the board.
 * An article whose title is its own keeps it bare.
 */
import type { ArticleView } from '../../shared/board/view';
import { formatTime } from '../review/formatTime';

const UNTITLED = 'Untitled article';

function host(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

const imported = (at: number) => `imported ${formatTime(at)}`;

/** What naming an article takes: a removed one, known from the history, has no more. */
export type ArticleNaming = Pick<ArticleView, 'id' | 'title' | 'url' | 'createdAt'>;

/** Adds `more(article)` to the labels that more than one article shares. */
function setApart(
  articles: readonly ArticleNaming[],
  labels: Map<string, string>,
  more: (article: ArticleNaming, index: number) => string | null,
): void {
  const count = new Map<string, number>();
  for (const label of labels.values()) count.set(label, (count.get(label) ?? 0) + 1);
  articles.forEach((a, i) => {
    const label = labels.get(a.id) as string;
    const extra = (count.get(label) ?? 0) > 1 ? more(a, i) : null;
    if (extra) labels.set(a.id, `${label} · ${extra}`);
  });
}

/** Each article's label, by id, all different. `articles` in board order (oldest first). */
export function articleLabels(articles: readonly ArticleNaming[]): ReadonlyMap<string, string> {
  const labels = new Map(articles.map((a) => [a.id, a.title.trim() || UNTITLED]));
  setApart(articles, labels, (a) => host(a.url));
  setApart(articles, labels, (a) => imported(a.createdAt));
  setApart(articles, labels, (_a, i) => `#${i + 1}`);
  return labels;
}
