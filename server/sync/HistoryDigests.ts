import { textDigest } from '../articles/textDigest';
import type { DeletedCardSource, RemovedArticle } from '../storage/Storage';

/**
 * What a board's history records of the articles removed from it and the cards deleted, by
 * digest, read once as the room loads (while it lives, PastActors remembers removals with
 * their values). An Undo may put back what went, however long ago, only as it went:
 * - an article, every field (articleDigest); removals recorded before that digest was kept
 *   name the text only (textDigest), and for those the text is what is checked;
 * - a card's source (sourceDigest), which can be checked against nothing else once its
 *   article is gone too.
 */
export class HistoryDigests {
  private readonly articles = new Map<string, Set<string>>();
  private readonly texts = new Map<string, Set<string>>();
  private readonly sources = new Map<string, Set<string>>();

  load(removed: readonly RemovedArticle[], deleted: readonly DeletedCardSource[]): void {
    for (const { articleId, textDigest: text, articleDigest: article } of removed) {
      if (article === null) add(this.texts, articleId, text);
      else add(this.articles, articleId, article);
    }
    for (const { cardId, sourceDigest } of deleted) add(this.sources, cardId, sourceDigest);
  }

  /** Whether this article was removed as it is now put back (articleDigest), text and all. */
  hadArticle(articleId: string, digest: string, text: string): boolean {
    if (this.articles.get(articleId)?.has(digest)) return true;
    return this.texts.get(articleId)?.has(textDigest(text)) ?? false;
  }

  /** Whether this card was deleted quoting the source of this sourceDigest. */
  hadCardSource(cardId: string, digest: string): boolean {
    return this.sources.get(cardId)?.has(digest) ?? false;
  }
}

function add(sets: Map<string, Set<string>>, key: string, value: string): void {
  const set = sets.get(key) ?? new Set<string>();
  set.add(value);
  sets.set(key, set);
}
