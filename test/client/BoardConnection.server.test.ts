/**
 * The client store against the real server (port 0, SQLite in a temp dir), over real
 * WebSockets (the `ws` package stands in for the browser's): "All changes saved" comes from
 * the server's storage acknowledgment, and colleagues' changes and presence arrive live.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { readClaims } from '../../client/app/tokenClaims';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { switchableNetwork } from '../helpers/switchableNetwork';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest, postJson, type RestBoard } from '../helpers/restApi';

const live = useTestServer();

const newBoard = (): Promise<RestBoard> =>
  createBoardOverRest(live.server.url, 'Store test', 'Ana');

async function invite(board: RestBoard, name: string): Promise<string> {
  return (await inviteOverRest(live.server.url, board, name, 'editor')).token;
}

const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 5000 });

describe('BoardConnection with the server', () => {
  it('goes from saving to "all changes saved" when the server acknowledges storage', async () => {
    const board = await newBoard();
    const c = live.open(board.id, board.leadToken);
    await until(() => c.getSnapshot().status.kind === 'saved');
    expect(c.getSnapshot().board.meta.title).toBe('Store test');

    const id = c.commands.addClaim({ claim: 'Saved or not?' });
    expect(c.getSnapshot().unsaved).toBe(true);
    expect(c.getSnapshot().status.kind).toBe('saving');
    await until(() => c.getSnapshot().status.kind === 'saved');
    expect(c.getSnapshot().unsaved).toBe(false);
    const stored = await live.server.syncServer.read(board.id, (doc) =>
      doc.getMap('cards').has(id),
    );
    expect(stored).toBe(true);
  });

  it("shows a colleague's changes and presence live, without echoing their presence", async () => {
    const board = await newBoard();
    const a = live.open(board.id, board.leadToken);
    const b = live.open(board.id, await invite(board, 'Bo'));
    await until(() => a.getSnapshot().status.kind === 'saved');
    await until(() => b.getSnapshot().status.kind === 'saved');

    const id = a.commands.addClaim({ claim: 'From Ana' });
    await until(() => b.getSnapshot().board.cards[id]?.claim === 'From Ana');
    b.setOpenCard(id);
    await until(() => a.getSnapshot().peers.some((p) => p.user.name === 'Bo' && p.openCard === id));
    // Both stay connected: neither sent the other's presence back to the server.
    await new Promise((r) => setTimeout(r, 300));
    expect(a.getSnapshot().status.kind).toBe('saved');
    expect(b.getSnapshot().status.kind).toBe('saved');
  });

  it('on a role change (4205) waits for the page to read the role instead of refusing; reconnect() resumes', async () => {
    const board = await newBoard();
    const token = await invite(board, 'Bo');
    let told = 0;
    const c = live.open(board.id, token, { onRoleChanged: () => told++ });
    await until(() => c.getSnapshot().status.kind === 'saved');
    const res = await fetch(
      `${live.server.url}/api/boards/${board.id}/invites/${readClaims(token)?.inviteId}`,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.leadToken}` },
        body: JSON.stringify({ role: 'reviewer' }),
      },
    );
    expect(res.status).toBe(200);
    await until(() => told === 1);
    // Not refused: the page still takes work; it reconnects once it knows its role. Connecting
    // for the role change (4205), not for a lost connection (reconnectingForRole).
    expect(c.getSnapshot().status).toEqual({ kind: 'connecting', code: CLOSE.roleChanged });
    c.reconnect();
    await until(() => c.getSnapshot().status.kind === 'saved');
    expect(told).toBe(1);
  });

  it('is answered by the server once its board is in, or once the server refuses it', async () => {
    const board = await newBoard();
    const ana = live.open(board.id, board.leadToken);
    const id = ana.commands.addClaim({ claim: 'There before Bo' });
    await until(() => ana.getSnapshot().status.kind === 'saved');
    // A page showing another connection's board swaps to this one then, not while it is empty.
    const bo = live.open(board.id, await invite(board, 'Bo'));
    expect(bo.getSnapshot().board.cards[id]).toBeUndefined();
    await bo.whenServerAnswered();
    expect(bo.getSnapshot().board.cards[id]?.claim).toBe('There before Bo');
    // A refusal is an answer too: the page shows it, and says why.
    const other = await newBoard();
    const refused = live.open(other.id, board.leadToken);
    await refused.whenServerAnswered();
    expect(refused.getSnapshot().status.kind).toBe('refused');
  });

  it('drops the Undo of an article’s removal once the same text is imported again, not doubling its cards', async () => {
    const board = await newBoard();
    const c = live.open(board.id, board.leadToken);
    await until(() => c.getSnapshot().status.kind === 'saved');
    const text =
      'The mayor said unemployment fell to 4.2 percent in 2023. The ministry said prices rose 12 percent in 2022.';
    const importText = () =>
      postJson<{ articleId: string; cards: unknown[] }>(
        `${live.server.url}/api/boards/${board.id}/articles`,
        { title: 'Local news', text },
        board.leadToken,
      );
    const { articleId, cards } = await importText();
    expect(cards.length).toBeGreaterThan(0);
    await until(() => c.getSnapshot().board.articles.length === 1);
    c.commands.removeArticle(articleId);
    await until(() => c.getSnapshot().status.kind === 'saved');
    await importText();
    await until(() => c.getSnapshot().board.articles.length === 1);
    const sentences = () =>
      live.server.syncServer.read(board.id, (doc) =>
        [...doc.getMap<Y.Map<unknown>>('cards').values()]
          .map((card) => (card.get('source') as { sentence?: string } | null)?.sentence)
          .sort(),
      );
    const once = await sentences();
    expect(c.undo()).toEqual({ command: 'removeArticle', applied: false, articleBack: true });
    expect(c.getSnapshot().canUndo).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sentences()).toEqual(once);
    expect(c.getSnapshot().status.kind).toBe('saved');
  });

  it('drops an Undo or Redo that would bring back a redacted comment’s words, keeping the page’s connection', async () => {
    const board = await newBoard();
    const c = live.open(board.id, board.leadToken);
    await until(() => c.getSnapshot().status.kind === 'saved');
    const cardId = c.commands.addClaim({ claim: 'Rents doubled' });
    const commentId = c.commands.addComment(cardId, { text: 'Source: Ana Ruiz' });
    c.commands.editComment(commentId, 'Source: Ana Ruiz, 555-0142');
    await until(() => c.getSnapshot().status.kind === 'saved');
    const res = await fetch(
      `${live.server.url}/api/boards/${board.id}/comments/${commentId}/redact`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${board.leadToken}` },
      },
    );
    expect([res.status, await res.json()]).toMatchObject([200, { redacted: { history: 2 } }]);
    await until(() => c.getSnapshot().board.cards[cardId]?.comments[0]?.redacted !== null);
    // The edit's Undo would put the first words back; the post's would take the comment away.
    expect(c.undo()).toEqual({ command: 'editComment', applied: false, redacted: true });
    expect(c.undo()).toEqual({ command: 'addComment', applied: false, redacted: true });
    expect(c.undo()).toEqual({ command: 'addClaim', applied: true });
    expect(c.redo()).toEqual({ command: 'addClaim', applied: true });
    await until(() => c.getSnapshot().status.kind === 'saved');
    const comment = c.getSnapshot().board.cards[cardId]?.comments[0];
    expect([comment?.text, comment?.redacted?.by.name]).toEqual(['', 'Ana']);
  });

  it.each(['Undo', 'Restore'])(
    'tells an editor whose offline writes went with a card deleted and put back (%s) before they came back',
    async (putBack) => {
      const board = await newBoard();
      const network = switchableNetwork();
      const ana = live.open(board.id, board.leadToken, { network });
      const bo = live.open(board.id, await invite(board, 'Bo'));
      const id = ana.commands.addClaim({ claim: 'School meals cost 2 euros' });
      await until(() => ana.getSnapshot().status.kind === 'saved');
      await until(() => bo.getSnapshot().board.cards[id] !== undefined);
      network.set(false);
      await until(() => ana.getSnapshot().status.kind === 'offline');
      ana.commands.setVerdict(id, 'False', 'Ana: the menu says 3.50');
      // Bo deletes the card; his Undo, or a restore from Activity, puts it back: a new map
      // under the same id, which Ana's writes are not in.
      bo.commands.deleteCard(id);
      if (putBack === 'Undo') {
        expect(bo.undo()).toMatchObject({ command: 'deleteCard', applied: true });
      } else {
        await until(() => bo.getSnapshot().status.kind === 'saved');
        const restore = `${live.server.url}/api/boards/${board.id}/cards/${id}/restore`;
        await postJson(restore, {}, board.leadToken);
      }
      await until(() => bo.getSnapshot().board.cards[id] !== undefined);
      await until(() => bo.getSnapshot().status.kind === 'saved');
      network.set(true);
      await until(() => ana.getSnapshot().lostEdits.length === 2);
      expect(ana.getSnapshot().lostEdits.map((n) => [n.field, n.mine])).toEqual([
        ['verdict', 'False'],
        ['rationale', 'Ana: the menu says 3.50'],
      ]);
      expect(ana.getSnapshot().lostEdits[0]).toMatchObject({
        cardDeleted: true,
        claim: 'School meals cost 2 euros',
      });
      expect(ana.getSnapshot().board.cards[id]?.verdict).toBeNull();
    },
  );
});
