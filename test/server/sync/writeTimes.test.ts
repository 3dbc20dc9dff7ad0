/**
 * The write policy on the times a write carries and the card a comment is on, against raw
 * y-protocols clients (QA: a reviewer backdated their comments, dated an edit in 2030 or edited
 * without "(edited)", an editor backdated evidence to 2019, and a comment on a card id the
 * board never had showed in Activity as "a card no longer on the board"). What the board's own
 * commands write, offline hours later or from a skewed clock, and what its Undo writes back,
 * still goes through.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  CommandOrigin,
  deleteCard,
  deleteComment,
  editCard,
  editComment,
  readBoard,
} from '../../../shared/board';
import type { Actor } from '../../../shared/board/actor';
import { cardsMap, commentsMap, newCommentMap, newEvidenceMap } from '../../../shared/board/schema';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import type { Role } from '../../../shared/roles';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { connectRaw, type RawClient, updateFrom } from '../../helpers/rawClient';
import { rawMember } from '../../helpers/rawMember';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const HOUR = 3_600_000;

describe('write policy on times and on the card a comment is on', () => {
  let server: SyncTestServer;
  let boardId: string;
  let cardId: string;
  let editor: TestClient;
  const raws: RawClient[] = [];

  beforeEach(async () => {
    server = await startSyncTestServer();
    boardId = await server.createBoard();
    const invite = await server.invite(boardId, 'editor', 'Edie');
    editor = connectProvider(server.syncUrl, boardId, invite.token);
    await editor.synced();
    cardId = addClaim(editor.doc, { claim: 'The bridge cost 2 billion' }, editor.as);
    await editor.allSaved();
  });
  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    editor.destroy();
    await server.close();
  });

  async function member(role: Role, name: string = role) {
    const { raw, as, token } = await rawMember(server, boardId, role, name, raws);
    return { raw, actor: as.actor, token };
  }

  /** Sends the change from a fresh member's raw client: the close code, or null if kept. */
  async function send(role: Role, change: (doc: Y.Doc, actor: Actor) => void) {
    const { raw, actor } = await member(role);
    raw.sendUpdate(updateFrom(raw, (doc) => change(doc, actor)));
    const closed = await raw.closedWithin(1000).catch(() => null);
    if (closed) return { code: closed.code, reason: closed.reason };
    await raw.sync();
    return null;
  }

  const refused = async (role: Role, change: (doc: Y.Doc, actor: Actor) => void) =>
    expect((await send(role, change))?.code).toBe(CLOSE.forbidden);
  const accepted = async (role: Role, change: (doc: Y.Doc, actor: Actor) => void) =>
    expect(await send(role, change)).toBeNull();

  const comment = (id: string, author: Actor, over: Partial<Record<string, unknown>> = {}) =>
    newCommentMap({
      id,
      cardId,
      parentId: null,
      text: 'A comment',
      author,
      createdAt: Date.now(),
      editedAt: null,
      deletedAt: null,
      resolved: false,
      resolvedBy: null,
      ...over,
    } as Parameters<typeof newCommentMap>[0]);
  const commentAt = (doc: Y.Doc, id: string) => commentsMap(doc).get(id) as Y.Map<unknown>;
  const cardAt = (doc: Y.Doc) => cardsMap(doc).get(cardId) as Y.Map<unknown>;

  describe('times', () => {
    it('refuses a new comment dated before the board existed, or an edit time in the future', async () => {
      await refused('reviewer', (doc, actor) =>
        commentsMap(doc).set(
          'backdated000001',
          comment('backdated000001', actor, { createdAt: Date.parse('2020-01-01') }),
        ),
      );
      await refused('reviewer', (doc, actor) =>
        commentsMap(doc).set(
          'future000000001',
          comment('future000000001', actor, { editedAt: Date.now() + 30 * 24 * HOUR }),
        ),
      );
      expect(commentsMap(editor.doc).size).toBe(0);
    });

    it('refuses an edit of one’s own comment that does not move its edit time on', async () => {
      const { raw, actor, token } = await member('reviewer', 'Rhea');
      const local = new Y.Doc();
      Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror));
      const id = addComment(local, cardId, { text: 'Original' }, { actor });
      raw.sendUpdate(Y.encodeStateAsUpdate(local, Y.encodeStateVector(raw.mirror)));
      await raw.sync();
      const createdAt = commentAt(local, id).get('createdAt') as number;
      /** Rhea's text change, with an edit time or none, on a socket of her own invite. */
      const edit = async (editedAt?: number) => {
        const again = connectRaw(server.syncUrl, boardId, token);
        raws.push(again);
        await again.sync();
        again.sendUpdate(
          updateFrom(again, (doc) => {
            commentAt(doc, id).set('text', 'Stealth');
            if (editedAt !== undefined) commentAt(doc, id).set('editedAt', editedAt);
          }),
        );
        return (await again.closedWithin(1000).catch(() => null))?.code ?? null;
      };
      expect(await edit()).toBe(CLOSE.forbidden);
      expect(await edit(createdAt)).toBe(CLOSE.forbidden);
      expect(await edit(createdAt - HOUR)).toBe(CLOSE.forbidden);
      expect(commentAt(await serverDoc(), id).get('text')).toBe('Original');
      expect(await edit(createdAt + 1)).toBeNull();
      expect(commentAt(await serverDoc(), id).get('text')).toBe('Stealth');
    });

    it('refuses an editor’s evidence and card change dated 2019, or a card change in 2030', async () => {
      await refused('editor', (doc, actor) => {
        const evidence = newEvidenceMap({
          id: 'evidence0000001',
          url: 'https://back.example.org',
          quote: '',
          stance: 'supports',
          note: '',
          addedBy: actor,
          addedAt: Date.parse('2019-05-05'),
        });
        (cardAt(doc).get('evidence') as Y.Array<Y.Map<unknown>>).push([evidence]);
        cardAt(doc).set('updatedBy', actor);
        cardAt(doc).set('updatedAt', Date.now());
      });
      await refused('editor', (doc, actor) => {
        cardAt(doc).set('updatedBy', actor);
        cardAt(doc).set('updatedAt', Date.parse('2019-05-05'));
      });
      await refused('editor', (doc, actor) =>
        editCard(
          doc,
          cardId,
          { claim: 'Dated 2030' },
          { actor, now: () => Date.parse('2030-01-01') },
        ),
      );
      const card = readBoard(editor.doc).cards[cardId];
      expect(card?.evidence).toEqual([]);
      expect(card?.claim).toBe('The bridge cost 2 billion');
    });

    it('takes what the commands write from a clock hours off either way', async () => {
      for (const skew of [-20 * HOUR, 20 * HOUR]) {
        const now = () => Date.now() + skew;
        await accepted('reviewer', (doc, actor) => {
          const id = addComment(doc, cardId, { text: 'Skewed' }, { actor, now });
          editComment(doc, id, 'Skewed, edited', { actor, now: () => now() + 1 });
        });
        await accepted('editor', (doc, actor) => {
          addEvidence(doc, cardId, { url: 'https://x.org', stance: 'refutes' }, { actor, now });
          addClaim(doc, { claim: 'Skewed card' }, { actor, now });
        });
      }
    });

    it('takes an edit in the same millisecond as the comment, and after the clock went back', async () => {
      const at = Date.now();
      await accepted('reviewer', (doc, actor) => {
        const id = addComment(doc, cardId, { text: 'Quick' }, { actor, now: () => at });
        editComment(doc, id, 'Quick, fixed', { actor, now: () => at });
        editComment(doc, id, 'Quick, fixed twice', { actor, now: () => at - HOUR });
      });
      await waitFor(() => commentsMap(editor.doc).size === 1, {
        what: 'the comment at the editor',
      });
      expect(
        readBoard(editor.doc).cards[cardId]?.comments.map((c) => [c.text, c.editedAt]),
      ).toEqual([['Quick, fixed twice', at + 2]]);
    });

    it('takes an Undo of one’s own comment edit, deletion and evidence', async () => {
      const undo = new Y.UndoManager([cardsMap(editor.doc), commentsMap(editor.doc)], {
        trackedOrigins: new Set([CommandOrigin]),
        captureTimeout: 0,
      });
      const id = addComment(editor.doc, cardId, { text: 'First' }, editor.as);
      undo.stopCapturing();
      editComment(editor.doc, id, 'Second', { ...editor.as, now: () => Date.now() + 5 });
      undo.stopCapturing();
      editComment(editor.doc, id, 'Third', { ...editor.as, now: () => Date.now() + 10 });
      undo.stopCapturing();
      deleteComment(editor.doc, id, editor.as);
      undo.stopCapturing();
      addEvidence(editor.doc, cardId, { url: 'https://x.org', stance: 'refutes' }, editor.as);
      undo.stopCapturing();
      await editor.allSaved();
      // Back past the evidence, the deletion and both edits (to no edit time), then the edits again.
      for (let i = 0; i < 4; i++) {
        undo.undo();
        await editor.allSaved();
      }
      expect(commentAt(await serverDoc(), id).toJSON()).toMatchObject({
        text: 'First',
        editedAt: null,
      });
      for (let i = 0; i < 2; i++) {
        undo.redo();
        await editor.allSaved();
      }
      const server = commentAt(await serverDoc(), id).toJSON();
      expect(server).toMatchObject({ text: 'Third', deletedAt: null });
      expect(editor.closes).toEqual([]);
    });
  });

  describe('the card a comment is on', () => {
    it('refuses a comment on a card the board never had', () =>
      refused('reviewer', (doc, actor) =>
        commentsMap(doc).set(
          'orphan000000001',
          comment('orphan000000001', actor, { cardId: 'ghostcard0' }),
        ),
      ));

    it('takes a comment on a deleted card, and one on a card made in the same update', async () => {
      deleteCard(editor.doc, cardId, editor.as);
      await editor.allSaved();
      await accepted('reviewer', (doc, actor) =>
        commentsMap(doc).set('ondeleted000001', comment('ondeleted000001', actor)),
      );
      await accepted('editor', (doc, actor) => {
        const fresh = addClaim(doc, { claim: 'Written offline' }, { actor });
        addComment(doc, fresh, { text: 'And commented offline' }, { actor });
      });
    });
  });

  const serverDoc = async () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await server.sync.read(boardId, (d) => Y.encodeStateAsUpdate(d)));
    return doc;
  };
});
