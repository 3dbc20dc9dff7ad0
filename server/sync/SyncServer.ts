/**
 * The sync server's face towards the rest of the server (HTTP routes, main.ts). The
 * implementation lives beside this file; see createSyncServer.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';

export interface SyncServer {
  /** Attach to the HTTP server's `upgrade` event for paths under /sync/. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Runs a server-side change (e.g. a REST import, a new board's initBoard) on the board's
   * live doc, loading it if needed. The change is stored, recorded in history as `actor`,
   * and broadcast exactly like a client's. Resolves after it is durable.
   */
  change<T>(boardId: string, actor: Actor, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Reads the board's current doc (loading it if needed). */
  read<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Closes every open connection made with this invite (4401), e.g. after revocation. */
  closeInvite(inviteId: string): void;
  /** Counts, for health and tests. */
  stats(): { rooms: number; connections: number };
  /** Flushes and closes every room and connection. */
  close(): Promise<void>;
}
