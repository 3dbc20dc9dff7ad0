import { describe, expect, it } from 'vitest';
import {
  cardsListLabel,
  describeCards,
  groupActivity,
  rowIndexOf,
  type ActivityRow,
  type CardRow,
  type CardsRow,
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
/** An event about the card `cardId`. */
const on = (
  cardId: string,
  type: string,
  who: string,
  at: number,
  data: Record<string, unknown> = {},
): HistoryEvent => ({ ...ev(type, who, at, data), cardId });
const card = (who: string, at: number, column = 'unverified') =>
  ev('card.created', who, at, { column, claim: 'x' });
const shape = (rows: ActivityRow[]) =>
  rows.map((r) => {
    if (r.kind === 'event') return r.event.type;
    if (r.kind === 'card') return `card: ${r.events.map((e) => e.type).join(', ')}`;
    return `${r.cards.length} cards${r.cause ? ` + ${r.cause.type}` : ''}`;
  });
/** Each event once: a card row's, a cards row's cards and cause, an event row's. */
const eventsOf = (rows: ActivityRow[]) =>
  rows.flatMap((r) => {
    if (r.kind === 'event') return [r.event];
    if (r.kind === 'card') return r.events;
    return [...r.cards, ...r.verdicts, ...(r.cause ? [r.cause] : [])];
  });

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
    expect(shape(rows)).toEqual(['card: card.moved', '3 cards + article.added', 'board.renamed']);
    const group = rows[1] as CardsRow;
    expect(group.key).toBe(events[1]!.seq);
    expect(cardsListLabel(group)).toBe('Cards added (3)');
    expect(describeCards(group)).toBe(
      'imported the article “Prisons” and added its 3 cards to Unverified',
    );
    // Every event of the row finds it: a focus request may name any of them.
    for (const e of events.slice(1, 5)) expect(rowIndexOf(rows, e.seq)).toBe(1);
    expect(rowIndexOf(rows, events[5]!.seq)).toBe(2);
    expect(rowIndexOf(rows, -1)).toBe(-1);
  });

  it('removing an article is one row that counts the cards it deleted and kept, listed on demand', () => {
    const deleted = (at: number) => ev('card.deleted', 'ana', at, { claim: 'x' });
    const removal = ev('article.removed', 'ana', 4, {
      title: 'Wrong paste',
      removed: 2,
      kept: 1,
    });
    const rows = groupActivity([deleted(4), removal, deleted(4), ev('card.moved', 'ed', 3)]);
    expect(shape(rows)).toEqual(['2 cards + article.removed', 'card: card.moved']);
    const group = rows[0] as CardsRow;
    expect(describeCards(group)).toBe(
      'removed the article “Wrong paste” and deleted 2 cards nobody had worked on; 1 card someone worked on stayed',
    );
    expect(cardsListLabel(group)).toBe('Cards deleted (2)');
    // A removal that deleted nothing is an entry of its own.
    const alone = groupActivity([
      ev('article.removed', 'ana', 5, { title: 'T', removed: 0, kept: 3 }),
    ]);
    expect(shape(alone)).toEqual(['article.removed']);
  });

  it('the Undo of an article’s removal is one row: the article and its cards restored', () => {
    const restored = (at: number, column: string) =>
      ev('card.restored', 'ana', at, { claim: 'x', column });
    const rows = groupActivity([
      restored(6, 'unverified'),
      restored(6, 'unverified'),
      ev('article.restored', 'ana', 6, { title: 'Council budget' }),
      ev('card.moved', 'ed', 5),
    ]);
    expect(shape(rows)).toEqual(['2 cards + article.restored', 'card: card.moved']);
    const group = rows[0] as CardsRow;
    expect(describeCards(group)).toBe(
      'restored the article “Council budget” and its 2 cards to Unverified',
    );
    expect(cardsListLabel(group)).toBe('Cards restored (2)');
    // Cards restored to several columns are not named by one; alone, the article is an entry.
    const mixed = groupActivity([
      restored(8, 'disputed'),
      restored(8, 'unverified'),
      ev('article.restored', 'ana', 8, { title: 'T' }),
    ]);
    expect(describeCards(mixed[0] as CardsRow)).toBe('restored the article “T” and its 2 cards');
    expect(shape(groupActivity([ev('article.restored', 'ana', 9, { title: 'T' })]))).toEqual([
      'article.restored',
    ]);
  });

  it('an article with a single card is one row too', () => {
    const rows = groupActivity([card('ana', 4), ev('article.added', 'ana', 4, { title: 'T' })]);
    expect(shape(rows)).toEqual(['1 cards + article.added']);
    expect(describeCards(rows[0] as CardsRow)).toBe(
      'imported the article “T” and added its 1 card to Unverified',
    );
  });

  it('cards added in one change without an article share a row; columns are named only when one', () => {
    const rows = groupActivity([card('ana', 4), card('ana', 4, 'disputed')]);
    expect(shape(rows)).toEqual(['2 cards']);
    expect(describeCards(rows[0] as CardsRow)).toBe('added 2 cards');
  });

  it('cards added one by one, or by two people at once, keep their own rows', () => {
    expect(shape(groupActivity([card('ana', 5), card('ana', 4), card('ana', 3)]))).toEqual([
      'card: card.created',
      'card: card.created',
      'card: card.created',
    ]);
    expect(shape(groupActivity([card('ana', 4), card('ed', 4)]))).toEqual([
      'card: card.created',
      'card: card.created',
    ]);
    // An article imported in another change than the card before it stays apart.
    expect(
      shape(groupActivity([card('ana', 5), ev('article.added', 'ana', 4, { title: 'T' })])),
    ).toEqual(['card: card.created', 'article.added']);
  });

  it('a relabelling rename of the scale is one row, its cause first as it was recorded last', () => {
    const verdict = (at: number, to = 'Incorrect') =>
      ev('verdict.set', 'lea', at, { verdict: to, from: 'False' });
    const scale = ev('scale.changed', 'lea', 7, { added: ['Incorrect'], removed: ['False'] });
    const rows = groupActivity([scale, verdict(7), verdict(7), verdict(7)]);
    expect(shape(rows)).toEqual(['3 cards + scale.changed']);
    expect(rows[0]!.key).toBe(scale.seq);
    expect(cardsListLabel(rows[0] as CardsRow)).toBe('Cards changed (3)');
    expect(describeCards(rows[0] as CardsRow)).toBe(
      'changed the rating scale: added “Incorrect”; removed “False”, and set the verdict of 3 cards to Incorrect (was False)',
    );
    // One person setting the same verdict on two cards at once, without a cause.
    expect(describeCards(groupActivity([verdict(6), verdict(6)])[0] as CardsRow)).toBe(
      'set the verdict of 2 cards to Incorrect (was False)',
    );
  });

  it('a rename recorded as one reads as a rename, with the cards it relabelled', () => {
    const scale = ev('scale.changed', 'lea', 9, {
      added: [],
      removed: [],
      renamed: [{ from: 'True', to: 'Accurate' }],
      changed: [],
      range: null,
    });
    const rows = groupActivity([
      scale,
      ev('verdict.set', 'lea', 9, { verdict: 'Accurate', from: 'True' }),
    ]);
    expect(describeCards(rows[0] as CardsRow)).toBe(
      'changed the rating scale: renamed “True” to “Accurate”, and set the verdict of 1 card to Accurate (was True)',
    );
  });

  it('a rename of several labels at once is one row that counts the relabelled cards', () => {
    const scale = ev('scale.changed', 'lea', 8, {
      added: ['Incorrect', 'Partly true'],
      removed: ['False', 'Half true'],
    });
    const rows = groupActivity([
      scale,
      ev('verdict.set', 'lea', 8, { verdict: 'Incorrect', from: 'False' }),
      ev('verdict.set', 'lea', 8, { verdict: 'Partly true', from: 'Half true' }),
    ]);
    expect(shape(rows)).toEqual(['2 cards + scale.changed']);
    expect(describeCards(rows[0] as CardsRow)).toBe(
      'changed the rating scale: added “Incorrect” and “Partly true”; removed “False” and “Half true”, and relabelled 2 cards',
    );
  });

  it('a change that did different things keeps a row per event', () => {
    const mixed = [
      ev('verdict.set', 'lea', 7, { verdict: 'True', from: 'False' }),
      ev('verdict.set', 'lea', 7, { verdict: 'Misleading', from: 'False' }),
    ];
    expect(shape(groupActivity(mixed))).toEqual(['verdict.set', 'verdict.set']);
    const moved = [
      card('ana', 4),
      ev('card.moved', 'ana', 4, { from: 'unverified', to: 'disputed' }),
    ];
    expect(shape(groupActivity(moved))).toEqual(['card: card.created', 'card: card.moved']);
    const twoCauses = [
      card('ana', 4),
      ev('article.added', 'ana', 4),
      ev('article.added', 'ana', 4),
    ];
    expect(shape(groupActivity(twoCauses))).toEqual([
      'card: card.created',
      'article.added',
      'article.added',
    ]);
    // Different things done to one card in one change: its row holds them all.
    const oneCard = [
      on('c1', 'card.created', 'ana', 4, { column: 'unverified' }),
      on('c1', 'card.moved', 'ana', 4, { from: 'unverified', to: 'disputed' }),
    ];
    expect(shape(groupActivity(oneCard))).toEqual(['card: card.created, card.moved']);
  });

  it('consecutive changes to one card, by anyone, are one row: newest first, keyed by its oldest', () => {
    const events = [
      on('c1', 'comment.posted', 'bo', 9, { text: 'Source?' }),
      on('c1', 'card.moved', 'ana', 8, { from: 'unverified', to: 'disputed' }),
      on('c1', 'verdict.set', 'ana', 7, { verdict: 'False' }),
      on('c2', 'card.moved', 'ana', 6, { from: 'unverified', to: 'disputed' }),
      on('c1', 'comment.posted', 'bo', 5, { text: 'Earlier' }),
      ev('role.changed', 'lea', 4, { name: 'Bo', from: 'editor', to: 'reviewer' }),
      on('c1', 'card.assigned', 'ana', 3),
    ];
    const rows = groupActivity(events);
    expect(shape(rows)).toEqual([
      'card: comment.posted, card.moved, verdict.set',
      'card: card.moved',
      // The same card again after another card's change: a row of its own, in its place.
      'card: comment.posted',
      'role.changed',
      'card: card.assigned',
    ]);
    const run = rows[0] as CardRow;
    expect(run.cardId).toBe('c1');
    expect(run.events).toEqual(events.slice(0, 3));
    expect(run.key).toBe(events[2]!.seq);
    expect((rows[1] as CardRow).cardId).toBe('c2');
    for (const e of events.slice(0, 3)) expect(rowIndexOf(rows, e.seq)).toBe(0);
    expect(rowIndexOf(rows, events[4]!.seq)).toBe(2);
  });

  it('a card row keeps its key as new changes to the card join it at the top', () => {
    const older = [
      on('c1', 'card.moved', 'ana', 8, { from: 'unverified', to: 'disputed' }),
      on('c1', 'card.created', 'ana', 7, { column: 'unverified' }),
      ev('board.renamed', 'ana', 6, { title: 'B' }),
    ];
    const before = groupActivity(older);
    const comment = on('c1', 'comment.posted', 'bo', 9, { text: 'Who said so?' });
    const after = groupActivity([comment, ...older]);
    expect(shape(after)).toEqual([
      'card: comment.posted, card.moved, card.created',
      'board.renamed',
    ]);
    expect(after.map((r) => r.key)).toEqual(before.map((r) => r.key));
  });

  it('a selection moved whose misfit verdicts were set or cleared in the same change is one row', () => {
    const events = [
      on('c1', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c1', 'verdict.set', 'ana', 9, { verdict: 'Misleading', from: 'Unproven' }),
      on('c2', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c3', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c3', 'verdict.set', 'ana', 9, { verdict: 'Misleading', from: 'True' }),
      on('c1', 'card.moved', 'ana', 8, { from: 'disputed', to: 'corroborated' }),
      on('c1', 'verdict.set', 'ana', 8, { verdict: null, from: 'Misleading' }),
      on('c2', 'card.moved', 'ana', 8, { from: 'disputed', to: 'corroborated' }),
    ];
    const rows = groupActivity(events);
    expect(shape(rows)).toEqual(['3 cards', '2 cards']);
    expect(eventsOf(rows)).toHaveLength(events.length);
    expect(describeCards(rows[0] as CardsRow)).toBe(
      'moved 3 cards from Unverified to Disputed and set 2 verdicts to Misleading',
    );
    expect(cardsListLabel(rows[0] as CardsRow)).toBe('Cards moved (3)');
    expect(describeCards(rows[1] as CardsRow)).toBe(
      'moved 2 cards from Disputed to Corroborated and cleared 1 verdict',
    );
    expect(rowIndexOf(rows, events[4]!.seq)).toBe(0);
    // A verdict of a card the change did not move, or two labels, are not that one deed.
    const mixed = groupActivity([
      on('c1', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c2', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c4', 'verdict.set', 'ana', 9, { verdict: 'False', from: null }),
    ]);
    expect(shape(mixed)).toEqual(['card: card.moved', 'card: card.moved', 'card: verdict.set']);
  });

  it('a selection moved to one column, or given to one checker, in one change is one row', () => {
    const bo = { id: 'bo', name: 'Bo' };
    const rows = groupActivity([
      on('c1', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c2', 'card.moved', 'ana', 9, { from: 'corroborated', to: 'disputed' }),
      on('c3', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c1', 'card.assigned', 'ana', 8, { assignee: bo }),
      on('c2', 'card.assigned', 'ana', 8, { assignee: bo }),
      on('c1', 'card.moved', 'ana', 7, { from: 'unverified', to: 'disputed' }),
      on('c2', 'card.moved', 'ana', 7, { from: 'unverified', to: 'disputed', crossed: true }),
    ]);
    expect(shape(rows)).toEqual(['3 cards', '2 cards', 'card: card.moved', 'card: card.moved']);
    expect(describeCards(rows[0] as CardsRow)).toBe('moved 3 cards to Disputed');
    expect(cardsListLabel(rows[0] as CardsRow)).toBe('Cards moved (3)');
    expect(describeCards(rows[1] as CardsRow)).toBe('gave 2 cards to Bo');
    const fromOne = groupActivity([
      on('c1', 'card.moved', 'ana', 9, { from: 'unverified', to: 'corroborated' }),
      on('c2', 'card.moved', 'ana', 9, { from: 'unverified', to: 'corroborated' }),
      on('c3', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
    ]);
    // Moves to different columns are not one deed.
    expect(shape(fromOne)).toEqual(['card: card.moved', 'card: card.moved', 'card: card.moved']);
    const released = groupActivity([
      on('c1', 'card.assigned', 'ana', 9, { assignee: null }),
      on('c2', 'card.assigned', 'ana', 9, { assignee: null }),
    ]);
    expect(describeCards(released[0] as CardsRow)).toBe('released 2 cards');
  });

  it('a change to many cards is a row between the rows of one card', () => {
    const rows = groupActivity([
      on('c1', 'card.moved', 'ana', 9, { from: 'unverified', to: 'disputed' }),
      on('c1', 'card.created', 'ed', 8, { column: 'unverified', claim: 'x' }),
      on('c2', 'card.created', 'ed', 8, { column: 'unverified', claim: 'y' }),
      on('c1', 'card.assigned', 'ana', 7),
    ]);
    expect(shape(rows)).toEqual(['card: card.moved', '2 cards', 'card: card.assigned']);
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
      on('c1', 'card.moved', 'b', 5),
      on('c1', 'comment.posted', 'a', 4),
      ev('role.changed', 'a', 3),
      on('c1', 'comment.posted', 'a', 2),
    ];
    const flat = eventsOf(groupActivity(events));
    expect(flat.sort((a, b) => b.seq - a.seq)).toEqual(events);
  });
});
