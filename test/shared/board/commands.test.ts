import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addClaims,
  addComment,
  addEvidence,
  BoardError,
  CommandOrigin,
  createBoardReader,
  deleteComment,
  editCard,
  editComment,
  redactComment,
  initBoard,
  moveCard,
  rankBetween,
  readBoard,
  resolveThread,
  setVerdict,
} from '../../../shared/board';

// One shared, strictly increasing clock, so that order by time is well defined.
let tick = 1_700_000_000_000;
const now = () => ++tick;
const alice = { actor: { id: 'inv-a', name: 'Alice' }, now };
const bob = { actor: { id: 'inv-b', name: 'Bob' }, now };

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Test board' }, alice);
  return doc;
}

describe('rankBetween', () => {
  it('always finds a key strictly between two keys (B3)', () => {
    let low: string | null = null;
    let high: string | null = null;
    const keys: string[] = [];
    for (let i = 0; i < 200; i++) {
      const k = rankBetween(low, high);
      if (low !== null) expect(k > low).toBe(true);
      if (high !== null) expect(k < high).toBe(true);
      keys.push(k);
      if (i % 2) low = k;
      else high = k;
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('keeps keys short when appending: 10,000 appends stay under 5 characters', () => {
    let key: string | null = null;
    for (let i = 0; i < 10_000; i++) {
      const next = rankBetween(key, null);
      if (key !== null) expect(next > key).toBe(true);
      key = next;
    }
    expect(key?.length).toBeLessThan(5);
  });
  it('refuses an inverted range', () => {
    expect(() => rankBetween('b', 'a')).toThrow(RangeError);
  });
});

describe('board commands', () => {
  it('adds claims to the bottom of unverified and moves them to an index (B3)', () => {
    const doc = board();
    const a = addClaim(doc, { claim: 'A' }, alice);
    const b = addClaim(doc, { claim: 'B' }, alice);
    const c = addClaim(doc, { claim: 'C' }, alice);
    expect(readBoard(doc).columns.unverified).toEqual([a, b, c]);
    moveCard(doc, c, { column: 'unverified', index: 0 }, alice);
    expect(readBoard(doc).columns.unverified).toEqual([c, a, b]);
    moveCard(doc, a, { column: 'disputed', index: 0 }, alice);
    const view = readBoard(doc);
    expect(view.columns.unverified).toEqual([c, b]);
    expect(view.columns.disputed).toEqual([a]);
  });

  it('adds a batch of claims in order, in one transaction', () => {
    const doc = board();
    const first = addClaim(doc, { claim: 'first' }, alice);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const ids = addClaims(
      doc,
      [{ claim: 'a' }, { claim: 'b' }, { claim: 'c', column: 'disputed' }],
      alice,
    );
    expect(transactions).toBe(1);
    const view = readBoard(doc);
    expect(view.columns.unverified).toEqual([first, ids[0], ids[1]]);
    expect(view.columns.disputed).toEqual([ids[2]]);
  });

  it('steps over ranks it did not make (a hostile or old client)', () => {
    const doc = board();
    const a = addClaim(doc, { claim: 'A' }, alice);
    (doc.getMap('cards').get(a) as Y.Map<unknown>).set('pos', {
      column: 'unverified',
      rank: '~~bad',
    });
    const b = addClaim(doc, { claim: 'B' }, alice);
    moveCard(doc, b, { column: 'unverified', index: 1 }, alice);
    expect(readBoard(doc).columns.unverified).toHaveLength(2);
  });

  it('validates input and throws a typed error before changing anything (B9)', () => {
    const doc = board();
    const before = Y.encodeStateVector(doc);
    expect(() => addClaim(doc, { claim: '   ' }, alice)).toThrow(BoardError);
    // Only characters that show nothing: as empty as spaces.
    expect(() => addClaim(doc, { claim: '\u200b\u2060\u00ad' }, alice)).toThrow(BoardError);
    const id = addClaim(doc, { claim: 'x' }, alice);
    const sv = Y.encodeStateVector(doc);
    expect(() =>
      addEvidence(doc, id, { url: 'javascript:alert(1)', stance: 'supports' }, alice),
    ).toThrowError(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => moveCard(doc, 'nope', { column: 'disputed', index: 0 }, alice)).toThrowError(
      expect.objectContaining({ code: 'card_not_found' }),
    );
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    expect(before).not.toEqual(sv);
  });

  it('clears a verdict that does not belong to the target column, or takes the new one', () => {
    const doc = board();
    const id = addClaim(doc, { claim: 'x' }, alice);
    moveCard(doc, id, { column: 'corroborated', index: 0 }, alice);
    setVerdict(doc, id, 'True', 'Two sources', alice);
    moveCard(doc, id, { column: 'disputed', index: 0 }, alice);
    expect(readBoard(doc).cards[id]?.verdict).toBeNull();
    moveCard(doc, id, { column: 'corroborated', index: 0, verdict: 'Mostly true' }, alice);
    expect(readBoard(doc).cards[id]?.verdict).toBe('Mostly true');
    expect(() =>
      moveCard(doc, id, { column: 'disputed', index: 0, verdict: 'True' }, alice),
    ).toThrow(BoardError);
  });

  it('merges concurrent edits of different fields of one card (B6)', () => {
    const a = board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const id = addClaim(a, { claim: 'Original' }, alice);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    editCard(a, id, { claim: 'Edited by Alice' }, alice);
    editCard(b, id, { speaker: 'Treasury' }, bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const card = readBoard(a).cards[id];
    expect(card?.claim).toBe('Edited by Alice');
    expect(card?.speaker).toBe('Treasury');
    expect(readBoard(b)).toEqual(readBoard(a));
  });

  it('lets only the author edit or delete a comment; anyone resolves a thread', () => {
    const doc = board();
    const card = addClaim(doc, { claim: 'x' }, alice);
    const root = addComment(doc, card, { text: 'First' }, alice);
    const reply = addComment(doc, card, { text: 'Reply', parentId: root }, bob);
    expect(() => editComment(doc, root, 'Hijacked', bob)).toThrowError(
      expect.objectContaining({ code: 'not_allowed' }),
    );
    editComment(doc, reply, 'Reply, edited', bob);
    resolveThread(doc, reply, true, bob);
    deleteComment(doc, root, alice);
    const comments = readBoard(doc).cards[card]?.comments ?? [];
    expect(comments.map((c) => [c.text, c.parentId, c.resolved])).toEqual([
      ['', null, true],
      ['Reply, edited', root, false],
    ]);
    expect(comments[0]?.deletedAt).not.toBeNull();
    expect(comments[0]?.resolvedBy?.name).toBe('Bob');
  });

  it('redacts a comment: deleted, its text empty, marked; its author may not write it again (B16)', () => {
    const doc = board();
    const card = addClaim(doc, { claim: 'x' }, alice);
    const id = addComment(doc, card, { text: 'Source: Ana' }, bob);
    const lena = { actor: { id: 'lena', name: 'Lena' }, now: () => 1_000 };
    redactComment(doc, id, lena);
    const comment = readBoard(doc).cards[card]?.comments[0];
    expect(comment).toMatchObject({
      text: '',
      deletedAt: 1_000,
      redacted: { by: lena.actor, at: 1_000 },
    });
    expect(() => editComment(doc, id, 'Source: Ana Ruiz', bob)).toThrowError(
      expect.objectContaining({ code: 'not_allowed' }),
    );
    // Redacted again: nothing written (B15).
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    redactComment(doc, id, { ...lena, now: () => 2_000 });
    expect(updates).toEqual([]);
    expect(() => redactComment(doc, 'nope', lena)).toThrowError(
      expect.objectContaining({ code: 'comment_not_found' }),
    );
  });

  it('undo covers the local user only, one command per step (B7)', () => {
    const a = board();
    const b = new Y.Doc();
    const id = addClaim(a, { claim: 'x' }, alice);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const undo = new Y.UndoManager([a.getMap('cards'), a.getMap('comments')], {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    moveCard(a, id, { column: 'disputed', index: 0 }, alice);
    editCard(b, id, { speaker: 'Bob wrote this' }, bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
    undo.undo();
    const card = readBoard(a).cards[id];
    expect(card?.column).toBe('unverified');
    expect(card?.speaker).toBe('Bob wrote this');
    undo.destroy();
  });

  it('returns frozen views and reuses unchanged cards (B8)', () => {
    const doc = board();
    const a = addClaim(doc, { claim: 'A' }, alice);
    const b = addClaim(doc, { claim: 'B' }, alice);
    const reader = createBoardReader(doc);
    const first = reader.read();
    expect(Object.isFrozen(first.cards[a])).toBe(true);
    expect(Object.isFrozen(first.columns.unverified)).toBe(true);
    expect(reader.read()).toBe(first);
    addComment(doc, b, { text: 'hi' }, bob);
    const second = reader.read();
    expect(second.cards[a]).toBe(first.cards[a]);
    expect(second.cards[b]).not.toBe(first.cards[b]);
    expect(second.cards[b]?.comments).toHaveLength(1);
    expect(second.columns).toBe(first.columns);
    reader.destroy();
  });

  it('reads malformed values tolerantly: a card without a valid place is unverified (B1)', () => {
    const doc = board();
    const id = addClaim(doc, { claim: 'x' }, alice);
    doc.getMap('cards').get(id);
    (doc.getMap('cards').get(id) as Y.Map<unknown>).set('pos', { column: 'nowhere', rank: 5 });
    const view = readBoard(doc);
    expect(view.cards[id]?.column).toBe('unverified');
    expect(view.columns.unverified).toEqual([id]);
  });
});

describe('editCard: the speaker’s type and the published fact-check', () => {
  it('sets, changes and clears both in one transaction, each under its own key (B6, B7)', () => {
    const doc = board();
    const id = addClaim(doc, { claim: 'Exports rose 8%', speaker: 'Grace Bank' }, alice);
    // A new card carries neither key: absent reads as null.
    const fresh = doc.getMap('cards').get(id) as Y.Map<unknown>;
    expect([fresh.has('speakerType'), fresh.has('reviewUrl')]).toEqual([false, false]);
    expect(readBoard(doc).cards[id]).toMatchObject({ speakerType: null, reviewUrl: null });

    const origins: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    editCard(
      doc,
      id,
      { speakerType: 'person', reviewUrl: 'https://factdesk.example/checks/exports' },
      bob,
    );
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({ command: 'editCard', actor: bob.actor });
    const card = readBoard(doc).cards[id];
    expect(card).toMatchObject({
      speakerType: 'person',
      reviewUrl: 'https://factdesk.example/checks/exports',
      updatedBy: bob.actor,
    });

    editCard(doc, id, { speakerType: 'organization' }, alice);
    expect(readBoard(doc).cards[id]?.speakerType).toBe('organization');
    expect(readBoard(doc).cards[id]?.reviewUrl).toBe('https://factdesk.example/checks/exports');
    editCard(doc, id, { speakerType: null, reviewUrl: null }, alice);
    expect(readBoard(doc).cards[id]).toMatchObject({ speakerType: null, reviewUrl: null });
  });

  it('refuses a speaker type outside the two and a link that is not http(s) (B9)', () => {
    const doc = board();
    const id = addClaim(doc, { claim: 'x' }, alice);
    const sv = Y.encodeStateVector(doc);
    for (const patch of [
      { reviewUrl: 'javascript:alert(1)' },
      { reviewUrl: 'not a url' },
      { reviewUrl: `https://x.example/${'a'.repeat(2_048)}` },
      { speakerType: 'robot' },
      { speakerType: 'Person' },
    ]) {
      expect(() => editCard(doc, id, patch as never, alice), JSON.stringify(patch)).toThrowError(
        expect.objectContaining({ code: 'invalid_input' }),
      );
    }
    expect(Y.encodeStateVector(doc)).toEqual(sv);
  });

  it('merges with a concurrent edit of the speaker or the rationale (B6)', () => {
    const a = board();
    const id = addClaim(a, { claim: 'Original' }, alice);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    editCard(a, id, { speaker: 'Grace Bank', rationale: 'Two sources' }, alice);
    editCard(b, id, { speakerType: 'person', reviewUrl: 'https://f.example/1' }, bob);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoard(a).cards[id]).toMatchObject({
      speaker: 'Grace Bank',
      rationale: 'Two sources',
      speakerType: 'person',
      reviewUrl: 'https://f.example/1',
    });
    expect(readBoard(b)).toEqual(readBoard(a));
  });

  it('reads values of the wrong shape (an old or hostile client) as not set', () => {
    const doc = board();
    const id = addClaim(doc, { claim: 'x' }, alice);
    const card = doc.getMap('cards').get(id) as Y.Map<unknown>;
    card.set('speakerType', 'Organization');
    card.set('reviewUrl', 42);
    expect(readBoard(doc).cards[id]).toMatchObject({ speakerType: null, reviewUrl: null });
  });
});

describe('setExtraction', () => {
  it("sets a card's signals in one transaction, without touching who updated it; refuses bad ones", async () => {
    const { setExtraction } = await import('../../../shared/board');
    const doc = board();
    const id = addClaim(doc, { claim: 'Crime fell 10%' }, alice);
    const before = readBoard(doc).cards[id]!;
    const signals = { score: 4, rank: 2, chips: [{ text: '10%', type: 'percent' }] };
    setExtraction(doc, id, signals, { actor: { id: 'system', name: 'Factboard' } });
    const after = readBoard(doc).cards[id]!;
    expect(after.extraction).toEqual(signals);
    expect(after.updatedBy).toEqual(before.updatedBy);
    expect(() => setExtraction(doc, id, { ...signals, rank: -1 }, alice)).toThrowError(
      expect.objectContaining({ code: 'invalid_input' }) as Error,
    );
    expect(() => setExtraction(doc, 'nope', signals, alice)).toThrow();
  });
});

describe('migrateBoard (B10)', () => {
  it('lifts a board without a schema version to the current one, once', async () => {
    const { migrateBoard, schemaVersionOf, SCHEMA_VERSION, readMeta } =
      await import('../../../shared/board');
    const doc = new Y.Doc();
    addClaim(doc, { claim: 'made by an old client' }, alice);
    expect(schemaVersionOf(doc)).toBe(0);
    expect(migrateBoard(doc, alice)).toBe(true);
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
    expect(readMeta(doc).ratingScale.labels.length).toBeGreaterThan(0);
    expect(migrateBoard(doc, alice)).toBe(false);
    expect(migrateBoard(board(), alice)).toBe(false);
  });

  it('lifts a version 1 scale (one JSON value) into label entries (B12), alike on two replicas', async () => {
    const { migrateBoard, readRatingScale, schemaVersionOf, SCHEMA_VERSION, metaMap } =
      await import('../../../shared/board');
    const custom = {
      best: 3,
      worst: 1,
      labels: [
        { label: 'Accurate', column: 'corroborated' as const, value: 3 },
        { label: 'Unclear', column: 'unverified' as const, value: 2 },
        { label: 'Wrong', column: 'disputed' as const, value: 1 },
      ],
    };
    const v1 = new Y.Doc();
    v1.transact(() => {
      metaMap(v1).set('title', 'Old board');
      metaMap(v1).set('schemaVersion', 1);
      metaMap(v1).set('ratingScale', custom);
    });
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const d of [a, b]) Y.applyUpdate(d, Y.encodeStateAsUpdate(v1));
    expect(readRatingScale(a)).toEqual(custom);
    expect(migrateBoard(a, alice)).toBe(true);
    expect(migrateBoard(b, alice)).toBe(true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const d of [a, b]) {
      expect(schemaVersionOf(d)).toBe(SCHEMA_VERSION);
      expect(metaMap(d).has('ratingScale')).toBe(false);
      expect(readRatingScale(d)).toEqual(custom);
    }
  });
});
