/**
 * The client store on a real Y.Doc without network or IndexedDB: snapshot stability, the
 * bound commands, and the undo scope (own commands only, one command = one step).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  editCard,
  editComment,
  initBoard,
  moveCard,
} from '../../shared/board';
import type { Role } from '../../shared/roles';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import { offlineConnection } from '../helpers/offlineConnection';
import { undoAnnouncement } from '../../client/board/undoWords';

const open: BoardConnection[] = [];

function connect(role: Role = 'editor', doc?: Y.Doc): BoardConnection {
  const connection = offlineConnection({
    role,
    actor: { id: `invite-${role}`, name: `Ana ${role}` },
    ...(doc ? { doc } : {}),
  });
  open.push(connection);
  return connection;
}

/** A colleague's doc whose changes reach ours as a remote update would. */
function colleague(ours: Y.Doc): { doc: Y.Doc; push: () => void } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(ours));
  return {
    doc,
    push: () =>
      Y.applyUpdate(ours, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(ours)), 'remote'),
  };
}

afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
});

describe('BoardConnection snapshot', () => {
  it('returns the same object until something changes, then a new one', () => {
    const c = connect();
    const first = c.getSnapshot();
    expect(c.getSnapshot()).toBe(first);
    c.commands.addClaim({ claim: 'Inflation fell to 2%' });
    const second = c.getSnapshot();
    expect(second).not.toBe(first);
    expect(c.getSnapshot()).toBe(second);
    expect(Object.isFrozen(second)).toBe(true);
  });

  it('reuses unchanged card objects and the peers list across changes', () => {
    const c = connect();
    const a = c.commands.addClaim({ claim: 'A' });
    const b = c.commands.addClaim({ claim: 'B' });
    const before = c.getSnapshot();
    c.commands.editCard(b, { claim: 'B2' });
    const after = c.getSnapshot();
    expect(after.board.cards[a]).toBe(before.board.cards[a]);
    expect(after.board.cards[b]).not.toBe(before.board.cards[b]);
    expect(after.board.columns.unverified).toBe(before.board.columns.unverified);
    expect(after.peers).toBe(before.peers);
  });

  it('notifies subscribers on local and remote changes, and stops after unsubscribe', () => {
    const c = connect();
    let calls = 0;
    const off = c.subscribe(() => calls++);
    c.commands.addClaim({ claim: 'Local' });
    const other = colleague(c.doc);
    addClaim(other.doc, { claim: 'Remote' }, { actor: { id: 'x', name: 'Xu' } });
    other.push();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(Object.values(c.getSnapshot().board.cards).map((card) => card.claim)).toEqual(
      expect.arrayContaining(['Local', 'Remote']),
    );
    off();
    const n = calls;
    c.commands.addClaim({ claim: 'Quiet' });
    expect(calls).toBe(n);
  });

  it('is loaded at once and saved when there is neither server nor IndexedDB', () => {
    const s = connect().getSnapshot();
    expect(s.loaded).toBe(true);
    expect(s.status.kind).toBe('saved');
  });
});

describe('BoardConnection commands', () => {
  it('runs commands as the local actor', () => {
    const c = connect('editor');
    const id = c.commands.addClaim({ claim: 'Exports doubled', speaker: 'The minister' });
    const card = c.getSnapshot().board.cards[id];
    expect(card?.createdBy).toEqual({ id: 'invite-editor', name: 'Ana editor' });
    expect(card?.speaker).toBe('The minister');
  });

  it('refuses card changes for viewers and reviewers, leaving the doc untouched', () => {
    for (const role of ['viewer', 'reviewer'] as const) {
      const c = connect(role);
      expect(() => c.commands.addClaim({ claim: 'x' })).toThrowError(/may not/);
      expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    }
  });

  it('lets a reviewer comment', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'T' }, { actor: { id: 'lead', name: 'Lead' } });
    const cardId = addClaim(doc, { claim: 'C' }, { actor: { id: 'lead', name: 'Lead' } });
    const c = connect('reviewer', doc);
    c.commands.addComment(cardId, { text: 'Source?' });
    expect(c.getSnapshot().board.cards[cardId]?.comments.map((m) => m.text)).toEqual(['Source?']);
  });

  it('keeps the organisation the lead’s, as the server’s write policy does', () => {
    const organisation = { name: 'El Faro', url: 'https://elfaro.example' };
    // An editor's write of it would close their connection with 4403 (roles.test.ts).
    const editor = connect('editor');
    expect(() => editor.commands.setOrganisation(organisation)).toThrowError(/may not/);
    expect(Y.encodeStateVector(editor.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    const lead = connect('lead');
    lead.commands.setOrganisation(organisation);
    expect(lead.getSnapshot().board.meta.organisation).toEqual(organisation);
  });
});

describe('BoardConnection undo', () => {
  it('makes each command one undo step, however quickly they follow', () => {
    const c = connect();
    const id = c.commands.addClaim({ claim: 'A' });
    c.commands.moveCard(id, { column: 'corroborated', index: 0 });
    c.commands.editCard(id, { claim: 'A2' });
    // Each step says which command it undoes or redoes, both ways, as often as it goes.
    const did = (command: string) => ({ command, applied: true });
    expect(c.undo()).toEqual(did('editCard'));
    expect(c.getSnapshot().board.cards[id]?.claim).toBe('A');
    expect(c.getSnapshot().board.cards[id]?.column).toBe('corroborated');
    expect(c.undo()).toEqual(did('moveCard'));
    expect(c.getSnapshot().board.cards[id]?.column).toBe('unverified');
    expect(c.redo()).toEqual(did('moveCard'));
    expect(c.getSnapshot().board.cards[id]?.column).toBe('corroborated');
    expect(c.undo()).toEqual(did('moveCard'));
    expect(c.redo()).toEqual(did('moveCard'));
    expect(c.redo()).toEqual(did('editCard'));
  });

  it("undoes the local user's move and keeps a colleague's later edit", () => {
    const c = connect();
    const id = c.commands.addClaim({ claim: 'Original' });
    c.commands.moveCard(id, { column: 'disputed', index: 0 });
    const other = colleague(c.doc);
    editCard(other.doc, id, { claim: 'Edited by Bo' }, { actor: { id: 'bo', name: 'Bo' } });
    other.push();
    c.undo();
    const card = c.getSnapshot().board.cards[id];
    expect(card?.column).toBe('unverified');
    expect(card?.claim).toBe('Edited by Bo');
  });

  it('undoes no further back than the step a colleague has changed since, and says so', () => {
    // QA: Ana's Ctrl+Z on a rationale Bo had rewritten went on to undo the card's creation,
    // deleting the card with Bo's rationale, and said it had undone an edit.
    const c = connect();
    const id = c.commands.addClaim({ claim: 'Turnout reached 68%' });
    c.commands.editCard(id, { rationale: 'Ana: the commission says so' });
    const other = colleague(c.doc);
    editCard(
      other.doc,
      id,
      { rationale: 'Bo: checked the tally' },
      { actor: { id: 'bo', name: 'Bo' } },
    );
    other.push();
    expect(c.getSnapshot().canUndo).toBe(true);
    // Bo is named from the card's stamp, written with his rationale (he is not present).
    expect(c.undo()).toEqual({
      command: 'editCard',
      applied: false,
      kept: [{ cardId: id, key: 'rationale', by: 'Bo' }],
    });
    const card = c.getSnapshot().board.cards[id];
    expect(card?.rationale).toBe('Bo: checked the tally');
    // The snapshot read during the pop is not kept: Ana's creation is the next step.
    expect(c.getSnapshot().canUndo).toBe(true);
    expect(c.getSnapshot().canRedo).toBe(false);
    // Undoing it would delete the card with Bo's rationale on it: it is dropped too, and says so.
    expect(c.undo()).toEqual({
      command: 'addClaim',
      applied: false,
      workedOn: true,
      kept: [{ cardId: id, key: 'rationale', by: 'Bo' }],
    });
    expect(c.getSnapshot().board.cards[id]?.rationale).toBe('Bo: checked the tally');
    expect(c.getSnapshot().canUndo).toBe(false);
  });

  it('does not undo a post that has since been edited in another tab, or replied to', () => {
    const c = connect();
    const card = c.commands.addClaim({ claim: 'X' });
    const edited = c.commands.addComment(card, { text: 'Ask the council' });
    const replied = c.commands.addComment(card, { text: 'Page 12?' });
    const kept = c.commands.addComment(card, { text: 'Typo, undo me' });
    const other = colleague(c.doc);
    const ana = { actor: { id: 'invite-editor', name: 'Ana editor' } };
    editComment(other.doc, edited, 'Ask the council for the audit', ana);
    addComment(
      other.doc,
      card,
      { text: 'Yes, p. 12', parentId: replied },
      {
        actor: { id: 'bo', name: 'Bo' },
      },
    );
    other.push();
    // Sorted: comments posted in the same millisecond come in no set order.
    const texts = () =>
      c
        .getSnapshot()
        .board.cards[card]?.comments.map((m) => m.text)
        .sort();
    // The last post, untouched since, is undone; the replied one and the edited one are not:
    // undoing a post removes the comment outright, with the reply's thread or the other edit.
    // Each dropped step says who did what since: the replier by the name their reply carries,
    // the edit as this person's own from another tab.
    expect(c.undo()).toEqual({ command: 'addComment', applied: true });
    const onReplied = c.undo();
    expect(onReplied).toEqual({
      command: 'addComment',
      applied: false,
      kept: [{ cardId: card, key: 'comment', by: 'Bo' }],
    });
    const onEdited = c.undo();
    expect(onEdited).toEqual({
      command: 'addComment',
      applied: false,
      kept: [
        { cardId: card, key: 'text', by: 'Ana editor', self: true },
        { cardId: card, key: 'editedAt', by: 'Ana editor', self: true },
      ],
    });
    const board = c.getSnapshot().board;
    expect(undoAnnouncement('Undone', onReplied, board, board)).toBe(
      'Nothing undone: Bo has replied to your comment since you posted it. Delete it if it should go.',
    );
    expect(undoAnnouncement('Undone', onEdited, board, board)).toBe(
      'Nothing undone: you have changed your comment in another tab since you posted it. Delete it if it should go.',
    );
    expect(texts()).toEqual(['Ask the council for the audit', 'Page 12?', 'Yes, p. 12']);
    expect(c.getSnapshot().board.cards[card]?.comments.find((m) => m.id === kept)).toBeUndefined();
    // The Redo stack holds only the step that was undone.
    expect(c.redo()).toEqual({ command: 'addComment', applied: true });
    expect(c.getSnapshot().canRedo).toBe(false);
    expect(texts()).toContain('Typo, undo me');
  });

  it('redoes no further than the step a colleague has changed since', () => {
    const c = connect();
    const x = c.commands.addClaim({ claim: 'X' });
    const y = c.commands.addClaim({ claim: 'Y' });
    c.commands.moveCard(x, { column: 'disputed', index: 0 });
    c.commands.moveCard(y, { column: 'disputed', index: 0 });
    c.undo();
    c.undo();
    // The redo stack holds the move of X, then that of Y. Bo moves X after Ana undid her move
    // of it: redoing it would overwrite his, so it changes nothing, and Y's stays to redo.
    const other = colleague(c.doc);
    moveCard(
      other.doc,
      x,
      { column: 'corroborated', index: 0 },
      { actor: { id: 'bo', name: 'Bo' } },
    );
    other.push();
    expect(c.redo()).toEqual({
      command: 'moveCard',
      applied: false,
      kept: [{ cardId: x, key: 'pos', by: 'Bo' }],
    });
    expect(c.getSnapshot().board.cards[x]?.column).toBe('corroborated');
    expect(c.getSnapshot().board.cards[y]?.column).toBe('unverified');
    expect(c.getSnapshot().canRedo).toBe(true);
    expect(c.redo()).toEqual({ command: 'moveCard', applied: true });
    expect(c.getSnapshot().board.cards[y]?.column).toBe('disputed');
  });

  it("never undoes a colleague's change", () => {
    const c = connect();
    const other = colleague(c.doc);
    addClaim(other.doc, { claim: 'Theirs' }, { actor: { id: 'bo', name: 'Bo' } });
    other.push();
    expect(c.getSnapshot().canUndo).toBe(false);
    c.undo();
    expect(Object.keys(c.getSnapshot().board.cards)).toHaveLength(1);
  });

  it('brings a deleted card back with its comments', () => {
    const c = connect('lead');
    const id = c.commands.addClaim({ claim: 'Keep me' });
    c.commands.addComment(id, { text: 'Note' });
    c.commands.deleteCard(id);
    expect(c.getSnapshot().board.cards[id]).toBeUndefined();
    expect(c.getSnapshot().canUndo).toBe(true);
    c.undo();
    const card = c.getSnapshot().board.cards[id];
    expect(card?.claim).toBe('Keep me');
    expect(card?.comments.map((m) => m.text)).toEqual(['Note']);
  });
});

describe('BoardConnection presence', () => {
  it('publishes the open card and the card in hand in awareness', () => {
    const c = connect();
    c.setOpenCard('card-1');
    c.setCarrying('card-2');
    expect(c.awareness.getLocalState()).toMatchObject({
      user: { id: 'invite-editor', name: 'Ana editor' },
      openCard: 'card-1',
      carrying: 'card-2',
    });
  });
});
