/**
 * The sync server's face towards the rest of the server (HTTP routes, main.ts). The
 * implementation lives beside this file; see createSyncServer.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import type { Role } from '../../shared/roles';
import type { HistoryEvent, InviteRecord } from '../storage/Storage';
import type { ChangeOptions } from './ChangeOptions';
import type { SyncCounters } from './SyncCounters';

/** Told of the history events of each stored batch, after it is broadcast. */
export type HistoryListener = (boardId: string, events: readonly HistoryEvent[]) => void;

export interface SyncServer {
  /** Attach to the HTTP server's `upgrade` event for paths under /sync/. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Runs a server-side change (e.g. an article's import, a card's restore) on the board's
   * live doc, loading it if needed. The change is stored, recorded in history as `actor`,
   * and broadcast exactly like a client's. Resolves after it is durable. `options.intent` says
   * what the history cannot tell from the doc (a restored card); `options.requires` refuses a
   * member's change whose invite lost that permission since the request was admitted
   * (AccessChangedError, nothing written).
   */
  change<T>(
    boardId: string,
    actor: Actor,
    fn: (doc: Y.Doc) => T,
    options?: ChangeOptions,
  ): Promise<T>;
  /** Reads the board's current doc (loading it if needed). */
  read<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Calls `listener` with the history events of every batch once it is stored and broadcast
   * (e.g. to enrich a card someone made); returns a function that stops it. A listener runs in
   * the room's turn, so it must only schedule work, not do it.
   */
  onHistory(listener: HistoryListener): () => void;
  /** Closes every open connection made with this invite (4401), e.g. after revocation. */
  closeInvite(inviteId: string): void;
  /**
   * The invite's expiry as now stored (null: never), once a lead set it: its open connections
   * close at that time (4401 "invite expired"), at once if it has passed, and none that its
   * admission read an older expiry for outlives it.
   */
  setInviteExpiry(inviteId: string, expiresAt: number | null): void;
  /**
   * Gives the invite `role` on its open connections, with `store` storing the change. What
   * those connections sent before is theirs under the role they had: they are held (what they
   * send from now on is not taken), what they sent is stored and acknowledged, and only then
   * does `store` run, so the history records the change after their writes. Then they close
   * (4205) to reconnect with the new role, which a connection whose admission read the invite
   * before the change gets too. If `store` rejects, the rejection is passed on and the role
   * stays; a held connection that dropped something closes with 4205 all the same.
   */
  changeRole<T>(inviteId: string, role: Role, store: () => Promise<T>): Promise<T>;
  /**
   * Deletes the board with `remove` (storage's deletion). Its open connections are held first
   * (what they send from then on is dropped) and what they sent before is stored; then `remove`
   * runs; then they close with 4404 "board deleted", the board's room is discarded (server
   * changes queued on it fail with UnknownBoardError) and every later connection to it is
   * refused with 4404. Meanwhile new connections close with 1001 (y-websocket clients come back
   * and are refused then) and change() and read() reject. If `remove` rejects, the rejection is
   * passed on and the board carries on; a connection that dropped something closes with 1001,
   * and its client reconnects and sends it again.
   */
  deleteBoard<T>(boardId: string, remove: () => Promise<T>): Promise<T>;
  /**
   * Tells every open connection of the board that its invites changed (message 101), once the
   * change is stored: an invite made, revoked or given another role, given as it is now stored,
   * so that the board's room judges from then on who may be given a card by it. (A first join
   * is told by the sync server itself.)
   */
  invitesChanged(boardId: string, invite?: InviteRecord): void;
  /**
   * Counts, for health and tests. presenceRemembered: the client ids the loaded boards'
   * presence keeps a clock for (those present, those that left in the last minute, and one
   * per board of its own).
   */
  stats(): { rooms: number; connections: number; presenceRemembered: number };
  /** What it has done since it started (connections, updates, refusals…), for /metrics. */
  readonly counters: Readonly<SyncCounters>;
  /** Flushes and closes every room and connection. */
  close(): Promise<void>;
}
