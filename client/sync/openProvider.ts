/**
 * The WebSocket provider of a board's connection, set up as the reconnect policy says
 * (reconnectPolicy): it connects only when the browser is online, reconnects unless the server
 * closed for good (reconnectAfter), and a writer's socket counts its writes. Its own file so
 * that BoardConnection's constructor reads as wiring, not as the provider's options.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { tokenProtocol } from '../../shared/protocol/tokenProtocol';
import type { Role } from '../../shared/roles';
import type { BoardConnectionOptions } from './BoardConnectionOptions';
import { type NetworkEvents, reconnectAfter } from './reconnectPolicy';
import { writeCountingSocket } from './writeCountingSocket';

/**
 * The server acknowledges the writes it stored (message 100) to writers only, never to a
 * viewer: a writer's socket counts the write messages it sends, to compare with those acks.
 */
function socketClass(role: Role, polyfill: typeof WebSocket | undefined): typeof WebSocket {
  const Base = polyfill ?? WebSocket;
  return role === 'viewer' ? Base : writeCountingSocket(Base);
}

/** The provider for the board, not connected while offline; null without a server (tests). */
export function openProvider(
  options: BoardConnectionOptions,
  doc: Y.Doc,
  awareness: Awareness,
  network: NetworkEvents | null,
): WebsocketProvider | null {
  return options.serverUrl === null
    ? null
    : new WebsocketProvider(`${options.serverUrl}/sync`, options.boardId, doc, {
        // Not in the URL, which the browser prints on every failed connection.
        protocols: [tokenProtocol(options.token)],
        awareness,
        connect: network?.onLine ?? true,
        // Other tabs' updates are not stored yet; they sync through the server instead.
        disableBc: true,
        shouldReconnect: reconnectAfter,
        WebSocketPolyfill: socketClass(options.role, options.WebSocketPolyfill),
      });
}
