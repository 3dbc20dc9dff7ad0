import { textDigest } from '../articles/textDigest';
import type { RemovedArticle } from '../storage/Storage';

/**
 * The articles a board's history records as removed, by digest: an article put back by an
 * Undo (removeArticle's, however long ago) comes back only as it was removed, every field
 * (articleDigest). Removals recorded before that digest was kept name the text only
 * (textDigest), and for those the text is what is checked. Read once as the room loads;
 * removals while the room lives are remembered by PastActors.
 */
export class RemovedArticles {
  private readonly articles = new Map<string, Set<string>>();
  private readonly texts = new Map<string, Set<string>>();

  load(removed: readonly RemovedArticle[]): void {
    for (const { articleId, textDigest: text, articleDigest: article } of removed) {
      if (article === null) add(this.texts, articleId, text);
      else add(this.articles, articleId, article);
    }
  }

  /** Whether this article was removed as it is now put back (articleDigest), text and all. */
  had(articleId: string, digest: string, text: string): boolean {
    if (this.articles.get(articleId)?.has(digest)) return true;
    return this.texts.get(articleId)?.has(textDigest(text)) ?? false;
  }
}

function add(sets: Map<string, Set<string>>, key: string, value: string): void {
  const set = sets.get(key) ?? new Set<string>();
  set.add(value);
  sets.set(key, set);
}
