import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  CommandOrigin,
  editCard,
  initBoard,
  moveCard,
  readBoard,
} from '../../../shared/board';
import { commentsMap } from '../../../shared/board/schema';
import {
  type BoardExport,
  boardExportSchema,
  ExportError,
  importBoardFromJson,
  toJsonExport,
} from '../../../shared/export';
import { alice, buildHostileBoard, HOSTILE } from './hostileBoard';
import { importedDoc } from '../../helpers/importedDoc';

const importer = { actor: { id: 'importer', name: 'Importer' } };
const history = [
  { type: 'card.created', actor: alice.actor, at: 1_767_000_001_000, cardId: 'c1', data: {} },
  {
    type: 'verdict.set',
    actor: { id: 'inv-bob', name: 'Bob' },
    at: 1_767_000_002_000,
    cardId: 'c1',
    data: { from: null, to: 'True', note: HOSTILE.script },
  },
];

function exportOf(doc: Y.Doc, boardId: string, exportedAt: number): BoardExport {
  return toJsonExport(readBoard(doc), history, { exportedAt, boardId });
}

/** Through JSON text and back, as the file travels. */
const viaText = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function errorsOf(json: unknown): readonly string[] {
  const result = importBoardFromJson(json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('JSON export', () => {
  const board = buildHostileBoard();
  const original = exportOf(board.doc, 'board-1', Date.UTC(2026, 0, 1));

  it('validates against its own zod schema, with everything on the board in it', () => {
    const parsed = boardExportSchema.parse(viaText(original));
    expect(parsed.format).toBe('factboard.board');
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.board.title).toContain(HOSTILE.script);
    expect(parsed.board.ratingScale.labels.length).toBeGreaterThan(0);
    expect(parsed.board.organisation?.url).toBe('https://factdesk.example/checks');
    expect(parsed.articles.map((a) => a.text)).toContain(
      `The minister said: ${HOSTILE.lines}. ${HOSTILE.unicode}`,
    );
    expect(parsed.cards).toHaveLength(5);
    const eq = parsed.cards.find((c) => c.id === board.ids.eq)!;
    expect(eq.claim).toBe(HOSTILE.formulaEq);
    expect(eq.verdict).toBe('True');
    expect(eq.assignee?.id).toBe('inv-bob');
    expect(eq.evidence.map((e) => [e.stance, e.addedBy.id])).toEqual([
      ['supports', 'inv-alice'],
      ['context', 'inv-bob'],
    ]);
    const [root, reply, open] = eq.comments;
    expect(root?.resolved).toBe(true);
    expect(root?.resolvedBy?.id).toBe('inv-alice');
    expect(reply?.parentId).toBe(root?.id);
    expect(open?.parentId).toBeNull();
    expect(eq.extraction?.chips).toEqual([{ text: '4%', type: 'PERCENT' }]);
    expect(parsed.history).toEqual(viaText(original.history));
    expect(parsed.history[1]?.at).toBe('2025-12-29T09:20:02.000Z');
  });

  it('lists cards column by column in display order', () => {
    expect(original.cards.map((c) => c.column)).toEqual([
      'unverified',
      'unverified',
      'corroborated',
      'disputed',
      'disputed',
    ]);
    expect(original.cards.slice(3).map((c) => c.id)).toEqual([
      board.ids.lines,
      board.ids.noVerdict,
    ]);
  });
});

describe('JSON import round trip', () => {
  const board = buildHostileBoard();
  const original = exportOf(board.doc, 'board-1', Date.UTC(2026, 0, 1));

  it('rebuilds a board whose export equals the original apart from the named fields', () => {
    const doc = importedDoc(JSON.stringify(original), importer);
    const again = exportOf(doc, 'board-2', Date.UTC(2026, 0, 2));
    // The fields that must differ: the new board's id and the moment of each export.
    // Everything else, card, comment, evidence and article ids included, is kept.
    expect(again.board.id).not.toBe(original.board.id);
    expect(again.exportedAt).not.toBe(original.exportedAt);
    const strip = (e: BoardExport) => ({ ...e, exportedAt: null, board: { ...e.board, id: null } });
    expect(strip(again)).toEqual(strip(original));
    // And the board itself reads the same, down to ranks, authors and times.
    expect(readBoard(doc)).toEqual(readBoard(board.doc));
  });

  it('leaves a working board: commands continue on the imported doc', () => {
    const doc = importedDoc(original, importer);
    const id = addClaim(doc, { claim: 'added after import', column: 'disputed' }, alice);
    expect(readBoard(doc).columns.disputed.at(-1)).toBe(id);
  });

  it('re-ranks a column whose keys the rank code cannot extend, keeping its order', () => {
    const legacy = structuredClone(original);
    const disputed = legacy.cards.filter((c) => c.column === 'disputed');
    disputed.forEach((c, i) => (c.rank = `legacy-${9 - i}`));
    const doc = importedDoc(legacy, importer);
    const view = readBoard(doc);
    expect(view.columns.disputed).toEqual(disputed.map((c) => c.id));
    expect(view.columns.corroborated).toEqual(readBoard(board.doc).columns.corroborated);
    moveCard(doc, disputed[0]!.id, { column: 'disputed', index: 2 }, alice);
    expect(readBoard(doc).columns.disputed.at(-1)).toBe(disputed[0]!.id);
  });

  it('imports a reply whose thread start its author undid, as a thread of its own', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Turnout' }, alice);
    const card = addClaim(doc, { claim: 'Turnout was 61%' }, alice);
    const undo = new Y.UndoManager(commentsMap(doc), {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    const start = addComment(doc, card, { text: 'Which election?' }, alice);
    // Bob answers on his own replica; his reply reaches Alice's, whose Undo is hers alone.
    const bobs = new Y.Doc();
    Y.applyUpdate(bobs, Y.encodeStateAsUpdate(doc));
    const bob = { actor: { id: 'inv-bob', name: 'Bob' } };
    const reply = addComment(bobs, card, { text: 'The 2024 one', parentId: start }, bob);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(bobs, Y.encodeStateVector(doc)), 'bob');
    undo.undo();
    const comments = readBoard(doc).cards[card]!.comments;
    expect(comments.map((c) => [c.id, c.parentId])).toEqual([[reply, null]]);
    const result = importBoardFromJson(viaText(exportOf(doc, 'b', 1)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('carries each card’s speaker type and published fact-check through, and not-set as null', () => {
    const withFields = buildHostileBoard();
    const reviewUrl = `https://factdesk.example/checks/budget?a=1&b=${encodeURIComponent(HOSTILE.script)}`;
    editCard(withFields.doc, withFields.ids.eq, { speakerType: 'organization', reviewUrl }, alice);
    const exported = viaText(exportOf(withFields.doc, 'board-1', 1)) as BoardExport;
    const eq = exported.cards.find((c) => c.id === withFields.ids.eq);
    expect([eq?.speakerType, eq?.reviewUrl]).toEqual(['organization', reviewUrl]);
    const others = exported.cards.filter((c) => c.id !== withFields.ids.eq);
    expect(others.map((c) => [c.speakerType, c.reviewUrl])).toEqual(others.map(() => [null, null]));

    const doc = importedDoc(JSON.stringify(exported), importer);
    expect(readBoard(doc)).toEqual(readBoard(withFields.doc));
    // Not set stays absent on the imported board, as on a new card.
    const card = (id: string) => doc.getMap('cards').get(id) as Y.Map<unknown>;
    expect(card(withFields.ids.lines).has('reviewUrl')).toBe(false);
    expect(card(withFields.ids.eq).get('reviewUrl')).toBe(reviewUrl);
  });

  it('imports a version 1 export, which predates both fields, as not set', () => {
    const v1 = viaText(original) as Record<string, unknown> & { cards: Record<string, unknown>[] };
    v1.schemaVersion = 1;
    for (const card of v1.cards) {
      delete card.speakerType;
      delete card.reviewUrl;
    }
    const doc = importedDoc(v1, importer);
    const cards = Object.values(readBoard(doc).cards);
    expect(cards).toHaveLength(5);
    expect(cards.map((c) => [c.speakerType, c.reviewUrl])).toEqual(cards.map(() => [null, null]));
  });

  it('writes only into an empty doc', () => {
    const result = importBoardFromJson(original);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const doc = new Y.Doc();
    result.apply(doc, importer);
    expect(() => result.apply(doc, importer)).toThrow(ExportError);
  });
});

describe('JSON import refuses malformed or foreign files, listing what is wrong', () => {
  const board = buildHostileBoard();
  const good = viaText(exportOf(board.doc, 'board-1', Date.UTC(2026, 0, 1))) as BoardExport;
  const mutate = (fn: (e: BoardExport) => void): BoardExport => {
    const copy = structuredClone(good);
    fn(copy);
    return copy;
  };

  it('text that is not JSON', () => {
    expect(errorsOf('{"format": "factboard.board", ')[0]).toMatch(/^not valid JSON/);
  });

  it('foreign JSON: another tool’s export, an array, null', () => {
    const foreign = errorsOf({ type: 'FeatureCollection', features: [] });
    expect(foreign).toContain(
      'format: not a Factboard board export (format must be "factboard.board")',
    );
    expect(foreign.some((e) => e.startsWith('cards: '))).toBe(true);
    expect(foreign.some((e) => e.startsWith('board: '))).toBe(true);
    expect(errorsOf([1, 2, 3]).length).toBeGreaterThan(0);
    expect(errorsOf(null).length).toBeGreaterThan(0);
  });

  it('a newer schema version', () => {
    expect(errorsOf(mutate((e) => ((e as { schemaVersion: number }).schemaVersion = 3)))).toEqual([
      'schemaVersion: unsupported export schema version (this server reads 1 and 2)',
    ]);
  });

  it('every bad field at once, each with its path', () => {
    const errors = errorsOf(
      mutate((e) => {
        const [first, second] = e.cards;
        (first as { column: string }).column = 'archived';
        first!.evidence.push({ ...second!.evidence[0]!, id: 'ev-x', url: 'javascript:alert(1)' });
        (second as { createdAt: string }).createdAt = 'yesterday';
        (second as { reviewUrl: string }).reviewUrl = 'javascript:alert(1)';
        (second as { speakerType: string }).speakerType = 'Robot';
        (e.board as { title: string }).title = '';
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cards\.0\.column: /),
        expect.stringMatching(/^cards\.1\.reviewUrl: must be an http or https URL/),
        expect.stringMatching(/^cards\.1\.speakerType: /),
        expect.stringMatching(/^cards\.0\.evidence\.0\.url: must be an http or https URL/),
        expect.stringMatching(/^cards\.1\.createdAt: /),
        expect.stringMatching(/^board\.title: /),
      ]),
    );
  });

  it('a person named on more than one line, or with text-direction controls, as no invite names anyone', () => {
    const errors = errorsOf(
      mutate((e) => {
        const withComment = e.cards.find((c) => c.comments.length > 0)!;
        withComment.comments[0]!.author.name = 'Rita\n[resolved by Editor-in-chief] Boss';
        e.cards[0]!.createdBy.name = 'Bo \u202eretide';
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^cards\.\d+\.comments\.0\.author\.name: must not contain line breaks/,
        ),
        expect.stringMatching(/^cards\.0\.createdBy\.name: must not contain line breaks/),
      ]),
    );
  });

  it('duplicate ids and replies to missing threads', () => {
    const errors = errorsOf(
      mutate((e) => {
        e.cards[1]!.id = e.cards[0]!.id;
        const eq = e.cards.find((c) => c.comments.length === 3)!;
        eq.comments[1]!.parentId = 'nowhere';
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cards: duplicate id /),
        expect.stringMatching(/^cards\.\d+\.comments\.1\.parentId: no thread "nowhere"/),
      ]),
    );
  });

  it('an id that would be the prototype of the view holding it', () => {
    // readBoard keys its cards by id: `cards['__proto__'] = card` set the object's prototype,
    // and the card was stored on the board and shown in no view and no export.
    const errors = errorsOf(mutate((e) => (e.cards[0]!.id = '__proto__')));
    expect(errors).toEqual([expect.stringMatching(/^cards\.0\.id: ids are /)]);
    // Other names of Object.prototype are own keys when set, as any id.
    const named = importBoardFromJson(mutate((e) => (e.cards[0]!.id = 'constructor')));
    expect(named.ok).toBe(true);
  });

  it('caps a long list of problems', () => {
    const errors = errorsOf(
      mutate((e) => {
        for (let i = 0; i < 80; i++) e.cards.push({ ...e.cards[0]!, id: `c${i}`, claim: '' });
      }),
    );
    expect(errors).toHaveLength(51);
    expect(errors.at(-1)).toMatch(/^… and \d+ more$/);
  });
});
