/**
 * A deleted comment that takes a later text edit: its author deleted it in one tab while
 * another tab of theirs, which had not seen the deletion, saved an edit of it. The server takes
 * both (neither tab did wrong), and the merge may keep the edit's text beside the deletion. A
 * comment with a deletion time is deleted whatever its text: no reader of the board (readBoard,
 * so the card detail), no export and not Activity shows the words its author deleted it over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  deleteComment,
  editComment,
  readBoard,
  setBoardMeta,
  setVerdict,
} from '../../../shared/board';
import type { CommandContext } from '../../../shared/board/origin';
import { commentsMap } from '../../../shared/board/schema';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectRaw, type RawClient } from '../../helpers/rawClient';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
const raws: RawClient[] = [];
let lead: TestClient | null = null;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const r of raws) r.close();
  lead?.destroy();
  await server?.stop();
});

/** The update `fn` makes on a copy of what a tab has seen, written under the tab's client id. */
function tabUpdate(raw: RawClient, clientId: number, fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(raw.mirror));
  // Set after: Yjs takes another id when an update brings structs of its own (the tab's own).
  doc.clientID = clientId;
  const before = Y.encodeStateVector(doc);
  fn(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('a deleted comment edited meanwhile in another tab of its author', () => {
  it('reads as deleted, its later text in no export and not in Activity', async () => {
    const created = await request(server.url, 'POST', '/api/boards', {
      json: { title: 'Tabs', name: 'Lea' },
    });
    const board = created.body as { id: string; leadToken: string };
    const invite = (
      await request(server.url, 'POST', `/api/boards/${board.id}/invites`, {
        token: board.leadToken,
        json: { name: 'Rita', role: 'reviewer' },
      })
    ).body as { token: string; inviteId: string };
    const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync`;
    lead = connectProvider(syncUrl, board.id, board.leadToken);
    await lead.synced();
    // A card a ClaimReview is published for, so that export has something to say too.
    setBoardMeta(
      lead.doc,
      { organisation: { name: 'Checkers', url: 'https://checkers.example/' } },
      lead.as,
    );
    const cardId = addClaim(lead.doc, { claim: 'The bridge cost 2 billion' }, lead.as);
    setVerdict(lead.doc, cardId, 'False', 'It cost 3 billion.', lead.as);
    await lead.allSaved();

    const tab = async () => {
      const raw = connectRaw(syncUrl, board.id, invite.token);
      raws.push(raw);
      await raw.sync();
      return raw;
    };
    const rita: CommandContext = { actor: { id: invite.inviteId, name: 'Rita' } };
    const first = await tab();
    let commentId = '';
    first.sendUpdate(
      tabUpdate(first, 1_000_001, (doc) => {
        commentId = addComment(doc, cardId, { text: 'Is 2 billion nominal?' }, rita);
      }),
    );
    await waitFor(() => first.saved.length > 0);
    const second = await tab();
    await first.sync();
    // Neither tab has seen the other's change. Yjs keeps, of two values written at once under
    // one key, the one of the higher client id: the edit's.
    const deletion = tabUpdate(first, 1_000_001, (doc) => deleteComment(doc, commentId, rita));
    const edit = tabUpdate(second, 2_000_002, (doc) =>
      editComment(doc, commentId, 'LATER WORDS', rita),
    );
    const field = (key: string) => (doc: Y.Doc) =>
      (commentsMap(doc).get(commentId) as Y.Map<unknown>).get(key);
    // The deletion reaches the server first: the edit is then never shown as the comment's.
    first.sendUpdate(deletion);
    await waitFor(() => server.syncServer.read(board.id, field('deletedAt')), {
      what: 'the deletion on the server',
    });
    second.sendUpdate(edit);
    await waitFor(() => server.syncServer.read(board.id, field('editedAt')), {
      what: 'the edit on the server',
    });
    expect(first.ws.readyState).toBe(first.ws.OPEN);
    expect(second.ws.readyState).toBe(second.ws.OPEN);

    // The board holds the deletion and the edit's text, as the merge keeps them.
    const reader = await tab();
    expect(field('text')(reader.mirror)).toBe('LATER WORDS');
    expect(field('deletedAt')(reader.mirror)).toEqual(expect.any(Number));

    const comment = readBoard(reader.mirror).cards[cardId]?.comments.find(
      (c) => c.id === commentId,
    );
    expect(comment).toMatchObject({ text: '', deletedAt: expect.any(Number) });

    const get = (path: string) =>
      fetch(`${server.url}/api/boards/${board.id}/${path}`, {
        headers: { Authorization: `Bearer ${board.leadToken}` },
      });
    // Activity and the JSON export (which carries the history) keep the words it was deleted
    // over, as they keep every deleted comment's; the later text is in neither.
    const history = await (await get('history')).text();
    expect(history).toContain('Is 2 billion nominal?');
    for (const format of ['json', 'csv', 'md', 'claimreview']) {
      const res = await get(`export?format=${format}`);
      expect(res.status).toBe(200);
      expect(await res.text(), format).not.toContain('LATER WORDS');
    }
    expect(history).not.toContain('LATER WORDS');
  });
});
