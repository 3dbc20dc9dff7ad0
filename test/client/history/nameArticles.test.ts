/** The Activity feed names two articles of one headline apart, as the board's lists do (QA). */
import { describe, expect, it } from 'vitest';
import { describeEvent, type HistoryEvent } from '../../../client/history/historyEvent';
import { nameArticles } from '../../../client/history/nameArticles';
import type { ArticleView } from '../../../shared/board/view';

const ana = { id: 'ana', name: 'Ana' };
const at = Date.UTC(2026, 11, 6, 8, 0);
let seq = 1;
const ev = (type: string, data: Record<string, unknown>, time = at): HistoryEvent => ({
  seq: seq++,
  cardId: null,
  type,
  actor: ana,
  at: time,
  data,
});
const article = (id: string, title: string, url: string | null): ArticleView => ({
  id,
  title,
  url,
  text: '',
  createdBy: ana,
  createdAt: at,
  published: null,
});

describe('nameArticles', () => {
  it('tells two imports of one headline apart by their sources', () => {
    const events = [
      ev('article.added', { articleId: 'a', title: 'Budget' }),
      ev('article.added', { articleId: 'b', title: 'Budget' }),
      ev('card.moved', { from: 'unverified', to: 'disputed' }),
    ];
    const board = [
      article('a', 'Budget', 'https://tribune.example/budget'),
      article('b', 'Budget', 'https://www.herald.example/b'),
    ];
    const named = nameArticles(events, board);
    expect(named.map(describeEvent).slice(0, 2)).toEqual([
      'imported the article “Budget · tribune.example”',
      'imported the article “Budget · herald.example”',
    ]);
    // Other events are the same objects: their rows do not render again.
    expect(named[2]).toBe(events[2]);
  });

  it('names a removed article from its removal, and the article its cards moved to', () => {
    const events = [
      ev('article.added', { articleId: 'a', title: 'Budget' }),
      ev('article.added', { articleId: 'b', title: 'Budget' }),
      ev('article.removed', {
        articleId: 'a',
        title: 'Budget',
        url: 'https://ledger.example/x',
        moved: 1,
        movedTo: [{ articleId: 'b', title: 'Budget' }],
      }),
    ];
    const named = nameArticles(events, [article('b', 'Budget', 'https://tribune.example/b')]);
    expect(describeEvent(named[2]!)).toBe(
      'removed the article “Budget · ledger.example”; 1 card moved to “Budget · tribune.example”, which has its sentence',
    );
  });

  it('leaves the events as they are when no two articles read alike', () => {
    const events = [
      ev('article.added', { articleId: 'a', title: 'Budget' }),
      ev('article.added', { articleId: 'b', title: 'Prisons' }),
      ev('article.added', { articleId: 'c', title: '' }),
    ];
    const board = [
      article('a', 'Budget', null),
      article('b', 'Prisons', null),
      article('c', '', null),
    ];
    expect(nameArticles(events, board)).toBe(events);
  });
});
