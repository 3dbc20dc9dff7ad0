import { idFitsText } from '../articles/articleIdFor';
import { textDigest } from '../articles/textDigest';
import type { DeletedCardSource, RemovedArticle } from '../storage/Storage';

/**
 * What a board's history records of the articles removed from it and the cards deleted, by
 * digest, read once as the room loads (while it lives, PastActors remembers removals with
 * their values). An Undo may put back what went, however long ago, only as it went:
 * - an article as its last removal took it, every field (articleDigest); a removal recorded
 *   before that digest was kept names the text only (textDigest), and then the text is what is
 *   checked; one recorded before any digest names nothing, and then the text must be the one
 *   its id was made from (idFitsText): an article that came in a board file keeps the file's id,
 *   which may be none made so, and then no Undo puts it back;
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
    if (last.articleDigest !== null) return last.articleDigest === digest;
    if (last.textDigest !== null) return last.textDigest === textDigest(text);
    // Removals recorded before any digest was kept (before 4 December 2026): an imported
    // article's id is a hash of its words, so the words put back must be the ones it went with.
    return idFitsText(articleId, text);
  }

  /** Whether this card was deleted quoting the source of this sourceDigest. */
  hadCardSource(cardId: string, digest: string): boolean {
    return this.sources.get(cardId)?.has(digest) ?? false;
  }
}
