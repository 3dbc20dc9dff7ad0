/** Articles of one headline read apart in the picker and the filter (QA item 15). */
import { describe, expect, it } from 'vitest';
import { articleLabels } from '../../../client/article/articleLabels';
import { formatTime } from '../../../client/review/formatTime';
import type { ArticleView } from '../../../shared/board/view';

const ana = { id: 'ana', name: 'Ana' };
const article = (
  id: string,
  title: string,
  url: string | null,
  createdAt: number,
): ArticleView => ({
  id,
  title,
  url,
  text: '',
  createdBy: ana,
  createdAt,
  published: null,
});

describe('articleLabels', () => {
  const at = Date.UTC(2025, 2, 3, 14, 5);

  it('keeps a title of its own bare, and names an untitled article', () => {
    const labels = articleLabels([article('a', 'Budget', null, at), article('b', ' ', null, at)]);
    expect([...labels.values()]).toEqual(['Budget', 'Untitled article']);
  });

  it('tells one headline apart by the source host, then the import time, then the place', () => {
    const labels = articleLabels([
      article('a', 'Budget', 'https://www.ledger.example/budget', at),
      article('b', 'Budget', 'https://tribune.example/b', at),
      article('c', 'Budget', null, at + 3_600_000),
      article('d', 'Budget', 'https://tribune.example/c', at + 60_000),
      article('e', 'Other', 'https://tribune.example/o', at),
      article('f', '', null, at),
      article('g', '', null, at),
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      a: 'Budget · ledger.example',
      b: `Budget · tribune.example · imported ${formatTime(at)}`,
      c: 'Budget',
      d: `Budget · tribune.example · imported ${formatTime(at + 60_000)}`,
      e: 'Other',
      f: `Untitled article · imported ${formatTime(at)} · #6`,
      g: `Untitled article · imported ${formatTime(at)} · #7`,
    });
    expect(new Set(labels.values()).size).toBe(labels.size);
  });
});
