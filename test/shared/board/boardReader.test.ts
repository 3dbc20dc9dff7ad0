/**
 * The incremental reader's work follows what a change touched (QA24: on a 1,000-card board
 * every colleague's change re-read every comment and re-sorted every column), and it still
 * ends where a full read does, for the changes no command makes too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addClaims,
  addComment,
  CARD_KEYS,
  cardsMap,
  CommandOrigin,
  commentsMap,
  createBoardReader,
  editCard,
  initBoard,
  moveCard,
  readBoard,
} from '../../../shared/board';

const lead = { actor: { id: 'inv-a', name: 'Alice' }, now: () => 1_700_000_000_000 };
const colleague = { actor: { id: 'inv-b', name: 'Bob' }, now: () => 1_700_000_000_001 };
const CARDS = 60;

/** A board of CARDS cards with a comment each, and a colleague's copy of it. */
function boards() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Reader' }, lead);
  const inputs = Array.from({ length: CARDS }, (_, i) => ({ claim: `Claim ${i}` }));
  const ids = addClaims(doc, inputs, lead);
  ids.forEach((id, i) => {
    if (i % 3 === 1) moveCard(doc, id, { column: 'corroborated', index: 0 }, lead);
    addComment(doc, id, { text: `First on ${i}` }, lead);
  });
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  other.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, 'server'));
  return { doc, other, ids };
}

afterEach(() => vi.restoreAllMocks());

describe('createBoardReader', () => {
  // A link's `?card=constructor` found Object's constructor among the cards, a function
  // useCardAddress took for a card on the board and opened.
  it('holds no card for an id that is the name of an Object member, read whole or after a change', () => {
    const { doc, other, ids } = boards();
    const reader = createBoardReader(doc);
    const views = [readBoard(doc), reader.read()];
    editCard(other, ids[0] as string, { claim: 'Edited' }, colleague);
    views.push(reader.read()); // rebuilt from the view before
    for (const view of views) {
      for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])
        expect(view.cards[id]).toBeUndefined();
      expect(Object.keys(view.cards)).toHaveLength(CARDS);
    }
    expect(views[2]!.cards[ids[0] as string]?.claim).toBe('Edited');
    reader.destroy();
  });

  it("reads a colleague's comment without going over every comment", () => {
    const { doc, other, ids } = boards();
    const reader = createBoardReader(doc);
    const first = reader.read();
    const forEach = vi.spyOn(commentsMap(doc), 'forEach');
    const cardId = ids[7] as string;
    addComment(other, cardId, { text: 'Checked the release' }, colleague);
    const next = reader.read();
    expect(forEach).not.toHaveBeenCalled();
    expect(next.cards[cardId]?.comments.map((c) => c.text)).toEqual([
      'First on 7',
      'Checked the release',
    ]);
    expect(next.cards[ids[8] as string]).toBe(first.cards[ids[8] as string]);
    expect(next).toEqual(readBoard(doc));
    reader.destroy();
  });

  it('moves a comment whose card changes, and drops one taken from the map', () => {
    const { doc, other, ids } = boards();
    const reader = createBoardReader(doc);
    reader.read();
    const [a, b] = [ids[2] as string, ids[3] as string];
    const onA = [...commentsMap(other).entries()].find(([, c]) => c.get('cardId') === a);
    const onB = [...commentsMap(other).entries()].find(([, c]) => c.get('cardId') === b);
    // Neither is a command: a hostile or old client's writes, which every reader tolerates.
    other.transact(() => onA?.[1].set('cardId', b));
    expect(reader.read().cards[b]?.comments).toHaveLength(2);
    expect(reader.read().cards[a]?.comments).toHaveLength(0);
    other.transact(() => commentsMap(other).delete(onB?.[0] as string));
    expect(reader.read().cards[b]?.comments).toHaveLength(1);
    expect(reader.read()).toEqual(readBoard(doc));
    reader.destroy();
  });

  it('sorts no column for an edit, and places a moved card without sorting its column', () => {
    const { doc, other, ids } = boards();
    const reader = createBoardReader(doc);
    const first = reader.read();
    /** The lengths of the arrays sorted during a read (the commands sort columns too). */
    const sorted: number[] = [];
    const sort = Array.prototype.sort;
    const read = () => {
      vi.spyOn(Array.prototype, 'sort').mockImplementation(function (
        this: unknown[],
        compare?: (a: unknown, b: unknown) => number,
      ) {
        sorted.push(this.length);
        return sort.call(this, compare);
      });
      const view = reader.read();
      vi.restoreAllMocks();
      return view;
    };
    editCard(other, ids[4] as string, { speaker: 'Ana' }, colleague);
    expect(read().columns).toBe(first.columns);
    moveCard(other, ids[5] as string, { column: 'disputed', index: 0 }, colleague);
    moveCard(other, ids[6] as string, { column: 'unverified', index: 9 }, colleague);
    const moved = read();
    expect(moved.columns.corroborated).toBe(first.columns.corroborated);
    expect(moved.columns.disputed).toEqual([ids[5]]);
    // Only the changed cards' comment lists (one comment each) were sorted.
    expect(sorted.filter((n) => n > 1)).toEqual([]);
    expect(moved).toEqual(readBoard(doc));
    reader.destroy();
  });

  it("tells whose each card's change was: its latest change's origin, a comment's on its card", () => {
    const { doc, other, ids } = boards();
    const reader = createBoardReader(doc);
    const first = reader.read();
    const [a, b, c] = ids as [string, string, string];
    editCard(other, a, { claim: 'Theirs' }, colleague);
    moveCard(doc, b, { column: 'disputed', index: 0 }, lead);
    addComment(other, c, { text: 'Theirs too' }, colleague);
    const second = reader.read();
    editCard(doc, a, { claim: 'Mine after theirs' }, lead);
    const third = reader.read();
    /** The server's updates by name, the page's commands by command. */
    const whose = (from: typeof first, to: typeof first) =>
      Object.fromEntries(
        [...(reader.changeOrigins(from, to) ?? [])].map(([id, origin]) => [
          id,
          origin instanceof CommandOrigin ? origin.command : origin,
        ]),
      );
    expect(whose(first, second)).toEqual({ [a]: 'server', [b]: 'moveCard', [c]: 'server' });
    expect(whose(first, third)).toEqual({ [a]: 'editCard', [b]: 'moveCard', [c]: 'server' });
    expect(whose(second, third)).toEqual({ [a]: 'editCard' });
    expect(reader.changedCards(first, third)).toEqual(new Set([a, b, c]));
    expect(reader.changeOrigins(third, first)).toBeNull();
    reader.destroy();
  });

  it('orders cards of equal rank by id, and a card without a valid place as unverified', () => {
    const { doc, other, ids } = boards();
    const reader = createBoardReader(doc);
    reader.read();
    const rank = (
      cardsMap(other)
        .get(ids[0] as string)
        ?.get(CARD_KEYS.pos) as { rank: string }
    ).rank;
    other.transact(() => {
      for (const id of [ids[9], ids[3], ids[12]] as string[]) {
        cardsMap(other).get(id)?.set(CARD_KEYS.pos, { column: 'unverified', rank });
      }
      cardsMap(other)
        .get(ids[1] as string)
        ?.set(CARD_KEYS.pos, 'nowhere');
      cardsMap(other).delete(ids[15] as string);
    });
    expect(reader.read()).toEqual(readBoard(doc));
    addClaims(other, [{ claim: 'New' }], colleague);
    expect(reader.read()).toEqual(readBoard(doc));
    reader.destroy();
  });
});
