/**
 * A client BoardConnection opened as a page opens one from its invite link: role and actor read
 * from the token, the `ws` package standing in for the browser's WebSocket, no IndexedDB and no
 * online/offline events unless `options` says otherwise. `serverUrl` (http://…) null: a page
 * with no server, as offline work is made.
 */
import WebSocket from 'ws';
import { readClaims } from '../../client/app/tokenClaims';
import { BoardConnection, type BoardConnectionOptions } from '../../client/sync/BoardConnection';

export function connectWithToken(
  serverUrl: string | null,
  boardId: string,
  token: string,
  options: Partial<BoardConnectionOptions> = {},
): BoardConnection {
  const claims = readClaims(token);
  if (!claims) throw new Error('unreadable token');
  return new BoardConnection({
    boardId,
    token,
    role: claims.role,
    actor: { id: claims.inviteId, name: claims.name },
    serverUrl: serverUrl?.replace(/^http/, 'ws') ?? null,
    persist: false,
    network: null,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    ...options,
  });
}
