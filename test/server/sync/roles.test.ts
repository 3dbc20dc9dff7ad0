/**
 * Write policy per role (DESIGN §4, issue 2 item 6, issue 4 item 6), tested with raw
 * y-protocols clients that send whatever they like, not only what the UI would.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addComment,
  addEvidence,
  CommandOrigin,
  DEFAULT_RATING_SCALE,
  deleteCard,
  deleteComment,
  editCard,
  editComment,
  moveCard,
  readBoard,
  readMeta,
  removeArticle,
  resolveThread,
  setBoardMeta,
  setRatingScale,
} from '../../../shared/board';
import {
  commentsMap,
  cardsMap,
  newCommentMap,
  newLabelMap,
  scaleMap,
} from '../../../shared/board/schema';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { everHad } from '../../../server/sync/everHad';
import type { Role } from '../../../shared/roles';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { connectRaw, type RawClient, updateFrom } from '../../helpers/rawClient';
import { rawMember } from '../../helpers/rawMember';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const editorActor = { actor: { id: 'editor-1', name: 'Edie' } };

/**
 * The same change with an empty delete set, as a hostile client may send it: Yjs still
 * deletes a map key's old value when it integrates the new one. The diff since the raw
 * client's state ends with the doc's whole delete set, which is what
 * encodeStateAsUpdate(doc, its own state vector) holds after its empty struct section.
 */
function updateWithoutDeletes(raw: RawClient, fn: (doc: Y.Doc) => void): Uint8Array {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror));
  const before = Y.encodeStateVector(local);
  fn(local);
  const update = Y.encodeStateAsUpdate(local, before);
  const deleteSet = Y.encodeStateAsUpdate(local, Y.encodeStateVector(local)).subarray(1);
  const structs = update.subarray(0, update.length - deleteSet.length);
  expect(update.subarray(structs.length)).toEqual(deleteSet);
  expect(Y.decodeUpdate(update).ds.clients.size).toBeGreaterThan(0);
  return Uint8Array.from([...structs, 0]);
}

/**
 * A doc of the raw client's board whose own changes the raw client sends, with an Undo of its
 * comments, as a browser's page has: what an honest client's Undo and Redo write.
 */
function commentingDoc(raw: RawClient): { local: Y.Doc; undo: Y.UndoManager } {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror));
  local.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'server') raw.sendUpdate(u);
  });
  const undo = new Y.UndoManager(commentsMap(local), {
    trackedOrigins: new Set([CommandOrigin]),
    captureTimeout: 0,
  });
  return { local, undo };
}

describe('write policy per role, against raw clients', () => {
  let server: SyncTestServer;
  let boardId: string;
  let cardId: string;
  let editorComment: string;
  let observer: TestClient;
  /** The observer's own actor: the editor's invite. */
  let observerCtx: typeof editorActor;
  const raws: RawClient[] = [];

  beforeEach(async () => {
    server = await startSyncTestServer();
    boardId = await server.createBoard();
    const editor = await server.invite(boardId, 'editor', 'Edie');
    observer = connectProvider(server.syncUrl, boardId, editor.token);
    await observer.synced();
    const ctx = { actor: { id: editor.inviteId, name: 'Edie' } };
    observerCtx = ctx;
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
    const { raw, as, token } = await rawMember(server, boardId, role, name, raws);
    return { raw, ctx: as, token };
  }

  const serverState = () => server.sync.read(boardId, (doc) => Y.encodeStateAsUpdate(doc));

  /** An imported article with one untouched card of its own, as the server's import leaves it. */
  async function withArticle(): Promise<{ articleId: string; articleCard: string }> {
    const text = 'The bridge cost 2 billion. It opened in 2020.';
    // As an import writes them: the article and its card at one time (articleRemoval).
    const at = Date.now();
    const importer = { ...observerCtx, now: () => at };
    const { articleId, articleCard } = await server.sync.change(
      boardId,
      observerCtx.actor,
      (doc) => {
        const id = addArticle(doc, { title: 'Bridge', text }, importer);
        const source = { articleId: id, start: 0, end: 26, sentence: text.slice(0, 26) };
        return {
          articleId: id,
          articleCard: addClaim(doc, { claim: 'Bridge: 2 billion', source }, importer),
        };
      },
    );
    await waitFor(() => readBoard(observer.doc).cards[articleCard]);
    return { articleId, articleCard };
  }

  /** Sends the change; expects 4403, no stored change, and nothing at the other client. */
  async function expectRefused(
    role: Role,
    change: (doc: Y.Doc, ctx: typeof editorActor) => void,
    encode = updateFrom,
  ) {
    const { raw, ctx } = await member(role);
    const before = await serverState();
    raw.sendUpdate(encode(raw, (doc) => change(doc, ctx)));
    const closed = await raw.closedWithin();
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(await serverState()).toEqual(before);
    // A marker written after the attempt reaches the observer: the attempt never did.
    const marker = await server.sync.change(boardId, editorActor.actor, (doc) =>
      addClaim(doc, { claim: 'marker' }, editorActor),
    );
    await waitFor(() => readBoard(observer.doc).cards[marker]);
    expect(Y.encodeStateVector(observer.doc)).toEqual(
      await server.sync.read(boardId, (doc) => Y.encodeStateVector(doc)),
    );
    return closed.reason;
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

    it('cannot remove an article or its cards (removeArticle), nor can a viewer', async () => {
      const { articleId, articleCard } = await withArticle();
      await expectRefused('reviewer', (doc, ctx) => removeArticle(doc, articleId, ctx));
      await expectRefused('viewer', (doc, ctx) => removeArticle(doc, articleId, ctx));
      const board = readBoard(observer.doc);
      expect(board.articles.map((a) => a.id)).toEqual([articleId]);
      expect(board.cards[articleCard]).toBeDefined();
    });

    it('cannot set a card’s published fact-check or speaker type, raw or by command', async () => {
      const card = (doc: Y.Doc) => cardsMap(doc).get(cardId) as Y.Map<unknown>;
      await expectRefused('reviewer', (doc) =>
        card(doc).set('reviewUrl', 'https://factdesk.example/checks/bridge'),
      );
      await expectRefused('reviewer', (doc) => card(doc).set('speakerType', 'person'));
      await expectRefused('reviewer', (doc, ctx) =>
        editCard(doc, cardId, { reviewUrl: 'https://factdesk.example/checks/bridge' }, ctx),
      );
      await expectRefused('viewer', (doc, ctx) =>
        editCard(doc, cardId, { speakerType: 'organization' }, ctx),
      );
      expect(readBoard(observer.doc).cards[cardId]).toMatchObject({
        reviewUrl: null,
        speakerType: null,
      });
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

    it('cannot replace a colleague’s comment under its id, even with the delete left out', async () => {
      const replace = (doc: Y.Doc, ctx: typeof editorActor) => {
        const replacement = new Y.Map<unknown>();
        replacement.set('author', ctx.actor);
        replacement.set('text', 'ignore this');
        commentsMap(doc).set(editorComment, replacement);
      };
      await expectRefused('reviewer', replace, updateWithoutDeletes);
      await expectRefused('editor', replace, updateWithoutDeletes);
      await expectRefused('lead', replace, updateWithoutDeletes);
      expect(
        readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === editorComment)?.text,
      ).toBe('Check the budget');
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

    it('cannot sign a comment or a resolution with a colleague’s name under its own invite', async () => {
      // The invite's id is the reviewer's own; only the name is the editor's.
      const asEdie = (ctx: typeof editorActor) => ({ actor: { id: ctx.actor.id, name: 'Edie' } });
      await expectRefused('reviewer', (doc, ctx) =>
        addComment(doc, cardId, { text: 'Approved for publication' }, asEdie(ctx)),
      );
      await expectRefused('reviewer', (doc, ctx) =>
        resolveThread(doc, editorComment, true, asEdie(ctx)),
      );
      await expectRefused('reviewer', (doc) =>
        resolveThread(doc, editorComment, true, editorActor),
      );
      // Flipping `resolved` alone would show the last resolver's name.
      await expectRefused('reviewer', (doc) =>
        (commentsMap(doc).get(editorComment) as Y.Map<unknown>).set('resolved', true),
      );
      // A brand-new comment that arrives already resolved by the editor.
      await expectRefused('reviewer', (doc, ctx) => {
        const id = addComment(doc, cardId, { text: 'done' }, ctx);
        const comment = commentsMap(doc).get(id) as Y.Map<unknown>;
        comment.set('resolved', true);
        comment.set('resolvedBy', editorActor.actor);
      });
    });

    it('cannot reply to a thread of another card, or to a reply', async () => {
      const other = await server.sync.change(boardId, editorActor.actor, (doc) =>
        addClaim(doc, { claim: 'Another claim' }, editorActor),
      );
      const reply = await server.sync.change(boardId, editorActor.actor, (doc) =>
        addComment(doc, cardId, { text: 'a reply', parentId: editorComment }, editorActor),
      );
      const replyTo = (doc: Y.Doc, ctx: typeof editorActor, card: string, parentId: string) => {
        const id = addComment(doc, cardId, { text: 'hm' }, ctx);
        const comment = commentsMap(doc).get(id) as Y.Map<unknown>;
        comment.set('cardId', card);
        comment.set('parentId', parentId);
      };
      await expectRefused('reviewer', (doc, ctx) => replyTo(doc, ctx, other, editorComment));
      await expectRefused('reviewer', (doc, ctx) => replyTo(doc, ctx, cardId, reply));
      // A thread and a reply to it on another card, in one update (as an offline client sends).
      await expectRefused('reviewer', (doc, ctx) => {
        const thread = addComment(doc, cardId, { text: 'a thread' }, ctx);
        replyTo(doc, ctx, other, thread);
      });
    });

    it('cannot reply to a thread the board never had, or to a reply posted with it', async () => {
      const reply = (doc: Y.Doc, ctx: typeof editorActor, parentId: string) => {
        const id = addComment(doc, cardId, { text: 'hm' }, ctx);
        (commentsMap(doc).get(id) as Y.Map<unknown>).set('parentId', parentId);
        return id;
      };
      await expectRefused('reviewer', (doc, ctx) => reply(doc, ctx, 'nosuchthread'));
      // Its own thread.
      await expectRefused('reviewer', (doc, ctx) => {
        const id = addComment(doc, cardId, { text: 'hm' }, ctx);
        (commentsMap(doc).get(id) as Y.Map<unknown>).set('parentId', id);
      });
      // A thread, a reply to it and a reply to that reply, in one update (as offline).
      await expectRefused('reviewer', (doc, ctx) => {
        const thread = addComment(doc, cardId, { text: 'a thread' }, ctx);
        reply(doc, ctx, reply(doc, ctx, thread));
      });
    });

    it('cannot bring a thread back on another card than the reply it had meanwhile', async () => {
      const other = await server.sync.change(boardId, editorActor.actor, (doc) =>
        addClaim(doc, { claim: 'Another claim' }, editorActor),
      );
      const { raw, ctx, token } = await member('reviewer', 'Rita');
      const { local, undo } = commentingDoc(raw);
      const comments = () => readBoard(observer.doc).cards[cardId]?.comments ?? [];
      const thread = addComment(local, cardId, { text: 'Is 2 billion nominal?' }, ctx);
      await waitFor(() => comments().some((c) => c.id === thread));
      undo.undo();
      await waitFor(() => !comments().some((c) => c.id === thread));
      // A reply that crossed the Undo is taken: the thread was on the board.
      await raw.sync();
      let reply = '';
      raw.sendUpdate(
        updateFrom(raw, (doc) => {
          reply = addComment(doc, cardId, { text: 'Yes, 2019 prices' }, ctx);
          (commentsMap(doc).get(reply) as Y.Map<unknown>).set('parentId', thread);
        }),
      );
      // Its thread is not on the board: it reads as a thread of its own meanwhile.
      await waitFor(() => comments().some((c) => c.id === reply));
      // The thread's id, posted again on another card, would take the reply with it.
      const hostile = connectRaw(server.syncUrl, boardId, token);
      raws.push(hostile);
      await hostile.sync();
      const before = await serverState();
      hostile.sendUpdate(
        updateFrom(hostile, (doc) =>
          commentsMap(doc).set(
            thread,
            newCommentMap({
              id: thread,
              cardId: other,
              parentId: null,
              text: 'Elsewhere',
              author: ctx.actor,
              createdAt: Date.now(),
              editedAt: null,
              deletedAt: null,
              resolved: false,
              resolvedBy: null,
            }),
          ),
        ),
      );
      expect((await hostile.closedWithin()).code).toBe(CLOSE.forbidden);
      expect(await serverState()).toEqual(before);
      // Redo brings it back on its own card, the reply under it.
      await raw.sync();
      Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror), 'server');
      undo.redo();
      await waitFor(() => comments().find((c) => c.id === reply)?.parentId === thread);
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('cannot post a comment deleted with its text, though one posted and deleted offline is taken', async () => {
      await expectRefused('reviewer', (doc, ctx) => {
        const id = addComment(doc, cardId, { text: 'Secret text' }, ctx);
        (commentsMap(doc).get(id) as Y.Map<unknown>).set('deletedAt', Date.now());
      });
      const { raw, ctx } = await member('reviewer', 'Rita');
      let mine = '';
      // Posted, edited and deleted offline, sent as one update: a merge, which carries the
      // texts it replaced along with their deletion.
      raw.sendUpdate(
        updateFrom(raw, (doc) => {
          mine = addComment(doc, cardId, { text: 'Source?' }, ctx);
          editComment(doc, mine, 'Source, please?', ctx);
          deleteComment(doc, mine, ctx);
        }),
      );
      await waitFor(() =>
        readBoard(observer.doc).cards[cardId]?.comments.some((c) => c.id === mine),
      );
      expect(
        readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === mine),
      ).toMatchObject({ text: '', deletedAt: expect.any(Number) });
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    /** Rita, a reviewer on a raw client, and a comment of hers on the card, stored. */
    async function ritasStoredComment(text: string) {
      const { raw, ctx } = await member('reviewer', 'Rita');
      let mine = '';
      raw.sendUpdate(updateFrom(raw, (doc) => (mine = addComment(doc, cardId, { text }, ctx))));
      await waitFor(() => raw.saved.length > 0);
      await raw.sync();
      return { raw, ctx, mine };
    }

    it('cannot post or edit a comment to text that shows nothing, as addComment and editComment cannot', async () => {
      /** Rita posts a comment, then edits it to `text`: the reason the edit is refused. */
      const editTo = async (text: string) => {
        const { raw, mine } = await ritasStoredComment('Source?');
        raw.sendUpdate(
          updateFrom(raw, (doc) => {
            const comment = commentsMap(doc).get(mine) as Y.Map<unknown>;
            comment.set('text', text);
            comment.set('editedAt', Date.now());
          }),
        );
        const closed = await raw.closedWithin();
        expect(closed.code).toBe(CLOSE.forbidden);
        const stored = await server.sync.read(boardId, (doc) => readBoard(doc));
        expect(stored.cards[cardId]?.comments.find((c) => c.id === mine)?.text).toBe('Source?');
        return closed.reason;
      };
      const NOTHING = /does not fit the board’s text|shows some text unless it is deleted/;
      for (const text of ['   ', '\u200b\u200c\ufeff', '\n\u2800', '']) {
        // What addComment writes, with the text the command would refuse.
        const posted = await expectRefused('reviewer', (doc, ctx) => {
          const id = addComment(doc, cardId, { text: 'placeholder' }, ctx);
          (commentsMap(doc).get(id) as Y.Map<unknown>).set('text', text);
        });
        expect(posted).toMatch(NOTHING);
        expect(await editTo(text)).toMatch(NOTHING);
      }
      // A deletion still clears it, and words with invisible characters among them are taken.
      const { raw, ctx, mine } = await ritasStoredComment('ok');
      raw.sendUpdate(updateFrom(raw, (doc) => editComment(doc, mine, 'Source?\u200b', ctx)));
      raw.sendUpdate(updateFrom(raw, (doc) => deleteComment(doc, mine, ctx)));
      await waitFor(
        () =>
          readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === mine)?.deletedAt !=
          null,
      );
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('cannot post a comment with a field the layout does not have', () =>
      expectRefused('reviewer', (doc, ctx) => {
        const id = addComment(doc, cardId, { text: 'Pin this' }, ctx);
        (commentsMap(doc).get(id) as Y.Map<unknown>).set('pinned', true);
      }));

    it('cannot post a comment without its card, its thread or its time', async () => {
      // What addComment writes, each time but for one field.
      const postWithout = (doc: Y.Doc, ctx: typeof editorActor, left: string) => {
        const id = 'c-without-' + left;
        const fields = {
          id,
          cardId,
          parentId: null,
          text: 'Hanging on nothing',
          author: ctx.actor,
          createdAt: Date.now(),
          editedAt: null,
          deletedAt: null,
          resolved: false,
          resolvedBy: null,
        };
        const entries = Object.entries(fields).filter(([key]) => key !== left);
        commentsMap(doc).set(id, new Y.Map<unknown>(entries));
      };
      for (const left of ['cardId', 'createdAt', 'parentId', 'id']) {
        await expectRefused('reviewer', (doc, ctx) => postWithout(doc, ctx, left));
      }
    });

    it('may post and Undo a comment offline, and Redo it once back', async () => {
      const { raw, ctx } = await member('reviewer', 'Rita');
      const ids = (doc: Y.Doc) => readBoard(doc).cards[cardId]?.comments.map((c) => c.id);
      /** A page, offline, that posts a comment and undoes it. */
      const postedAndUndone = () => {
        const local = new Y.Doc();
        Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror));
        const undo = new Y.UndoManager(commentsMap(local), {
          trackedOrigins: new Set([CommandOrigin]),
          captureTimeout: 0,
        });
        const id = addComment(local, cardId, { text: 'Is 2 billion nominal?' }, ctx);
        undo.undo();
        return { local, undo, id };
      };
      /**
       * On reconnecting the page sends all it has that the server lacks, as one update: the
       * comment's map and fields, and their deletion. Taken: the board has its id, unshown.
       */
      const sendsOnReconnecting = async (local: Y.Doc, id: string) => {
        raw.sendUpdate(Y.encodeStateAsUpdate(local, Y.encodeStateVector(raw.mirror)));
        await waitFor(() => server.sync.read(boardId, (doc) => everHad(commentsMap(doc), id)));
        expect(raw.ws.readyState).toBe(raw.ws.OPEN);
        expect(await server.sync.read(boardId, ids)).toEqual([editorComment]);
        await raw.sync();
      };
      // A page reloaded meanwhile has its copy from storage, the comment's content dropped.
      const reloaded = postedAndUndone();
      const fromStorage = new Y.Doc();
      Y.applyUpdate(fromStorage, Y.encodeStateAsUpdate(reloaded.local));
      await sendsOnReconnecting(fromStorage, reloaded.id);
      // One still open keeps it, for its Redo.
      const { local, undo, id } = postedAndUndone();
      await sendsOnReconnecting(local, id);
      const sent = Y.encodeStateVector(local);
      undo.redo();
      raw.sendUpdate(Y.encodeStateAsUpdate(local, sent));
      await waitFor(
        () =>
          readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === id)?.text ===
          'Is 2 billion nominal?',
      );
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('may Redo its comment though another tab’s edit crossed the Undo, which leaves its text out', async () => {
      const { raw, ctx, token } = await member('reviewer', 'Rita');
      const { local, undo } = commentingDoc(raw);
      const mine = addComment(local, cardId, { text: 'Is 2 billion nominal?' }, ctx);
      await waitFor(() =>
        readBoard(observer.doc).cards[cardId]?.comments.some((c) => c.id === mine),
      );
      // The other tab edits the comment as this one takes it back: neither saw the other.
      const other = connectRaw(server.syncUrl, boardId, token);
      raws.push(other);
      await other.sync();
      const edit = updateFrom(other, (doc) => editComment(doc, mine, 'Nominal or real?', ctx));
      other.sendUpdate(edit);
      await waitFor(() => other.saved.length > 0);
      undo.undo();
      // The edit reaches this page after its Undo, as the server relays it.
      Y.applyUpdate(local, edit, 'server');
      await waitFor(
        () => !readBoard(observer.doc).cards[cardId]?.comments.some((c) => c.id === mine),
      );
      const sent = Y.encodeStateVector(local);
      undo.redo();
      const redo = Y.decodeUpdate(Y.encodeStateAsUpdate(local, sent));
      expect(redo.structs.some((s) => s instanceof Y.Item && s.parentSub === 'text')).toBe(false);
      await waitFor(() =>
        readBoard(observer.doc).cards[cardId]?.comments.some((c) => c.id === mine),
      );
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('may Undo and Redo its comment after a colleague resolved it', async () => {
      const { raw, ctx } = await member('reviewer', 'Rita');
      const { local, undo } = commentingDoc(raw);
      const mine = addComment(local, cardId, { text: 'Is 2 billion nominal?' }, ctx);
      await waitFor(() =>
        readBoard(observer.doc).cards[cardId]?.comments.some((c) => c.id === mine),
      );
      resolveThread(observer.doc, mine, true, observerCtx);
      await observer.allSaved();
      await raw.sync();
      Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror), 'server');
      undo.undo();
      await waitFor(
        () => !readBoard(observer.doc).cards[cardId]?.comments.some((c) => c.id === mine),
      );
      undo.redo();
      // The comment is back with the colleague's resolution, written by this client.
      await waitFor(
        () =>
          readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === mine)?.resolved ===
          true,
      );
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
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
    it('may change cards, the title and any thread’s resolution', async () => {
      const { raw, ctx } = await member('editor');
      raw.sendUpdate(
        updateFrom(raw, (doc) => {
          resolveThread(doc, editorComment, true, ctx);
          setBoardMeta(doc, { title: 'Bridge costs' }, ctx);
          moveCard(doc, cardId, { column: 'corroborated', index: 0 }, ctx);
        }),
      );
      await waitFor(() => readBoard(observer.doc).cards[cardId]?.column === 'corroborated');
      expect(readMeta(observer.doc).title).toBe('Bridge costs');
      expect(
        readBoard(observer.doc).cards[cardId]?.comments.find((c) => c.id === editorComment)
          ?.resolved,
      ).toBe(true);
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('may remove an article with its untouched cards', async () => {
      for (const role of ['editor', 'lead'] as const) {
        const { articleId, articleCard } = await withArticle();
        const { raw, ctx } = await member(role);
        raw.sendUpdate(updateFrom(raw, (doc) => removeArticle(doc, articleId, ctx)));
        await waitFor(() => readBoard(observer.doc).articles.length === 0);
        expect(readBoard(observer.doc).cards[articleCard]).toBeUndefined();
        expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      }
    });

    it('may set and clear a card’s published fact-check and speaker type', async () => {
      for (const role of ['editor', 'lead'] as const) {
        const { raw, ctx } = await member(role);
        const url = `https://factdesk.example/checks/bridge-${role}`;
        raw.sendUpdate(
          updateFrom(raw, (doc) =>
            editCard(doc, cardId, { reviewUrl: url, speakerType: 'organization' }, ctx),
          ),
        );
        await waitFor(() => readBoard(observer.doc).cards[cardId]?.reviewUrl === url);
        expect(readBoard(observer.doc).cards[cardId]?.speakerType).toBe('organization');
        await raw.sync();
        raw.sendUpdate(
          updateFrom(raw, (doc) =>
            editCard(doc, cardId, { reviewUrl: null, speakerType: null }, ctx),
          ),
        );
        await waitFor(() => readBoard(observer.doc).cards[cardId]?.reviewUrl === null);
        expect(readBoard(observer.doc).cards[cardId]?.speakerType).toBeNull();
        expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      }
    });

    it('may not edit, delete or post a comment in a colleague’s name', async () => {
      const other = (doc: Y.Doc) => commentsMap(doc).get(editorComment) as Y.Map<unknown>;
      for (const role of ['editor', 'lead'] as const) {
        await expectRefused(role, (doc) => other(doc).set('text', 'rewritten'));
        await expectRefused(role, (doc) => other(doc).set('deletedAt', 1));
        await expectRefused(role, (doc) => commentsMap(doc).delete(editorComment));
        await expectRefused(role, (doc) =>
          addComment(doc, cardId, { text: 'as Edie' }, editorActor),
        );
      }
    });

    it('an editor may not change the rating scale, the organisation or the schema version', async () => {
      const scale = readMeta(observer.doc).ratingScale;
      const renamed = {
        ...scale,
        labels: scale.labels.map((l, i) => (i === 0 ? { ...l, label: 'Renamed' } : l)),
      };
      await expectRefused('editor', (doc, ctx) => setRatingScale(doc, renamed, ctx));
      await expectRefused('editor', (doc, ctx) =>
        setBoardMeta(doc, { organisation: { name: 'Us', url: 'https://us.example' } }, ctx),
      );
      await expectRefused('editor', (doc) => doc.getMap('meta').set('schemaVersion', 99));
      // The lead may.
      const { raw, ctx } = await member('lead');
      raw.sendUpdate(updateFrom(raw, (doc) => setRatingScale(doc, renamed, ctx)));
      await waitFor(() => readMeta(observer.doc).ratingScale.labels[0]?.label === 'Renamed');
    });

    it('a lead may set the rating scale only to ClaimReview ratings: whole numbers, 1 or more', async () => {
      const scale = (doc: Y.Doc) => scaleMap(doc)!;
      const labels = (doc: Y.Doc) => scale(doc).get('labels') as Y.Map<Y.Map<unknown>>;
      const label = (doc: Y.Doc, name: string) =>
        [...labels(doc).values()].find((l) => l.get('label') === name)!;
      // What the dialog and setRatingScale refuse, written raw; each would have sent every
      // ClaimReview of the board out without its numbers.
      const cases: [string, (doc: Y.Doc) => void][] = [
        ['worst', (doc) => scale(doc).set('worst', 0)],
        ['best', (doc) => scale(doc).set('best', 5.5)],
        ['best', (doc) => scale(doc).set('best', '5')],
        ['value', (doc) => label(doc, 'Misleading').set('value', 2.5)],
        ['value', (doc) => label(doc, 'False').set('value', -1)],
        [
          'value',
          (doc) =>
            labels(doc).set(
              'l9x',
              newLabelMap({ label: 'Half true', column: 'disputed', value: 2.5 }, 7),
            ),
        ],
        ['column', (doc) => label(doc, 'False').set('column', 'trash')],
        ['label', (doc) => label(doc, 'False').set('label', ' \u200b ')],
        ['order', (doc) => label(doc, 'False').set('order', 0.5)],
        ['labels', (doc) => scale(doc).set('labels', 'none')],
      ];
      for (const [key, change] of cases) {
        expect(await expectRefused('lead', change)).toBe(
          `a value that does not fit the board’s ${key}`,
        );
      }
      // Nor by taking the scale away, which leaves readers version 1's whole-scale value, taken
      // from a lead as version 1 wrote it (any numbers).
      const v1 = { ...DEFAULT_RATING_SCALE, worst: 0 };
      expect(
        await expectRefused('lead', (doc) => {
          doc.getMap('meta').delete('scale');
          doc.getMap('meta').set('ratingScale', v1);
        }),
      ).toBe('the rating scale is changed, not removed');
      await expectRefused('lead', (doc) => doc.getMap('meta').delete('scale'));
      const before = readMeta(observer.doc).ratingScale;
      expect(before.worst).toBe(1);
      expect(before.labels.find((l) => l.label === 'Misleading')?.value).toBe(2);
      // A whole value and a new label, by the same lead's raw client, are taken.
      const { raw } = await member('lead', 'Lea');
      raw.sendUpdate(
        updateFrom(raw, (doc) => {
          label(doc, 'Misleading').set('value', 3);
          labels(doc).set(
            'l9x',
            newLabelMap({ label: 'Half true', column: 'disputed', value: 3 }, 7),
          );
        }),
      );
      await waitFor(() =>
        readMeta(observer.doc).ratingScale.labels.some((l) => l.label === 'Half true'),
      );
      expect(
        readMeta(observer.doc).ratingScale.labels.find((l) => l.label === 'Misleading')?.value,
      ).toBe(3);
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('a lead may not leave the rating scale a scale that does not hold together, each value fine', async () => {
      const scale = (doc: Y.Doc) => scaleMap(doc)!;
      const labels = (doc: Y.Doc) => scale(doc).get('labels') as Y.Map<Y.Map<unknown>>;
      const label = (doc: Y.Doc, name: string) =>
        [...labels(doc).values()].find((l) => l.get('label') === name)!;
      // Each value a whole number of 1 or more, a column, a name: only the scale whole is wrong,
      // and readers would show the default scale, or leave a label out.
      const cases: [string, (doc: Y.Doc) => void][] = [
        ['best is not above worst', (doc) => scale(doc).set('worst', 5)],
        [
          'best is not above worst',
          (doc) => {
            scale(doc).set('best', 1);
            scale(doc).set('worst', 5);
          },
        ],
        ['a label value is not between worst and best', (doc) => scale(doc).set('best', 4)],
        ['a label value is not between worst and best', (doc) => scale(doc).set('worst', 2)],
        [
          'a label value is not between worst and best',
          (doc) => label(doc, 'False').set('value', 6),
        ],
        ['a label is on it twice', (doc) => label(doc, 'False').set('label', 'Misleading')],
        [
          'a label is on it twice',
          (doc) =>
            labels(doc).set('l9x', newLabelMap({ label: 'True', column: 'disputed', value: 1 }, 9)),
        ],
        [
          'a Corroborated label is valued below a Disputed one',
          (doc) => label(doc, 'Mostly true').set('value', 2),
        ],
        [
          'a Corroborated label is valued below a Disputed one',
          (doc) => label(doc, 'False').set('column', 'corroborated'),
        ],
        ['it has no label', (doc) => labels(doc).clear()],
        [
          'a label value is not between worst and best',
          (doc) => {
            const entry = newLabelMap({ label: 'Half true', column: 'disputed', value: 2 }, 9);
            entry.delete('value');
            labels(doc).set('l9x', entry);
          },
        ],
      ];
      for (const [fault, change] of cases) {
        expect(await expectRefused('lead', change)).toBe(
          `the rating scale would not hold together: ${fault}`,
        );
      }
      expect(readMeta(observer.doc).ratingScale).toEqual(DEFAULT_RATING_SCALE);
      // A scale renumbered whole in one write (best 10, each value doubled) is taken, two labels
      // sharing a value as the default's do; the dialog saves every edit so.
      const { raw } = await member('lead', 'Lea');
      raw.sendUpdate(
        updateFrom(raw, (doc) => {
          scale(doc).set('best', 10);
          for (const entry of labels(doc).values()) {
            entry.set('value', (entry.get('value') as number) * 2);
          }
        }),
      );
      await waitFor(() => readMeta(observer.doc).ratingScale.best === 10);
      expect(readMeta(observer.doc).ratingScale.labels.map((l) => l.value)).toEqual([
        10, 8, 6, 6, 4, 4, 2,
      ]);
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });

    it('may not write values that do not fit the layout, whatever the role', async () => {
      const card = (doc: Y.Doc) => cardsMap(doc).get(cardId) as Y.Map<unknown>;
      await expectRefused('editor', (doc) => card(doc).set('claim', 12345));
      // A claim or title that shows nothing is as empty as "".
      await expectRefused('editor', (doc) => card(doc).set('claim', ' \u200b\u200d '));
      await expectRefused('editor', (doc) => doc.getMap('meta').set('title', '\u200b'));
      await expectRefused('editor', (doc) => card(doc).set('rationale', 'x'.repeat(10_001)));
      await expectRefused('editor', (doc) => card(doc).set('evidence', 'none'));
      // The published fact-check goes on a newsroom's page: http(s) only, like every link.
      await expectRefused('editor', (doc) => card(doc).set('reviewUrl', 'javascript:alert(1)'));
      await expectRefused('lead', (doc) => card(doc).set('reviewUrl', 'x'.repeat(3_000)));
      await expectRefused('editor', (doc) => card(doc).set('speakerType', 'robot'));
      await expectRefused('editor', (doc) => card(doc).set('pos', { column: 'trash', rank: 'a' }));
      await expectRefused('editor', (doc) => {
        const item = (card(doc).get('evidence') as Y.Array<Y.Map<unknown>>).get(0);
        item.set('url', 'javascript:alert(1)');
      });
      await expectRefused('editor', (doc) => cardsMap(doc).set('not-a-card', 'x' as never));
      await expectRefused('lead', (doc) =>
        doc.getMap('meta').set('organisation', { name: 'Us', url: 'javascript:alert(1)' }),
      );
      await expectRefused('reviewer', (doc, ctx) => {
        const id = addComment(doc, cardId, { text: 'dated far ahead' }, ctx);
        (commentsMap(doc).get(id) as Y.Map<unknown>).set('createdAt', 9e15);
      });
      expect(readBoard(observer.doc).cards[cardId]?.claim).toBe('The bridge cost 2 billion');
    });

    it('may not hide keys of their own inside a JSON value, at any depth', async () => {
      const { articleId, articleCard } = await withArticle();
      const card = (doc: Y.Doc, id = cardId) => cardsMap(doc).get(id) as Y.Map<unknown>;
      const source = readBoard(observer.doc).cards[articleCard]!.source!;
      const me = (ctx: typeof editorActor) => ({ ...ctx.actor, hidden: 'x' });
      // The value's keys inherited, not its own, beside two of its own: lib0 decodes a
      // "__proto__" key as the object's prototype, which a stored board, encoded again from the
      // value's own keys, loses (the card would have no place after a restart).
      const inherited = (value: object) =>
        JSON.parse(`{"__proto__":${JSON.stringify(value)},"a":1,"b":2}`) as object;
      const extraction = { score: 0.5, rank: 1, chips: [{ text: '2 billion', type: 'NUM' }] };
      const cases: [string, Role, (doc: Y.Doc, ctx: typeof editorActor) => void][] = [
        // 900 KB under a key of its own, which no reader or export shows.
        [
          'source',
          'editor',
          (doc) => card(doc, articleCard).set('source', { ...source, hidden: 'x'.repeat(900_000) }),
        ],
        ['pos', 'editor', (doc) => card(doc).set('pos', { column: 'disputed', rank: 'a5', x: 1 })],
        [
          'pos',
          'editor',
          (doc) => card(doc).set('pos', inherited({ column: 'disputed', rank: 'a5' })),
        ],
        ['extraction', 'editor', (doc) => card(doc).set('extraction', { ...extraction, x: 1 })],
        [
          'extraction',
          'editor',
          (doc) =>
            card(doc).set('extraction', { ...extraction, chips: [{ text: 'a', type: 'b', x: 1 }] }),
        ],
        ['assignee', 'editor', (doc, ctx) => card(doc).set('assignee', me(ctx))],
        [
          'updatedBy',
          'editor',
          (doc, ctx) => {
            card(doc).set('rationale', 'checked');
            card(doc).set('updatedBy', me(ctx));
            card(doc).set('updatedAt', Date.now());
          },
        ],
        [
          'updatedBy',
          'editor',
          // One transaction, so one update: updateFrom merges several, decoding and encoding
          // the value again, which would leave it only its own keys.
          (doc, ctx) =>
            doc.transact(() => {
              card(doc).set('rationale', 'checked');
              card(doc).set('updatedBy', inherited(ctx.actor));
              card(doc).set('updatedAt', Date.now());
            }),
        ],
        [
          'resolvedBy',
          'reviewer',
          (doc, ctx) => {
            const comment = commentsMap(doc).get(editorComment) as Y.Map<unknown>;
            comment.set('resolved', true);
            comment.set('resolvedBy', me(ctx));
          },
        ],
        [
          'author',
          'reviewer',
          (doc, ctx) => {
            const id = addComment(doc, cardId, { text: 'mine' }, ctx);
            (commentsMap(doc).get(id) as Y.Map<unknown>).set('author', me(ctx));
          },
        ],
        [
          'organisation',
          'lead',
          (doc) =>
            doc.getMap('meta').set('organisation', { name: 'Us', url: 'https://us.example', x: 1 }),
        ],
      ];
      for (const [key, role, change] of cases) {
        expect(await expectRefused(role, change)).toBe(
          `a value that does not fit the board’s ${key}`,
        );
      }
      // The same values without the extra key are taken.
      const { raw, ctx } = await member('editor', 'Eve');
      raw.sendUpdate(
        updateFrom(raw, (doc) => {
          card(doc).set('extraction', extraction);
          card(doc).set('assignee', ctx.actor);
          card(doc).set('pos', { column: 'disputed', rank: 'a5' });
        }),
      );
      await waitFor(() => readBoard(observer.doc).cards[cardId]?.column === 'disputed');
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      expect(readBoard(observer.doc).cards[articleCard]?.source?.articleId).toBe(articleId);
    });

    it('may not nest anything deeper than the layout, under any key', async () => {
      const card = (doc: Y.Doc) => cardsMap(doc).get(cardId) as Y.Map<unknown>;
      // A value 500 levels deep under a key the layout does not name.
      let deep: unknown = 'x';
      for (let i = 0; i < 500; i++) deep = { d: deep };
      await expectRefused('editor', (doc) => card(doc).set('notes', deep as object));
      await expectRefused('reviewer', (doc, ctx) => {
        const id = addComment(doc, cardId, { text: 'hm' }, ctx);
        (commentsMap(doc).get(id) as Y.Map<unknown>).set('meta', [[[[[[[[[['deep']]]]]]]]]]);
      });
      // Maps in maps below a card, deeper than an evidence item's fields.
      await expectRefused('editor', (doc) => {
        let map = card(doc);
        for (let i = 0; i < 4; i++) {
          const next = new Y.Map<unknown>();
          map.set('nest', next);
          map = next;
        }
      });
    });

    it('may not write top-level types outside the board layout', () =>
      expectRefused('editor', (doc) => doc.getArray('scratch').push([1])));
    it('a lead may not either', () =>
      expectRefused('lead', (doc) => doc.getText('notes').insert(0, 'x')));
  });
});
