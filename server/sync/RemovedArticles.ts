import { textDigest } from '../articles/textDigest';
import type { RemovedArticle } from '../storage/Storage';

/**
 * The texts of the articles a board's history records as removed, by digest: an article put
 * back by an Undo (removeArticle's, however long ago) comes back only with the text it was
 * removed with. Read once as the room loads; removals while the room lives are remembered by
 * PastActors, with their texts.
 */
export class RemovedArticles {
  private readonly digests = new Map<string, Set<string>>();

  load(removed: readonly RemovedArticle[]): void {
    for (const { articleId, textDigest: digest } of removed) {
      const known = this.digests.get(articleId) ?? new Set<string>();
      known.add(digest);
      this.digests.set(articleId, known);
    }
  }

  /** Whether this article was removed with this text. */
  had(articleId: string, text: string): boolean {
    const known = this.digests.get(articleId);
    return known !== undefined && known.has(textDigest(text));
  }
}
