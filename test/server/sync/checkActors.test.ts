/**
 * The write policy on actor fields (server/sync/checkActors): cards, evidence and articles carry
 * the writer's own name, whoever writes, and only a name the board had there before may be
 * written back, which is what the board's own Undo does. Judged here on a server-like doc
 * (garbage collected, as a room's is) with checkWrite, the room's own entry point, against the
 * updates the board's commands and Y.UndoManager really send.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addEvidence,
  assignCard,
  CommandOrigin,
  deleteCard,
  moveCard,
  readBoard,
  removeArticle,
  removeEvidence,
} from '../../../shared/board';
import type { Actor } from '../../../shared/board/actor';
import { initBoard } from '../../../shared/board/commands/meta';
import {
  articlesMap,
  CARD_KEYS,
  cardsMap,
  commentsMap,
  EVIDENCE_KEYS,
  metaMap,
  newCardMap,
  newEvidenceMap,
} from '../../../shared/board/schema';
import type { Role } from '../../../shared/roles';
import { analyzeUpdate } from '../../../server/sync/analyzeUpdate';
import { BoardInvites } from '../../../server/sync/BoardInvites';
import { decodeUpdate } from '../../../server/sync/decodeUpdate';
import { HistoryDigests } from '../../../server/sync/HistoryDigests';
import { checkWrite } from '../../../server/sync/writePolicy';

const ada: Actor = { id: 'inv-ada', name: 'Ada' };
const bo: Actor = { id: 'inv-bo', name: 'Bo' };
const cy: Actor = { id: 'inv-cy', name: 'Cy' };
const as = (actor: Actor) => ({ actor });

/** One person's page: a doc, and the Undo the board's page gives it (client/sync). */
interface Page {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly undo: Y.UndoManager;
}

/**
 * A room's doc and the pages on it: each write a page makes is judged as the room judges it,
 * applied to the room's doc when taken and passed on to the other pages.
 */
class Room {
  doc = new Y.Doc({ gc: true });
  /** Ada, Bo and Cy are the board's editors. */
  readonly invites = new BoardInvites('board');
  private readonly pages: Page[] = [];

  constructor() {
    initBoard(this.doc, { title: 'Board' }, as({ id: 'system', name: 'Factboard' }));
    this.invites.load(
      [ada, bo, cy].map(({ id, name }) => ({
        id,
        boardId: 'board',
        name,
        role: 'editor',
        createdAt: 0,
        revokedAt: null,
        revokedBy: null,
        roleChange: null,
        expiresAt: null,
        expirySetBy: null,
        joinedAt: null,
      })),
    );
  }

  page(actor: Actor): Page {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.doc), this);
    const scope = [metaMap(doc), articlesMap(doc), cardsMap(doc), commentsMap(doc)];
    const undo = new Y.UndoManager(scope, {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    const page = { doc, actor, undo };
    this.pages.push(page);
    return page;
  }

  /** Runs `fn` on the page; the refusal's reason, or null when the room took the write. */
  write(page: Page, fn: (doc: Y.Doc) => unknown, role: Role = 'editor'): string | null {
    const updates: Uint8Array[] = [];
    const keep = (update: Uint8Array, origin: unknown) => {
      if (origin !== this) updates.push(update);
    };
    page.doc.on('update', keep);
    try {
      fn(page.doc);
    } finally {
      page.doc.off('update', keep);
    }
    expect(updates.length).toBeGreaterThan(0);
    return this.receive(page, Y.mergeUpdates(updates), role);
  }

  /** A change of the server's own (an import), which no policy judges, passed on to the pages. */
  serverChange<T>(fn: (doc: Y.Doc) => T): T {
    const updates: Uint8Array[] = [];
    const keep = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', keep);
    try {
      return fn(this.doc);
    } finally {
      this.doc.off('update', keep);
      for (const page of this.pages) for (const u of updates) Y.applyUpdate(page.doc, u, this);
    }
  }

  /** What a page sends when it comes back online: everything the room lacks. */
  sendOffline(page: Page, role: Role = 'editor'): string | null {
    const update = Y.encodeStateAsUpdate(page.doc, Y.encodeStateVector(this.doc));
    return this.receive(page, update, role);
  }

  /** The room's doc loaded again from what it stored: what it remembered is gone. */
  reload(): void {
    const stored = Y.encodeStateAsUpdate(this.doc);
    this.doc = new Y.Doc({ gc: true });
    Y.applyUpdate(this.doc, stored);
  }

  private receive(page: Page, update: Uint8Array, role: Role): string | null {
    const decoded = decodeUpdate(update);
    const analysis = analyzeUpdate(decoded, this.doc);
    expect(analysis.missing).toBe(false);
    const verdict = checkWrite(
      role,
      page.actor,
      analysis,
      decoded.ds,
      this.doc,
      this.invites,
      { earliest: -Infinity, latest: Infinity },
      new HistoryDigests(),
    );
    if (!verdict.ok) return verdict.reason;
    Y.applyUpdate(this.doc, update);
    for (const other of this.pages) {
      if (other !== page) Y.applyUpdate(other.doc, update, this);
    }
    return null;
  }
}

const card = (room: Room, id: string) => readBoard(room.doc).cards[id];
const write = (room: Room, page: Page, fn: (doc: Y.Doc) => unknown) => {
  expect(room.write(page, fn)).toBeNull();
};

/** A card by Bo with Bo's evidence, last moved by Bo, on a board Ada and Bo both have open. */
function boardWithBosCard() {
  const room = new Room();
  const pageOfBo = room.page(bo);
  let cardId = '';
  let evidenceId = '';
  write(room, pageOfBo, (doc) => (cardId = addClaim(doc, { claim: 'Rents doubled' }, as(bo))));
  write(room, pageOfBo, (doc) => {
    evidenceId = addEvidence(doc, cardId, { url: 'https://a.example', stance: 'supports' }, as(bo));
  });
  write(room, pageOfBo, (doc) => moveCard(doc, cardId, { column: 'disputed', index: 0 }, as(bo)));
  const pageOfAda = room.page(ada);
  return { room, pageOfAda, pageOfBo, cardId, evidenceId };
}

describe('actor fields name the writer', () => {
  it('a new card or evidence item in the writer’s name is taken; in a colleague’s, refused, as is an article', () => {
    const { room, pageOfAda, cardId } = boardWithBosCard();
    write(room, pageOfAda, (doc) => addClaim(doc, { claim: 'Mine' }, as(ada)));
    write(room, pageOfAda, (doc) =>
      addEvidence(doc, cardId, { url: 'https://b.example', stance: 'refutes' }, as(ada)),
    );
    // Articles are imported by the server (checkSources): in one's own name too.
    expect(
      room.write(room.page(ada), (doc) =>
        addArticle(doc, { title: 'T', text: 'Rents rose.' }, as(ada)),
      ),
    ).toBe('articles come from an import');

    const forger = room.page(ada);
    expect(room.write(forger, (doc) => addClaim(doc, { claim: 'As Bo' }, as(bo)))).toBe(
      'cards are created in their creator’s own name',
    );
    expect(
      room.write(room.page(ada), (doc) =>
        addEvidence(doc, cardId, { url: 'https://c.example', stance: 'supports' }, as(bo)),
      ),
    ).toBe('evidence is added in its adder’s own name');
    expect(
      room.write(room.page(ada), (doc) =>
        addArticle(doc, { title: 'T2', text: 'Prices fell.' }, as(cy)),
      ),
    ).toBe('articles are added in their creator’s own name');
    // A name the writer's invite does not have (the id is theirs) is not theirs either.
    expect(
      room.write(room.page(ada), (doc) =>
        addClaim(doc, { claim: 'Renamed' }, as({ id: ada.id, name: 'Bo' })),
      ),
    ).toBe('cards are created in their creator’s own name');
  });

  it('a new card created by the writer but last updated by a colleague is refused', () => {
    const room = new Room();
    const reason = room.write(room.page(ada), (doc) =>
      cardsMap(doc).set(
        'forged',
        newCardMap({
          id: 'forged',
          claim: 'x',
          source: null,
          speaker: null,
          pos: { column: 'unverified', rank: 'a0' },
          verdict: null,
          rationale: '',
          assignee: null,
          evidence: [],
          extraction: null,
          createdBy: ada,
          createdAt: 1,
          updatedBy: bo,
          updatedAt: 1,
        }),
      ),
    );
    expect(reason).toBe('a card is updated in its updater’s own name');
  });

  it('an edit in a colleague’s name (updatedBy) is refused, whatever the role; in one’s own, taken', () => {
    for (const role of ['editor', 'lead'] as const) {
      const { room, cardId } = boardWithBosCard();
      const move = (actor: Actor) => (doc: Y.Doc) =>
        moveCard(doc, cardId, { column: 'corroborated', index: 0 }, as(actor));
      expect(room.write(room.page(ada), move(cy), role)).toBe(
        'a card is updated in its updater’s own name',
      );
      expect(room.write(room.page(ada), move(ada), role)).toBeNull();
      expect(card(room, cardId)?.updatedBy).toEqual(ada);
    }
  });

  it('a card’s creator, an evidence item’s adder and an article’s creator do not change', () => {
    const { room, cardId } = boardWithBosCard();
    const articleId = room.serverChange((doc) =>
      addArticle(doc, { title: 'T', text: 'Rents rose.' }, as(ada)),
    );
    const cardOf = (doc: Y.Doc) => cardsMap(doc).get(cardId) as Y.Map<unknown>;
    expect(
      room.write(room.page(ada), (doc) => cardOf(doc).set(CARD_KEYS.createdBy, ada), 'lead'),
    ).toBe('a card’s creator does not change');
    expect(
      room.write(room.page(ada), (doc) => {
        const evidence = (cardOf(doc).get(CARD_KEYS.evidence) as Y.Array<Y.Map<unknown>>).get(0);
        evidence.set(EVIDENCE_KEYS.addedBy, ada);
      }),
    ).toBe('an evidence item’s adder does not change');
    expect(
      room.write(room.page(bo), (doc) => {
        (articlesMap(doc).get(articleId) as Y.Map<unknown>).set('createdBy', bo);
      }),
    ).toBe('an article’s creator does not change');
  });
});

describe('a name the board had there before may be written back: the board’s Undo', () => {
  it('Undo and Redo of a move after a colleague’s put the colleague back as its updater', () => {
    const { room, pageOfAda, cardId } = boardWithBosCard();
    write(room, pageOfAda, (doc) =>
      moveCard(doc, cardId, { column: 'corroborated', index: 0 }, as(ada)),
    );
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)).toMatchObject({ column: 'disputed', updatedBy: bo });
    write(room, pageOfAda, () => pageOfAda.undo.redo());
    expect(card(room, cardId)).toMatchObject({ column: 'corroborated', updatedBy: ada });
  });

  it('a card’s updatedBy goes back only over the writer’s own, to a name their change replaced', () => {
    const { room, pageOfAda, cardId } = boardWithBosCard();
    const cardOf = (doc: Y.Doc) => cardsMap(doc).get(cardId) as Y.Map<unknown>;
    // Bo updated the card last: a change of Ada's cannot leave his name on it.
    expect(
      room.write(room.page(ada), (doc) =>
        moveCard(doc, cardId, { column: 'corroborated', index: 0 }, as(bo)),
      ),
    ).toBe('a card is updated in its updater’s own name');
    write(room, pageOfAda, (doc) =>
      moveCard(doc, cardId, { column: 'corroborated', index: 0 }, as(ada)),
    );
    // Over her own: Bo, whom her move replaced, as an Undo of only that field would.
    write(room, pageOfAda, (doc) => cardOf(doc).set(CARD_KEYS.updatedBy, bo));
    // Cy never updated the card.
    expect(room.write(pageOfAda, (doc) => cardOf(doc).set(CARD_KEYS.updatedBy, cy))).toBe(
      'a card is updated in its updater’s own name',
    );
  });

  it('Undo of a colleague’s card’s deletion brings it back whole; Redo deletes it again', () => {
    const { room, pageOfAda, cardId, evidenceId } = boardWithBosCard();
    const before = card(room, cardId);
    write(room, pageOfAda, (doc) => deleteCard(doc, cardId, as(ada)));
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)).toEqual(before);
    expect(card(room, cardId)?.evidence.map((e) => [e.id, e.addedBy])).toEqual([[evidenceId, bo]]);
    write(room, pageOfAda, () => pageOfAda.undo.redo());
    expect(card(room, cardId)).toBeUndefined();
  });

  it('Undo and Redo of one’s own new card, after a colleague moved it', () => {
    const room = new Room();
    const pageOfAda = room.page(ada);
    const pageOfBo = room.page(bo);
    let cardId = '';
    write(room, pageOfAda, (doc) => (cardId = addClaim(doc, { claim: 'Mine' }, as(ada))));
    write(room, pageOfBo, (doc) => moveCard(doc, cardId, { column: 'disputed', index: 0 }, as(bo)));
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)).toBeUndefined();
    write(room, pageOfAda, () => pageOfAda.undo.redo());
    expect(card(room, cardId)).toMatchObject({ createdBy: ada, updatedBy: bo });
  });

  it('a deleted card does not come back under another creator, updater or adder', () => {
    const { room, pageOfAda, cardId, evidenceId } = boardWithBosCard();
    const was = card(room, cardId);
    write(room, pageOfAda, (doc) => deleteCard(doc, cardId, as(ada)));
    const putBack = (changes: object) => (doc: Y.Doc) => {
      const { column, rank, comments: _comments, evidence, ...fields } = was!;
      cardsMap(doc).set(
        cardId,
        newCardMap({ ...fields, evidence, pos: { column, rank }, ...changes }),
      );
    };
    expect(room.write(room.page(ada), putBack({ createdBy: cy }))).toBe(
      'cards are created in their creator’s own name',
    );
    expect(room.write(room.page(ada), putBack({ updatedBy: cy }))).toBe(
      'a card is updated in its updater’s own name',
    );
    const cysEvidence = was!.evidence.map((e) => ({ ...e, addedBy: cy }));
    expect(room.write(room.page(ada), putBack({ evidence: cysEvidence }))).toBe(
      'evidence is added in its adder’s own name',
    );
    // As it was, or with the writer's own name: taken.
    expect(room.write(room.page(ada), putBack({ updatedBy: ada }))).toBeNull();
    expect(card(room, cardId)?.evidence[0]?.id).toBe(evidenceId);
  });

  it('a live card replaced under its id keeps its creator', () => {
    const { room, cardId } = boardWithBosCard();
    const was = card(room, cardId)!;
    const { column, rank, comments: _comments, evidence, ...fields } = was;
    const replace = (createdBy: Actor) => (doc: Y.Doc) =>
      cardsMap(doc).set(
        cardId,
        newCardMap({ ...fields, evidence, pos: { column, rank }, createdBy, updatedBy: ada }),
      );
    expect(room.write(room.page(ada), replace(cy))).toBe(
      'cards are created in their creator’s own name',
    );
    expect(room.write(room.page(ada), replace(bo))).toBeNull();
  });

  it('Undo of a colleague’s evidence’s removal puts it back; another name under its id is refused', () => {
    const { room, pageOfAda, cardId, evidenceId } = boardWithBosCard();
    write(room, pageOfAda, (doc) => removeEvidence(doc, cardId, evidenceId, as(ada)));
    const forged = (id: string, addedBy: Actor) => (doc: Y.Doc) =>
      (cardsMap(doc).get(cardId)?.get(CARD_KEYS.evidence) as Y.Array<Y.Map<unknown>>).push([
        newEvidenceMap({
          id,
          url: 'https://forged.example',
          quote: '',
          stance: 'supports',
          note: '',
          addedBy,
          addedAt: 1,
        }),
      ]);
    expect(room.write(room.page(ada), forged(evidenceId, cy))).toBe(
      'evidence is added in its adder’s own name',
    );
    expect(room.write(room.page(ada), forged('e2newevidence000', bo))).toBe(
      'evidence is added in its adder’s own name',
    );
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)?.evidence.map((e) => [e.id, e.addedBy])).toEqual([[evidenceId, bo]]);
  });

  it('Undo of an article’s removal brings back the article and its cards, the importer’s', () => {
    const room = new Room();
    const text = 'Rents doubled since 2015. Wages rose 3%.';
    const { articleId, cardId } = room.serverChange((doc) => {
      // As an import writes them: the article and its card at one time (articleRemoval).
      const at = Date.now();
      const importer = { actor: bo, now: () => at };
      const id = addArticle(doc, { title: 'Rents', text }, importer);
      const source = { articleId: id, start: 0, end: 24, sentence: text.slice(0, 24) };
      return { articleId: id, cardId: addClaim(doc, { claim: 'Rents doubled', source }, importer) };
    });
    const pageOfAda = room.page(ada);
    write(room, pageOfAda, (doc) => removeArticle(doc, articleId, as(ada)));
    expect(card(room, cardId)).toBeUndefined();
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(readBoard(room.doc).articles.map((a) => a.createdBy)).toEqual([bo]);
    expect(card(room, cardId)?.createdBy).toEqual(bo);
  });

  it('changes made offline, then undone, are sent as one update and taken', () => {
    const { room, cardId, evidenceId } = boardWithBosCard();
    const offline = room.page(ada);
    moveCard(offline.doc, cardId, { column: 'corroborated', index: 0 }, as(ada));
    removeEvidence(offline.doc, cardId, evidenceId, as(ada));
    offline.undo.undo();
    offline.undo.undo();
    expect(room.sendOffline(offline)).toBeNull();
    expect(card(room, cardId)).toMatchObject({ column: 'disputed', updatedBy: bo });
    expect(card(room, cardId)?.evidence.map((e) => e.addedBy)).toEqual([bo]);
  });
});

describe('who is checking a card: a colleague who may edit, or one the card had', () => {
  const lowered = (room: Room, actor: Actor) =>
    room.invites.set({
      ...actor,
      boardId: 'board',
      role: 'reviewer',
      createdAt: 0,
      revokedAt: null,
      revokedBy: null,
      roleChange: null,
      expiresAt: null,
      expirySetBy: null,
      joinedAt: null,
    });

  it('Undo of giving a card on puts back the checker before, though they may no longer edit', () => {
    const { room, pageOfAda, cardId } = boardWithBosCard();
    write(room, pageOfAda, (doc) => assignCard(doc, cardId, bo, as(ada)));
    write(room, pageOfAda, (doc) => assignCard(doc, cardId, cy, as(ada)));
    lowered(room, bo);
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)?.assignee).toEqual(bo);
    write(room, pageOfAda, () => pageOfAda.undo.redo());
    expect(card(room, cardId)?.assignee).toEqual(cy);
  });

  it('someone lowered to reviewer is not given a card they never had, nor a new card', () => {
    const { room, cardId } = boardWithBosCard();
    lowered(room, cy);
    // A refused write stays on its page: each is sent from a page of its own.
    const refusal = 'a card is given only to a lead or an editor of the board';
    expect(room.write(room.page(ada), (doc) => assignCard(doc, cardId, cy, as(ada)))).toBe(refusal);
    expect(
      room.write(room.page(ada), (doc) => {
        const id = addClaim(doc, { claim: 'Fresh' }, as(ada));
        assignCard(doc, id, cy, as(ada));
      }),
    ).toBe(refusal);
  });
});

describe('after the room loads the board again (nothing remembered)', () => {
  it('Undo of moves, an evidence removal and a deletion made before still goes through', () => {
    const { room, pageOfAda, cardId, evidenceId } = boardWithBosCard();
    for (const column of ['corroborated', 'unverified'] as const) {
      write(room, pageOfAda, (doc) => moveCard(doc, cardId, { column, index: 0 }, as(ada)));
    }
    write(room, pageOfAda, (doc) => removeEvidence(doc, cardId, evidenceId, as(ada)));
    room.reload();
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)?.evidence.map((e) => e.addedBy)).toEqual([bo]);
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)).toMatchObject({ column: 'corroborated', updatedBy: ada });
    // Back over the updatedBy the Undo just wrote: its page wrote the card's before the reload.
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)).toMatchObject({ column: 'disputed', updatedBy: bo });

    write(room, pageOfAda, (doc) => deleteCard(doc, cardId, as(ada)));
    room.reload();
    write(room, pageOfAda, () => pageOfAda.undo.undo());
    expect(card(room, cardId)).toMatchObject({ createdBy: bo, updatedBy: bo });
  });

  it('a colleague’s name is still refused where it was not put back', () => {
    const { room, cardId } = boardWithBosCard();
    room.reload();
    const cardOf = (doc: Y.Doc) => cardsMap(doc).get(cardId) as Y.Map<unknown>;
    // Bo last updated the card: Ada may not sign over Bo's updatedBy …
    expect(room.write(room.page(ada), (doc) => cardOf(doc).set(CARD_KEYS.updatedBy, cy))).toBe(
      'a card is updated in its updater’s own name',
    );
    // … nor over her own, once written since the room loaded.
    const pageOfAda = room.page(ada);
    write(room, pageOfAda, (doc) =>
      moveCard(doc, cardId, { column: 'corroborated', index: 0 }, as(ada)),
    );
    expect(room.write(pageOfAda, (doc) => cardOf(doc).set(CARD_KEYS.updatedBy, cy))).toBe(
      'a card is updated in its updater’s own name',
    );
    expect(
      room.write(room.page(ada), (doc) =>
        addEvidence(doc, cardId, { url: 'https://c.example', stance: 'supports' }, as(cy)),
      ),
    ).toBe('evidence is added in its adder’s own name');
  });
});
