import { describe, expect, it } from 'vitest';
import {
  describeCards,
  groupActivity,
  rowIndexOf,
  type ActivityRow,
} from '../../../client/history/groupActivity';
import type { HistoryEvent } from '../../../client/history/historyEvent';

let seq = 100;
const ev = (
  type: string,
  who: string,
  at: number,
  data: Record<string, unknown> = {},
): HistoryEvent => ({
  seq: seq--,
  cardId: type.startsWith('card') ? `c${seq}` : null,
  type,
  actor: { id: who, name: who },
  at,
  data,
});
const card = (who: string, at: number, column = 'unverified') =>
  ev('card.created', who, at, { column, claim: 'x' });
const shape = (rows: ActivityRow[]) =>
  rows.map((r) =>
    r.kind === 'event' ? r.event.type : `${r.created.length} cards${r.article ? ' + article' : ''}`,
  );

describe('groupActivity', () => {
  it('one change that imported an article and its cards is one row, keyed by its newest event', () => {
    const events = [
      ev('card.moved', 'ed', 5),
      card('ana', 4),
      card('ana', 4),
      card('ana', 4),
      ev('article.added', 'ana', 4, { title: 'Prisons' }),
      ev('board.renamed', 'ana', 3, { title: 'B' }),
    ];
    const rows = groupActivity(events);
    expect(shape(rows)).toEqual(['card.moved', '3 cards + article', 'board.renamed']);
    const group = rows[1] as Extract<ActivityRow, { kind: 'cards' }>;
    expect(group.key).toBe(events[1]!.seq);
    expect(describeCards(group)).toBe(
      'imported the article “Prisons” and added its 3 cards to Unverified',
    );
    // Every event of the row finds it: a focus request may name any of them.
    for (const e of events.slice(1, 5)) expect(rowIndexOf(rows, e.seq)).toBe(1);
    expect(rowIndexOf(rows, events[5]!.seq)).toBe(2);
    expect(rowIndexOf(rows, -1)).toBe(-1);
  });

  it('an article with a single card is one row too', () => {
    const rows = groupActivity([card('ana', 4), ev('article.added', 'ana', 4, { title: 'T' })]);
    expect(shape(rows)).toEqual(['1 cards + article']);
    expect(describeCards(rows[0] as Extract<ActivityRow, { kind: 'cards' }>)).toBe(
      'imported the article “T” and added its 1 card to Unverified',
    );
  });

  it('cards added in one change without an article share a row; columns are named only when one', () => {
    const rows = groupActivity([card('ana', 4), card('ana', 4, 'disputed')]);
    expect(shape(rows)).toEqual(['2 cards']);
    expect(describeCards(rows[0] as Extract<ActivityRow, { kind: 'cards' }>)).toBe('added 2 cards');
  });

  it('cards added one by one, or by two people at once, keep their own rows', () => {
    expect(shape(groupActivity([card('ana', 5), card('ana', 4), card('ana', 3)]))).toEqual([
      'card.created',
      'card.created',
      'card.created',
    ]);
    expect(shape(groupActivity([card('ana', 4), card('ed', 4)]))).toEqual([
      'card.created',
      'card.created',
    ]);
    // An article imported in another change than the card before it stays apart.
    expect(
      shape(groupActivity([card('ana', 5), ev('article.added', 'ana', 4, { title: 'T' })])),
    ).toEqual(['card.created', 'article.added']);
  });

  it('keeps every event exactly once, in order', () => {
    const events = [
      card('a', 9),
      card('a', 9),
      ev('article.added', 'a', 9),
      ev('article.added', 'a', 8),
      card('b', 7),
      card('b', 7),
      card('a', 6),
    ];
    const flat = groupActivity(events).flatMap((r) =>
      r.kind === 'event' ? [r.event] : [...r.created, ...(r.article ? [r.article] : [])],
    );
    expect(flat).toEqual(events);
  });
});
