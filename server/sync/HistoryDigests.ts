import { textDigest } from '../articles/textDigest';
import type { DeletedCardSource, RemovedArticle } from '../storage/Storage';

/**
 * What a board's history records of the articles removed from it and the cards deleted, by
 * digest, read once as the room loads (while it lives, PastActors remembers removals with
 * their values). An Undo may put back what went, however long ago, only as it went:
 * - an article as its last removal took it, every field (articleDigest); a removal recorded
 *   before that digest was kept names the text only (textDigest), and then the text is what is
 *   checked;
 * - a card's source (sourceDigest), which can be checked against nothing else once its
 *   article is gone too.
 */
export class HistoryDigests {
  /** Each article's last removal, by id (the list is oldest first). */
  private readonly articles = new Map<string, RemovedArticle>();
  private readonly sources = new Map<string, Set<string>>();

  load(removed: readonly RemovedArticle[], deleted: readonly DeletedCardSource[]): void {
    for (const article of removed) this.articles.set(article.articleId, article);
    for (const { cardId, sourceDigest } of deleted) {
      const set = this.sources.get(cardId) ?? new Set<string>();
      this.sources.set(cardId, set.add(sourceDigest));
    }
  }

  /** Whether this article's last removal took it as it is now put back, text and all. */
  lastArticleWas(articleId: string, digest: string, text: string): boolean {
    const last = this.articles.get(articleId);
    if (!last) return false;
    return last.articleDigest === null
      ? last.textDigest === textDigest(text)
      : last.articleDigest === digest;
  }

  /** Whether this card was deleted quoting the source of this sourceDigest. */
  hadCardSource(cardId: string, digest: string): boolean {
    return this.sources.get(cardId)?.has(digest) ?? false;
  }
}
