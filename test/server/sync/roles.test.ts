/**
 * Write policy per role (DESIGN §4, issue 2 item 6, issue 4 item 6), tested with raw
 * y-protocols clients that send whatever they like, not only what the UI would.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  deleteCard,
  deleteComment,
  editCard,
  editComment,
  moveCard,
  readBoard,
  resolveThread,
  setBoardMeta,
} from '../../../shared/board';
import { commentsMap, cardsMap } from '../../../shared/board/schema';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import type { Role } from '../../../shared/roles';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { connectRaw, type RawClient } from '../../helpers/rawClient';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const editorActor = { actor: { id: 'editor-1', name: 'Edie' } };

/** The update that `fn` makes on a copy of what the raw client has seen. */
function updateFrom(raw: RawClient, fn: (doc: Y.Doc) => void): Uint8Array {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror));
  const updates: Uint8Array[] = [];
  local.on('update', (u: Uint8Array) => updates.push(u));
  fn(local);
  return Y.mergeUpdates(updates);
}

describe('write policy per role, against raw clients', () => {
  let server: SyncTestServer;
  let boardId: string;
  let cardId: string;
  let editorComment: string;
  let observer: TestClient;
  const raws: RawClient[] = [];

  beforeEach(async () => {
    server = await startSyncTestServer();
    boardId = await server.createBoard();
    const editor = await server.invite(boardId, 'editor', 'Edie');
    observer = connectProvider(server.syncUrl, boardId, editor.token);
    await observer.synced();
    const ctx = { actor: { id: editor.inviteId, name: 'Edie' } };
    cardId = addClaim(observer.doc, { claim: 'The bridge cost 2 billion' }, ctx);
    addEvidence(observer.doc, cardId, { url: 'https://example.org', stance: 'supports' }, ctx);
    editorComment = addComment(observer.doc, cardId, { text: 'Check the budget' }, ctx);
    await observer.allSaved();
  });
  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    observer.destroy();
    await server.close();
  });

  async function member(role: Role, name: string = role) {
    const invite = await server.invite(boardId, role, name);
    const raw = connectRaw(server.syncUrl, boardId, invite.token);
    raws.push(raw);
    await raw.sync();
    return { raw, ctx: { actor: { id: invite.inviteId, name } } };
  }

  const serverState = () => server.sync.read(boardId, (doc) => Y.encodeStateAsUpdate(doc));

  /** Sends the change; expects 4403, no stored change, and nothing at the other client. */
  async function expectRefused(role: Role, change: (doc: Y.Doc, ctx: typeof editorActor) => void) {
    const { raw, ctx } = await member(role);
    const before = await serverState();
    raw.sendUpdate(updateFrom(raw, (doc) => change(doc, ctx)));
    expect((await raw.closedWithin()).code).toBe(CLOSE.forbidden);
    expect(await serverState()).toEqual(before);
    // A marker written after the attempt reaches the observer: the attempt never did.
    const marker = await server.sync.change(boardId, editorActor.actor, (doc) =>
      addClaim(doc, { claim: 'marker' }, editorActor),
    );
    await waitFor(() => readBoard(observer.doc).cards[marker]);
    expect(Y.encodeStateVector(observer.doc)).toEqual(
      await server.sync.read(boardId, (doc) => Y.encodeStateVector(doc)),
    );
  }

  it('a viewer keeps its connection: its sync step 1 is answered, empty and redundant replies are not writes', async () => {
    const { raw } = await member('viewer');
    expect(readBoard(raw.mirror).cards[cardId]?.claim).toBe('The bridge cost 2 billion');
    const serverSv = raw.step1s.at(-1);
    expect(serverSv).toBeDefined();
    raw.sendStep2(Y.encodeStateAsUpdate(raw.mirror, Y.encodeStateVector(raw.mirror)));
    raw.sendStep2(Y.encodeStateAsUpdate(raw.mirror));
    raw.sendUpdate(Y.encodeStateAsUpdate(raw.mirror));
    await raw.sync();
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  });

  describe('viewer', () => {
    it('cannot add a card', () =>
      expectRefused('viewer', (doc, ctx) => addClaim(doc, { claim: 'sneaky' }, ctx)));
    it('cannot move a card', () =>
      expectRefused('viewer', (doc, ctx) =>
        moveCard(doc, cardId, { column: 'disputed', index: 0 }, ctx),
      ));
    it('cannot comment', () =>
      expectRefused('viewer', (doc, ctx) => addComment(doc, cardId, { text: 'hi' }, ctx)));
    it('cannot delete anything', () =>
      expectRefused('viewer', (doc, ctx) => deleteCard(doc, cardId, ctx)));
  });

  describe('reviewer', () => {
    it('cannot move, edit or delete cards, add evidence or change the board', async () => {
      await expectRefused('reviewer', (doc, ctx) =>
        moveCard(doc, cardId, { column: 'corroborated', index: 0 }, ctx),
      );
      await expectRefused('reviewer', (doc, ctx) => editCard(doc, cardId, { claim: 'x' }, ctx));
      await expectRefused('reviewer', (doc, ctx) => deleteCard(doc, cardId, ctx));
      await expectRefused('reviewer', (doc, ctx) =>
        addEvidence(doc, cardId, { url: 'https://x.org', stance: 'refutes' }, ctx),
      );
      await expectRefused('reviewer', (doc, ctx) => addClaim(doc, { claim: 'new' }, ctx));
      await expectRefused('reviewer', (doc, ctx) => setBoardMeta(doc, { title: 'Mine' }, ctx));
      await expectRefused('reviewer', (doc) => doc.getMap('elsewhere').set('x', 1));
    });

    it('cannot edit, delete or take over other people’s comments', async () => {
      const other = (doc: Y.Doc) => commentsMap(doc).get(editorComment) as Y.Map<unknown>;
      await expectRefused('reviewer', (doc) => other(doc).set('text', 'rewritten'));
      await expectRefused('reviewer', (doc) => other(doc).set('deletedAt', 1));
      await expectRefused('reviewer', (doc) => other(doc).set('author', { id: 'x', name: 'x' }));
      await expectRefused('reviewer', (doc) => commentsMap(doc).delete(editorComment));
      await expectRefused('reviewer', (doc) => {
        const replacement = new Y.Map<unknown>();
        replacement.set('author', { id: 'me', name: 'me' });
        commentsMap(doc).set(editorComment, replacement);
      });
    });

    it('cannot hide a card change at the end of a long chain of items (2,000 deep)', () =>
      expectRefused('reviewer', (doc) => {
        const evidence = cardsMap(doc).get(cardId)?.get('evidence') as Y.Array<Y.Map<unknown>>;
        // Each item from its own client id, each next to the previous one: Yjs lists clients
        // in descending order, so the last item is read first and its place is 2,000 hops away.
        for (let i = 1; i <= 2_000; i++) {
          doc.clientID = 1_000_000 + i;
          doc.transact(() => evidence.push([new Y.Map()]));
        }
      }));

    it('may change a thread’s resolution twice in one update', async () => {
      const { raw, ctx } = await member('reviewer');
      raw.sendUpdate(
        updateFrom(raw, (doc) =>
          doc.transact(() => {
            resolveThread(doc, editorComment, true, ctx);
            resolveThread(doc, editorComment, false, ctx);
            resolveThread(doc, editorComment, true, ctx);
          }),
        ),
      );
      await waitFor(
        () =>
          readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === editorComment)
            ?.resolved === true,
      );
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('cannot post a comment in someone else’s name, or nest data in comments', async () => {
      await expectRefused('reviewer', (doc) =>
        addComment(doc, cardId, { text: 'as Edie' }, editorActor),
      );
      await expectRefused('reviewer', (doc, ctx) => {
        const id = addComment(doc, cardId, { text: 'mine' }, ctx);
        (commentsMap(doc).get(id) as Y.Map<unknown>).set('extra', new Y.Map());
      });
    });

    it('can post, edit and delete own comments and resolve or reopen any thread', async () => {
      const { raw, ctx } = await member('reviewer', 'Rita');
      let mine = '';
      raw.sendUpdate(
        updateFrom(raw, (doc) => (mine = addComment(doc, cardId, { text: 'Source?' }, ctx))),
      );
      await waitFor(() =>
        readBoard(observer.doc).cards[cardId]?.comments.some((c) => c.id === mine),
      );
      await waitFor(() => raw.saved.length > 0);
      await raw.sync();
      raw.sendUpdate(updateFrom(raw, (doc) => editComment(doc, mine, 'Source, please?', ctx)));
      raw.sendUpdate(updateFrom(raw, (doc) => resolveThread(doc, editorComment, true, ctx)));
      await waitFor(() => {
        const comments = readBoard(observer.doc).cards[cardId]?.comments ?? [];
        return (
          comments.find((c) => c.id === mine)?.text === 'Source, please?' &&
          comments.find((c) => c.id === editorComment)?.resolved === true
        );
      });
      await raw.sync();
      raw.sendUpdate(updateFrom(raw, (doc) => resolveThread(doc, editorComment, false, ctx)));
      raw.sendUpdate(updateFrom(raw, (doc) => deleteComment(doc, mine, ctx)));
      await waitFor(() => {
        const comments = readBoard(observer.doc).cards[cardId]?.comments ?? [];
        return (
          comments.find((c) => c.id === mine)?.deletedAt !== null &&
          comments.find((c) => c.id === editorComment)?.resolved === false
        );
      });
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      expect(
        readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === mine)?.author,
      ).toEqual(ctx.actor);
    });
  });

  describe('editor and lead', () => {
    it('may change anything in the board layout, including others’ comments', async () => {
      const { raw, ctx } = await member('editor');
      raw.sendUpdate(
        updateFrom(raw, (doc) => {
          (commentsMap(doc).get(editorComment) as Y.Map<unknown>).set('text', 'edited by editor');
          moveCard(doc, cardId, { column: 'corroborated', index: 0 }, ctx);
        }),
      );
      await waitFor(() => readBoard(observer.doc).cards[cardId]?.column === 'corroborated');
      expect(cardsMap(observer.doc).size).toBe(1);
    });

    it('may not write top-level types outside the board layout', () =>
      expectRefused('editor', (doc) => doc.getArray('scratch').push([1])));
    it('a lead may not either', () =>
      expectRefused('lead', (doc) => doc.getText('notes').insert(0, 'x')));
  });
});
