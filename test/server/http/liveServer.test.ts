/**
 * The composed server (startServer): REST and y-websocket sync on one port, real SQLite in a
 * temp dir. What only the whole can show: a REST-created board syncs to a provider,
 * revocation closes live sockets, history records a client's edits, restarts keep boards
 * and tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addClaim, moveCard } from '../../../shared/board';
import { readBoard } from '../../../shared/board/readBoard';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { connectProvider } from '../../helpers/connectProvider';
import { waitFor } from '../../helpers/waitFor';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const syncUrl = () => `${server.url.replace(/^http/, 'ws')}/sync`;

async function createBoard(title: string) {
  const res = await request(server.url, 'POST', '/api/boards', {
    json: { title, name: 'Lena Lead' },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; title: string; leadToken: string; leadUrl: string };
}

async function invite(boardId: string, leadToken: string, name: string, role: string) {
  const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
    token: leadToken,
    json: { name, role },
  });
  expect(res.status).toBe(201);
  return res.body as { inviteId: string; token: string; url: string };
}

describe('startServer', () => {
  it('serves REST and sync on one port; a new board reaches a y-websocket client', async () => {
    expect((await request(server.url, 'GET', '/healthz')).body).toEqual({ ok: true });
    const board = await createBoard('Live board');
    expect(board.leadUrl.startsWith(`${server.url}/b/${board.id}#invite=`)).toBe(true);
    const client = connectProvider(syncUrl(), board.id, board.leadToken);
    try {
      await client.synced();
      expect(readBoard(client.doc).meta.title).toBe('Live board');
    } finally {
      client.destroy();
    }
  });

  it('refuses WebSocket upgrades outside /sync/ with an HTTP 404, as for a bad sync path', async () => {
    for (const path of ['/elsewhere', '/sync', '/sync/abc/extra']) {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`);
      const outcome = await new Promise<string>((resolve) => {
        ws.on('open', () => resolve('open'));
        ws.on('unexpected-response', (_req, res) => {
          resolve(`http ${res.statusCode}`);
          ws.terminate();
        });
        ws.on('error', (err) => resolve(`error ${err.message}`));
      });
      expect(outcome, path).toBe('http 404');
    }
  });

  it('revoking an invite closes its live socket with 4401, and the token is refused after', async () => {
    const board = await createBoard('Revocation');
    const editor = await invite(board.id, board.leadToken, 'Ed', 'editor');
    const client = connectProvider(syncUrl(), board.id, editor.token);
    try {
      await client.synced();
      const del = await request(
        server.url,
        'DELETE',
        `/api/boards/${board.id}/invites/${editor.inviteId}`,
        {
          token: board.leadToken,
        },
      );
      expect(del.status).toBe(204);
      await waitFor(() => client.closes.length > 0, { what: 'socket closed' });
      expect(client.closes[0]?.code).toBe(CLOSE.unauthorized);
      const rest = await request(server.url, 'GET', `/api/boards/${board.id}`, {
        token: editor.token,
      });
      expect(rest.status).toBe(401);
      expect(errorCode(rest)).toBe('revoked_token');
    } finally {
      client.destroy();
    }
  });

  it('history lists a y-websocket client’s card changes, attributed to its invite, oldest first', async () => {
    const board = await createBoard('History');
    const editor = await invite(board.id, board.leadToken, 'Erin Editor', 'editor');
    const client = connectProvider(syncUrl(), board.id, editor.token);
    let cardId = '';
    try {
      await client.synced();
      cardId = addClaim(client.doc, { claim: 'Inflation hit 9% in May.' }, client.as);
      const other = addClaim(client.doc, { claim: 'Another claim.' }, client.as);
      moveCard(client.doc, cardId, { column: 'corroborated', index: 0 }, client.as);
      await waitFor(async () => {
        const view = await server.board(board.id);
        return view.cards[cardId]?.column === 'corroborated' && view.cards[other] !== undefined;
      });
      let events: {
        type: string;
        cardId: string | null;
        actor: { name: string };
        at: number;
        seq: number;
      }[] = [];
      await waitFor(async () => {
        const res = await request(
          server.url,
          'GET',
          `/api/boards/${board.id}/history?card=${cardId}`,
          {
            token: board.leadToken,
          },
        );
        expect(res.status).toBe(200);
        events = res.body.events;
        return events.some((e) => e.type === 'card.moved');
      });
      expect(events.every((e) => e.cardId === cardId)).toBe(true);
      const created = events.find((e) => e.type === 'card.created');
      const moved = events.find((e) => e.type === 'card.moved');
      expect(created?.actor.name).toBe('Erin Editor');
      expect(moved?.actor.name).toBe('Erin Editor');
      expect(events.indexOf(created!)).toBeLessThan(events.indexOf(moved!));
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

      // Every member may read it, a viewer too; the whole board's history has both cards.
      const viewer = await invite(board.id, board.leadToken, 'Vera', 'viewer');
      const all = await request(server.url, 'GET', `/api/boards/${board.id}/history`, {
        token: viewer.token,
      });
      expect(all.status).toBe(200);
      const cardsSeen = new Set(all.body.events.map((e: { cardId: string | null }) => e.cardId));
      expect(cardsSeen.has(cardId) && cardsSeen.has(other)).toBe(true);
    } finally {
      client.destroy();
    }
  });

  it('an imported article reaches connected clients', async () => {
    const board = await createBoard('Import');
    const client = connectProvider(syncUrl(), board.id, board.leadToken);
    try {
      await client.synced();
      const res = await request(server.url, 'POST', `/api/boards/${board.id}/articles`, {
        token: board.leadToken,
        json: {
          text: 'Rice prices rose 12 percent in 2024, the agriculture ministry said on Monday.',
        },
      });
      expect(res.status).toBe(201);
      await waitFor(() => readBoard(client.doc).articles.some((a) => a.id === res.body.articleId));
      for (const card of res.body.cards) {
        await waitFor(() => readBoard(client.doc).cards[card.id] !== undefined);
      }
    } finally {
      client.destroy();
    }
  });
});

describe('restart on the same data directory', () => {
  it('keeps boards, content and tokens (the secret is kept in the data directory)', async () => {
    const first = await startTestServer();
    const dataDir = first.dataDir;
    const created = await request(first.url, 'POST', '/api/boards', { json: { title: 'Durable' } });
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      const me = await request(second.url, 'GET', `/api/boards/${created.body.id}`, {
        token: created.body.leadToken,
      });
      expect(me.status).toBe(200);
      expect(me.body.title).toBe('Durable');
      expect(me.body.role).toBe('lead');
    } finally {
      await second.stop();
      const { rmSync } = await import('node:fs');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
