/**
 * A comment a lead redacts while this tab holds its words: the tab lets go of them (its Undo and
 * Redo steps on the comment, the deleted texts its doc kept for them, this device's records of
 * them in localStorage): its doc's state, which its device copy is rewritten with
 * (scrubDeviceCopy), holds none of them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, redactComment } from '../../shared/board';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import { storageLostEditStore } from '../../client/sync/lostEditStore';
import { storageOwnWriteStore } from '../../client/sync/ownWriteStore';
import { storageAckStore } from '../../client/sync/SaveTracker';
import { storageSetAsideStore } from '../../client/sync/setAsideStore';
import { memoryStorage } from '../helpers/memoryStorage';
import { offlineConnection } from '../helpers/offlineConnection';

const WORDS = 'Marisol Quintanilla-Ybarra';
const EDITED = 'Marisol Quintanilla-Ybarra, 555-0142';
const lea = { actor: { id: 'inv-lea', name: 'Lea' }, now: () => 1_000 };

const holds = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

const boardDoc = () => {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Board' }, lea);
  return doc;
};

const open: BoardConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
});

/** Ana's page (no network, no IndexedDB) with her records in a memory localStorage. */
function anasPage(storage: Storage, doc = boardDoc()): BoardConnection {
  const c = offlineConnection({
    role: 'editor',
    actor: { id: 'inv-ana', name: 'Ana' },
    doc,
    ackStore: storageAckStore(storage, 'acked'),
    ownWriteStore: storageOwnWriteStore(storage, 'own'),
    setAsideStore: storageSetAsideStore(storage, 'aside'),
    lostEditStore: storageLostEditStore(storage, 'lost'),
  });
  open.push(c);
  return c;
}

/** The lead's copy of the board, whose redaction reaches Ana's as the server's update would. */
function leadRedacts(ours: Y.Doc, commentId: string): void {
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours));
  redactComment(theirs, commentId, lea);
  Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(ours)), 'remote');
}

describe('a redaction reaching an open tab', () => {
  it('drops its Undo and Redo steps on the comment, and the words its doc kept for them', async () => {
    const c = anasPage(memoryStorage().storage);
    const cardId = c.commands.addClaim({ claim: 'Rents doubled' });
    const commentId = c.commands.addComment(cardId, { text: WORDS });
    c.commands.editComment(commentId, EDITED);
    c.commands.editComment(commentId, `${EDITED} (mobile)`);
    c.undo(); // the second edit, now a Redo step
    // The edit's Undo keeps the first text whole in the doc.
    expect(holds(Y.encodeStateAsUpdate(c.doc), WORDS)).toBe(true);

    leadRedacts(c.doc, commentId);
    await Promise.resolve(); // the scrub runs just after the transaction

    expect(holds(Y.encodeStateAsUpdate(c.doc), WORDS)).toBe(false);
    // The steps are empty now, and an Undo there still says why it did nothing.
    const steps = [...c.undoManager.undoStack, ...c.undoManager.redoStack];
    const sizes = steps.map((s) => s.deletions.clients.size + s.insertions.clients.size);
    expect(sizes).toEqual([1, 0, 0, 0]); // addClaim's, then the comment's three
    expect(c.redo()).toEqual({ command: 'editComment', applied: false, redacted: true });
    expect(c.undo()).toEqual({ command: 'editComment', applied: false, redacted: true });
    expect(c.undo()).toEqual({ command: 'addComment', applied: false, redacted: true });
    expect(c.undo()).toEqual({ command: 'addClaim', applied: true });
  });

  it.each(['live', 'found as the board loads'])(
    'forgets the comment in the device’s records in localStorage (%s)',
    async (when) => {
      // Ana's first page: her comment, edited (the edit is in her own writes' record).
      const { storage, items } = memoryStorage();
      const first = anasPage(storage);
      const cardId = first.commands.addClaim({ claim: 'Rents doubled' });
      const commentId = first.commands.addComment(cardId, { text: WORDS });
      first.commands.editComment(commentId, EDITED);
      const board = first.doc;
      first.destroy();
      // Records that quote its words, as a refusal and a lost edit leave them.
      const edit = { key: `comment:${commentId}:text`, what: 'Edited your comment', text: EDITED };
      const kept = { key: `card:${cardId}`, what: 'Added a claim', text: 'Rents doubled' };
      storage.setItem('aside', JSON.stringify([edit, kept]));
      const notice = {
        ...{ cardId, evidenceId: null, field: 'commentEdit', commentId },
        ...{ mine: EDITED, theirs: null, byClient: 7, by: null },
      };
      storage.setItem('lost', JSON.stringify([notice]));
      expect([...items.values()].some((v) => v.includes('Quintanilla'))).toBe(true);

      // The page that opens next gets the board as it loads (from the device or the server).
      if (when !== 'live') leadRedacts(board, commentId);
      const c = anasPage(storage, new Y.Doc());
      expect(c.getSnapshot().setAside).toHaveLength(2);
      Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(board), 'remote');
      if (when === 'live') leadRedacts(c.doc, commentId);
      await Promise.resolve();

      for (const [key, value] of items) {
        expect([key, value.includes('Quintanilla')]).toEqual([key, false]);
      }
      expect(JSON.parse(storage.getItem('aside')!)).toEqual([kept]);
      expect(c.getSnapshot().setAside).toEqual([kept]);
      expect(c.getSnapshot().lostEdits).toEqual([]);
    },
  );
});
