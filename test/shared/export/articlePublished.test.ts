import { describe, expect, it } from 'vitest';
import { readBoard, setArticlePublished } from '../../../shared/board';
import {
  type BoardExport,
  type ClaimReview,
  toClaimReview,
  toCsv,
  toJsonExport,
  toMarkdown,
} from '../../../shared/export';
import { importedDoc } from '../../helpers/importedDoc';
import { alice, buildHostileBoard } from './hostileBoard';

const importer = { actor: { id: 'importer', name: 'Importer' } };
const viaText = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The hostile board, its linked article published on 1 September 2021 (or not dated). */
function board(dated: boolean) {
  const b = buildHostileBoard();
  if (dated) setArticlePublished(b.doc, { articleId: b.articleId, published: '2021-09-01' }, alice);
  return { ...b, view: readBoard(b.doc) };
}

function reviewsOf(dated: boolean): ClaimReview[] {
  const { view } = board(dated);
  const { reviews } = viaText(toClaimReview(view, { organisation: view.meta.organisation! })) as {
    reviews: ClaimReview[];
  };
  // Those of cards quoting the dated article: the others' claims have no article, nor date.
  return reviews.filter((r) => r.itemReviewed.appearance);
}

describe('the article’s publication day in the exports', () => {
  it('ClaimReview gives it as the claim’s date and its appearance’s', () => {
    const reviews = reviewsOf(true);
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect(review.itemReviewed.datePublished).toBe('2021-09-01');
      expect(review.itemReviewed.appearance?.datePublished).toBe('2021-09-01');
      expect(review.itemReviewed.firstAppearance?.datePublished).toBe('2021-09-01');
    }
  });

  it('ClaimReview writes no claim date when the day is not known', () => {
    for (const review of reviewsOf(false)) {
      expect(review.itemReviewed).not.toHaveProperty('datePublished');
      expect(review.itemReviewed.appearance).toBeDefined();
      expect(review.itemReviewed.appearance).not.toHaveProperty('datePublished');
    }
  });

  it('the JSON export carries it, and a board imported from it has it again', () => {
    const { doc, articleId } = board(true);
    const exported = viaText(toJsonExport(readBoard(doc), [], { exportedAt: 1 })) as BoardExport;
    const articles = exported.articles.map((a) => [a.id, a.published]);
    expect(articles).toContainEqual([articleId, '2021-09-01']);
    expect(articles.filter(([id]) => id !== articleId).every(([, p]) => p === null)).toBe(true);
    const again = importedDoc(JSON.stringify(exported), importer);
    expect(readBoard(again).articles).toEqual(readBoard(doc).articles);
    // Unknown stays absent on the imported board, as on a new article.
    const other = readBoard(again).articles.find((a) => a.id !== articleId)!;
    expect((again.getMap('articles').get(other.id) as Map<string, unknown>).has('published')).toBe(
      false,
    );
  });

  it('an export from before the field imports with every day unknown', () => {
    const { doc } = board(true);
    const old = viaText(toJsonExport(readBoard(doc), [], { exportedAt: 1 })) as {
      articles: Record<string, unknown>[];
    };
    for (const a of old.articles) delete a.published;
    const again = importedDoc(old, importer);
    expect(readBoard(again).articles.map((a) => a.published)).toEqual(old.articles.map(() => null));
  });

  it('an export with an impossible day is refused, naming the field', () => {
    const { doc } = board(true);
    const bad = viaText(toJsonExport(readBoard(doc), [], { exportedAt: 1 })) as {
      articles: Record<string, unknown>[];
    };
    bad.articles[0]!.published = '2021-02-30';
    expect(() => importedDoc(bad, importer)).toThrow(/articles\.0\.published/);
  });

  it('CSV names it with each card’s article, Markdown beside the article', () => {
    const { view, articleId } = board(true);
    const [header, ...rows] = toCsv(view)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const columns = header!.split(',');
    const at = columns.indexOf('article published');
    expect(at).toBe(columns.indexOf('article url') + 1);
    const cells = rows.filter((r) => r.includes('2021-09-01'));
    expect(cells.length).toBeGreaterThan(0);
    const cardsOfArticle = Object.values(view.cards).filter(
      (c) => c.source?.articleId === articleId,
    );
    expect(cells).toHaveLength(cardsOfArticle.length);
    const markdown = toMarkdown(view);
    expect(markdown).toMatch(/^1\. \[.*\]\(.*\) \(published 2021-09-01\)$/m);
    expect(toMarkdown(board(false).view)).not.toContain('published 2021');
  });
});
