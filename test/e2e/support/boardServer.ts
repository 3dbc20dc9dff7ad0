/**
 * The real server for browser tests (port 0, SQLite in a temp dir) serving a fresh build of
 * the client, plus the REST calls the tests need.
 */
import * as Y from 'yjs';
import { type Actor, SYSTEM_ACTOR } from '../../../shared/board/actor';
import type { BoardExport } from '../../../shared/export';
import type { Role } from '../../../shared/roles';
import type { Config } from '../../../server/config';
import type { HistoryEvent } from '../../../server/storage/Storage';
import type { ExtractionPool } from '../../../server/extract/createExtractionPool';
import { staticClient } from '../../../server/http/staticClient';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { startTestServer } from '../../helpers/http/startTestServer';
import { postJson } from '../../helpers/restApi';
import { type BuiltClient, buildClient } from './buildClient';

export interface BoardServer {
  readonly url: string;
  /** The server's extraction threads, to see how many imports run and wait. */
  readonly extraction: ExtractionPool;
  createBoard(
    title: string,
    leadName: string,
  ): Promise<{ id: string; leadUrl: string; leadToken: string }>;
  /** A new invite's link (`…/b/<id>#invite=<token>`). */
  invite(board: { id: string; leadToken: string }, name: string, role: Role): Promise<string>;
  /**
   * A y-websocket client in Node on the board, as a colleague elsewhere: with a token, or an
   * invite link as `invite` gives it.
   */
  connect(
    boardId: string,
    tokenOrLink: string,
    options?: Parameters<typeof connectProvider>[3],
  ): TestClient;
  /** Imports an article as the board's lead, as the Import dialog does (201 or it throws). */
  importArticle(
    board: { id: string; leadToken: string },
    article: { title: string; url?: string; text: string },
  ): Promise<{ articleId: string }>;
  /** The board's JSON export, as its lead downloads it (200, or it throws). */
  exportJson(board: { id: string; leadToken: string }): Promise<BoardExport>;
  /** Revokes every active invite of that name on the board, as the lead. */
  revoke(board: { id: string; leadToken: string }, name: string): Promise<void>;
  /** Redacts a comment's text for good, as the lead (POST …/redact), as Lea's page would. */
  redact(board: { id: string; leadToken: string }, commentId: string): Promise<void>;
  /** Gives every active invite of that name on the board another role, as the lead. */
  changeRole(board: { id: string; leadToken: string }, name: string, role: Role): Promise<void>;
  /** Applies prepared updates (e.g. thousands of cards) to a board on the server. */
  seed(boardId: string, updates: readonly Uint8Array[]): Promise<void>;
  /**
   * Changes a board's doc on the server in one transaction, as `actor` (the history's "who"),
   * by default the system (what no client command would write).
   */
  change(boardId: string, fn: (doc: Y.Doc) => void, actor?: Actor): Promise<void>;
  /** Adds events to the server's history as they are (e.g. enough for an older page). */
  appendHistory(events: readonly HistoryEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The client to serve: in the browser tests, the one their global setup built for every file
 * (`buildClientOnce`); elsewhere (the bench), a build of its own.
 */
async function clientToServe(): Promise<BuiltClient> {
  const shared = process.env.VITEST ? (await import('vitest')).inject('builtClientDir') : undefined;
  return shared ? { dir: shared, remove: () => undefined } : buildClient();
}

export async function startBoardServer(overrides: Partial<Config> = {}): Promise<BoardServer> {
  const client = await clientToServe();
  const server = await startTestServer(overrides, { client: staticClient(client.dir) });
  /** The addresses of the board's active invites of that name, with the lead's headers. */
  async function activeInvites(board: { id: string; leadToken: string }, name: string) {
    const url = `${server.url}/api/boards/${board.id}/invites`;
    const headers = { Authorization: `Bearer ${board.leadToken}` };
    const { invites } = (await (await fetch(url, { headers })).json()) as {
      invites: { inviteId: string; name: string; revokedAt: number | null }[];
    };
    return invites
      .filter((invite) => invite.name === name && invite.revokedAt === null)
      .map((invite) => ({ url: `${url}/${invite.inviteId}`, headers }));
  }
  return {
    url: server.url,
    extraction: server.extraction,
    createBoard: (title, leadName) =>
      postJson(`${server.url}/api/boards`, { title, name: leadName }),
    async invite(board, name, role) {
      const made = await postJson<{ url: string }>(
        `${server.url}/api/boards/${board.id}/invites`,
        { name, role },
        board.leadToken,
      );
      return made.url;
    },
    connect: (boardId, tokenOrLink, options) =>
      connectProvider(
        server.url.replace(/^http/, 'ws') + '/sync',
        boardId,
        tokenOrLink.split('#invite=').pop() ?? '',
        options,
      ),
    importArticle: (board, article) =>
      postJson(`${server.url}/api/boards/${board.id}/articles`, article, board.leadToken),
    async exportJson(board) {
      const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=json`, {
        headers: { Authorization: `Bearer ${board.leadToken}` },
      });
      if (res.status !== 200) throw new Error(`GET export: ${res.status}`);
      return (await res.json()) as BoardExport;
    },
    async revoke(board, name) {
      for (const { url, headers } of await activeInvites(board, name)) {
        const res = await fetch(url, { method: 'DELETE', headers });
        if (res.status !== 204) throw new Error(`DELETE invite: ${res.status}`);
      }
    },
    async redact(board, commentId) {
      const url = `${server.url}/api/boards/${board.id}/comments/${commentId}/redact`;
      const headers = { Authorization: `Bearer ${board.leadToken}` };
      const res = await fetch(url, { method: 'POST', headers });
      if (res.status !== 200) throw new Error(`POST redact: ${res.status}`);
    },
    async changeRole(board, name, role) {
      for (const { url, headers } of await activeInvites(board, name)) {
        const body = JSON.stringify({ role });
        const json = { ...headers, 'Content-Type': 'application/json' };
        const res = await fetch(url, { method: 'PATCH', headers: json, body });
        if (res.status !== 200) throw new Error(`PATCH invite: ${res.status}`);
      }
    },
    seed: (boardId, updates) =>
      server.syncServer.change(boardId, SYSTEM_ACTOR, (doc) => {
        for (const update of updates) Y.applyUpdate(doc, update);
      }),
    change: (boardId, fn, actor = SYSTEM_ACTOR) => server.syncServer.change(boardId, actor, fn),
    appendHistory: (events) => server.storage.appendHistory(events),
    async stop() {
      await server.stop();
      client.remove();
    },
  };
}
