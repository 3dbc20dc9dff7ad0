/** Commands on several cards at once: moveCards, assignCards, deleteCards (B2, B7, B9, B15). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaims,
  addComment,
  assignCards,
  BoardError,
  BULK_LIMIT,
  CommandOrigin,
  commentsMap,
  deleteCards,
  initBoard,
  moveCard,
  moveCards,
  readBoard,
  setVerdict,
} from '../../../shared/board';

let tick = 1_700_000_000_000;
const now = () => ++tick;
const alice = { actor: { id: 'inv-a', name: 'Alice' }, now };
const bob = { actor: { id: 'inv-b', name: 'Bob' }, now };

function board(claims = 6) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Bulk' }, alice);
  const ids = addClaims(
    doc,
    Array.from({ length: claims }, (_, i) => ({ claim: `Claim ${i}` })),
    alice,
  );
  return { doc, ids };
}

/** Counts the transactions (and so the updates sent, and the undo steps) a call makes. */
function transactions(doc: Y.Doc, run: () => void): string[] {
  const names: string[] = [];
  const note = (tr: Y.Transaction) => {
    if (tr.origin instanceof CommandOrigin) names.push(tr.origin.command);
  };
  doc.on('afterTransaction', note);
  run();
  doc.off('afterTransaction', note);
  return names;
}

describe('moveCards', () => {
  it('moves every card in one transaction, keeping the order the board showed them in (B7)', () => {
    const { doc, ids } = board();
    moveCard(doc, ids[4]!, { column: 'disputed', index: 0 }, alice);
    let result;
    const run = transactions(doc, () => {
      result = moveCards(doc, [ids[3]!, ids[1]!, ids[5]!], 'disputed', bob);
    });
    expect(run).toEqual(['moveCards']);
    expect(result).toEqual({
      changed: [ids[1], ids[3], ids[5]],
      missing: [],
      already: [],
      verdictsCleared: [],
      verdictsSet: [],
    });
    const view = readBoard(doc);
    expect(view.columns.disputed).toEqual([ids[4], ids[1], ids[3], ids[5]]);
    expect(view.columns.unverified).toEqual([ids[0], ids[2]]);
    expect(view.cards[ids[1]!]?.updatedBy.name).toBe('Bob');
  });

  it('leaves a card already in the column where it stands, writing nothing for it (B15)', () => {
    const { doc, ids } = board(3);
    moveCard(doc, ids[0]!, { column: 'disputed', index: 0 }, alice);
    const before = readBoard(doc).cards[ids[0]!];
    const result = moveCards(doc, [ids[0]!, ids[1]!], 'disputed', bob);
    expect(result.changed).toEqual([ids[1]]);
    expect(readBoard(doc).cards[ids[0]!]).toEqual(before);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(moveCards(doc, [ids[0]!, ids[1]!], 'disputed', bob).changed).toEqual([]);
    expect(updates).toBe(0);
  });

  it('moves a selection from several columns, each card from where it is, and names those already there', () => {
    const { doc, ids } = board(6);
    moveCard(doc, ids[3]!, { column: 'disputed', index: 0 }, alice);
    moveCard(doc, ids[4]!, { column: 'disputed', index: 1 }, alice);
    moveCard(doc, ids[5]!, { column: 'corroborated', index: 0 }, alice);
    const run = transactions(doc, () => {
      const result = moveCards(
        doc,
        [ids[4]!, ids[5]!, ids[0]!, ids[3]!, ids[1]!],
        'corroborated',
        bob,
      );
      // Column by column as the board shows them: Unverified's, then Disputed's.
      expect(result.changed).toEqual([ids[0], ids[1], ids[3], ids[4]]);
      expect(result.already).toEqual([ids[5]]);
    });
    expect(run).toEqual(['moveCards']);
    const view = readBoard(doc);
    expect(view.columns.corroborated).toEqual([ids[5], ids[0], ids[1], ids[3], ids[4]]);
    expect(view.columns.unverified).toEqual([ids[2]]);
    expect(view.columns.disputed).toEqual([]);
  });

  it('clears a verdict that is not a label of the new column, as moveCard does', () => {
    const { doc, ids } = board(2);
    setVerdict(doc, ids[0]!, 'Unproven', undefined, alice);
    const result = moveCards(doc, ids, 'disputed', alice);
    expect(result.verdictsCleared).toEqual([ids[0]]);
    expect(readBoard(doc).cards[ids[0]!]?.verdict).toBeNull();
  });

  it('gives the misfit verdicts the label asked for, with the move in one transaction', () => {
    const { doc, ids } = board(3);
    setVerdict(doc, ids[0]!, 'Unproven', undefined, alice);
    setVerdict(doc, ids[1]!, 'False', undefined, alice);
    let result;
    const run = transactions(doc, () => {
      result = moveCards(doc, ids, { column: 'disputed', verdict: 'Misleading' }, bob);
    });
    expect(run).toEqual(['moveCards']);
    expect(result).toEqual({
      changed: ids,
      missing: [],
      already: [],
      verdictsCleared: [],
      verdictsSet: [ids[0]],
    });
    const view = readBoard(doc);
    expect(ids.map((id) => view.cards[id]?.verdict)).toEqual(['Misleading', 'False', null]);
    expect(() => moveCards(doc, ids, { column: 'corroborated', verdict: 'False' }, bob)).toThrow(
      'does not belong in corroborated',
    );
    expect(readBoard(doc).columns.disputed).toEqual(ids);
  });

  it('skips cards deleted meanwhile and says which', () => {
    const { doc, ids } = board(3);
    deleteCards(doc, [ids[1]!], bob);
    const result = moveCards(doc, ids, 'corroborated', alice);
    expect(result).toEqual({
      changed: [ids[0], ids[2]],
      missing: [ids[1]],
      already: [],
      verdictsCleared: [],
      verdictsSet: [],
    });
  });

  it('refuses bad input before changing anything (B9)', () => {
    const { doc, ids } = board(2);
    const bad: [string[], string][] = [
      [[], 'at least one'],
      [[ids[0]!, ids[0]!], 'twice'],
      [['no spaces allowed'], 'card id'],
      [Array.from({ length: BULK_LIMIT + 1 }, (_, i) => `c${i}`), `at most ${BULK_LIMIT}`],
    ];
    for (const [list, words] of bad) {
      expect(() => moveCards(doc, list, 'disputed', alice)).toThrow(words);
    }
    expect(() => moveCards(doc, ids, 'elsewhere' as 'disputed', alice)).toThrow(BoardError);
    expect(readBoard(doc).columns.unverified).toEqual(ids);
  });

  it('is one undo step: one undo puts every card back, verdicts included', () => {
    const { doc, ids } = board(4);
    setVerdict(doc, ids[2]!, 'Unproven', undefined, alice);
    const before = readBoard(doc);
    const undo = new Y.UndoManager(doc.getMap('cards'), {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    moveCards(doc, ids, 'disputed', alice);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    const after = readBoard(doc);
    expect(after.columns).toEqual(before.columns);
    expect(after.cards[ids[2]!]?.verdict).toBe('Unproven');
  });

  it('converges with a colleague moving and deleting the same cards meanwhile (B2, B4)', () => {
    const { doc: a, ids } = board(5);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveCards(a, ids, 'disputed', alice);
    moveCard(b, ids[0]!, { column: 'corroborated', index: 0 }, bob);
    deleteCards(b, [ids[1]!], bob);
    assignCards(b, [ids[2]!], bob.actor, bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const view = readBoard(a);
    expect(readBoard(b)).toEqual(view);
    const placed = [
      ...view.columns.unverified,
      ...view.columns.corroborated,
      ...view.columns.disputed,
    ];
    expect(placed.sort()).toEqual(Object.keys(view.cards).sort());
    expect(view.cards[ids[1]!]).toBeUndefined();
    expect(view.cards[ids[2]!]?.assignee?.name).toBe('Bob');
    expect(view.cards[ids[2]!]?.column).toBe('disputed');
  });
});

describe('assignCards', () => {
  it('assigns in one transaction, writing only the cards that change (B15), and releases', () => {
    const { doc, ids } = board(3);
    assignCards(doc, [ids[0]!], bob.actor, alice);
    let result;
    expect(
      transactions(doc, () => {
        result = assignCards(doc, ids, bob.actor, alice);
      }),
    ).toEqual(['assignCards']);
    expect(result).toEqual({ changed: [ids[1], ids[2]], missing: [] });
    expect(ids.map((id) => readBoard(doc).cards[id]?.assignee?.id)).toEqual([
      'inv-b',
      'inv-b',
      'inv-b',
    ]);
    expect(assignCards(doc, ids, null, alice).changed).toEqual(ids);
    expect(ids.every((id) => readBoard(doc).cards[id]?.assignee === null)).toBe(true);
    expect(() => assignCards(doc, ids, { id: '', name: 'x' }, alice)).toThrow(BoardError);
  });
});

describe('deleteCards', () => {
  it('deletes in one transaction; one undo brings every card back with its comments (B13)', () => {
    const { doc, ids } = board(4);
    const comment = addComment(doc, ids[1]!, { text: 'Keep me' }, alice);
    const undo = new Y.UndoManager(doc.getMap('cards'), {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    const before = readBoard(doc);
    let result;
    expect(
      transactions(doc, () => {
        result = deleteCards(doc, [ids[1]!, ids[3]!], alice);
      }),
    ).toEqual(['deleteCards']);
    expect(result).toEqual({ changed: [ids[1], ids[3]], missing: [] });
    expect(readBoard(doc).columns.unverified).toEqual([ids[0], ids[2]]);
    expect(commentsMap(doc).has(comment)).toBe(true);
    undo.undo();
    expect(readBoard(doc).columns).toEqual(before.columns);
    expect(readBoard(doc).cards[ids[1]!]?.comments.map((c) => c.text)).toEqual(['Keep me']);
  });
});
