import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  ARTICLE_KEYS,
  articlesMap,
  BoardError,
  CommandOrigin,
  initBoard,
  isPublishedDate,
  readBoard,
  setArticlePublished,
} from '../../../shared/board';
import { fieldRule } from '../../../shared/board/fieldRules';
import { articleDateIn } from '../../../shared/extract/articleDate';
import { readFileSync } from 'node:fs';

const NOW = Date.parse('2026-12-07T15:00:00Z');
const alice = { actor: { id: 'inv-a', name: 'Alice' }, now: () => NOW };

function boardWithArticle(published?: string | null) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Board' }, alice);
  const id = addArticle(doc, { title: 'Story', text: 'Crime fell 10%.', published }, alice);
  return { doc, id, article: () => readBoard(doc).articles[0]! };
}

describe('an article’s publication day', () => {
  it('is a real calendar day from 1800 on, not after tomorrow', () => {
    expect(isPublishedDate('2021-09-01', NOW)).toBe(true);
    expect(isPublishedDate('2024-02-29', NOW)).toBe(true);
    expect(isPublishedDate('1800-01-01', NOW)).toBe(true);
    expect(isPublishedDate('2026-12-08', NOW)).toBe(true); // tomorrow: a zone ahead
    for (const bad of [
      '2026-12-09',
      '1799-12-31',
      '2021-02-29',
      '2021-13-01',
      '2021-9-1',
      '01/09/2021',
      '2021-09-01T00:00:00Z',
      '',
      20210901,
      null,
    ]) {
      expect(isPublishedDate(bad, NOW), String(bad)).toBe(false);
    }
  });

  it('reads as null on an article without the key (older boards need no migration)', () => {
    const { doc, article } = boardWithArticle();
    expect(articlesMap(doc).values().next().value!.has(ARTICLE_KEYS.published)).toBe(false);
    expect(article().published).toBeNull();
  });

  it('is written with a new article when given, and a wrong-typed value reads as null', () => {
    const { doc, id, article } = boardWithArticle('2021-09-01');
    expect(article().published).toBe('2021-09-01');
    articlesMap(doc).get(id)!.set(ARTICLE_KEYS.published, 'yesterday');
    expect(article().published).toBeNull();
  });

  it('setArticlePublished sets, changes and clears it in one named transaction each', () => {
    const { doc, id, article } = boardWithArticle();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    setArticlePublished(doc, { articleId: id, published: '2021-09-01' }, alice);
    expect(article().published).toBe('2021-09-01');
    setArticlePublished(doc, { articleId: id, published: '2021-09-02' }, alice);
    expect(article().published).toBe('2021-09-02');
    setArticlePublished(doc, { articleId: id, published: null }, alice);
    expect(article().published).toBeNull();
    expect(origins).toHaveLength(3);
    for (const o of origins) {
      expect(o).toBeInstanceOf(CommandOrigin);
      expect((o as CommandOrigin).command).toBe('setArticlePublished');
    }
    // The same value again writes nothing (B15).
    const before = Y.encodeStateVector(doc);
    setArticlePublished(doc, { articleId: id, published: null }, alice);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses a bad day or an unknown article before writing anything (B9)', () => {
    const { doc, id } = boardWithArticle();
    const before = Y.encodeStateAsUpdate(doc);
    for (const published of ['2021-02-30', '1700-01-01', '2999-01-01', 'soon']) {
      expect(() => setArticlePublished(doc, { articleId: id, published }, alice)).toThrow(
        BoardError,
      );
    }
    expect(() =>
      setArticlePublished(doc, { articleId: 'nope', published: '2021-09-01' }, alice),
    ).toThrow(/no article/);
    expect(() =>
      addArticle(doc, { title: 'T', text: 'Text.', published: '2021-02-30' }, alice),
    ).toThrow(BoardError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('has a layout rule: a day or null, nothing else', () => {
    const rule = fieldRule('articles', 1, ARTICLE_KEYS.published) as (v: unknown) => boolean;
    expect(rule('2021-09-01')).toBe(true);
    expect(rule(null)).toBe(true);
    for (const bad of ['2021-02-30', '9999-01-01', 1_630_454_400_000, { day: 1 }]) {
      expect(rule(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('articleDateIn: the date near the top of an article', () => {
  it.each([
    ['WASHINGTON, Sept. 1, 2021 — The mayor said', '2021-09-01', 'Sept. 1, 2021'],
    ['Headline\nBy Ana Ruiz\n1 September 2021\nThe mayor said', '2021-09-01', '1 September 2021'],
    ['Headline\nPosted 2021-09-01 10:00\nText', '2021-09-01', '2021-09-01'],
    [
      'SAN SALVADOR, 1 de septiembre de 2021. El alcalde dijo',
      '2021-09-01',
      '1 de septiembre de 2021',
    ],
    ['March 3rd, 2020. Updated 2021-01-01', '2020-03-03', 'March 3rd, 2020'],
  ])('%j → %s', (text, day, words) => {
    expect(articleDateIn(text, NOW)).toEqual({ day, words });
  });

  it('proposes nothing without a real day near the top', () => {
    for (const text of [
      'The marathon 5, 2021 was run.',
      'Due 2999-01-01.',
      'On 2021-02-30 nothing happened.',
      `${'Words here. '.repeat(60)}September 1, 2021`,
    ]) {
      expect(articleDateIn(text, NOW), text.slice(0, 40)).toBeNull();
    }
  });

  it('finds none in the seed article, whose top has no date', () => {
    const seed = readFileSync('seeds/000_90c871332769486b.txt', 'utf8');
    expect(articleDateIn(seed, NOW)).toBeNull();
  });
});
