/**
 * The sync server: y-websocket protocol over `ws` (noServer), with rooms, durable storage,
 * roles and history.
 *
 * API
 *   createSyncServer({ storage, signer, options?, log?, now? }): SyncServer
 *     storage  SyncStorage: createSqliteStorage(file, { synchronous?: 'NORMAL' | 'FULL',
 *              flushAfterMs?, onError? }) (server/storage; NORMAL by
 *              default, see its header),
 *              or createMemoryStorage() for tests
 *     signer   TokenSigner from server/auth/tokens
 *     options  Partial<SyncOptions> (syncOptions.ts: maxMessageBytes, roomGraceMs,
 *              compactEvery, logRetentionDays, connectionsPerMinute, messagesPerSecond,
 *              messageBurst, maxBufferedBytes, maxAwarenessBytes, awarenessPerSecond,
 *              presenceForgetMs, pingIntervalMs, maxBatch, retryMinMs, retryMaxMs); defaults in
 *              DEFAULT_SYNC_OPTIONS, names as in server/config.ts
 *     log      SyncLog (level, event, fields; syncLog.ts); default: warnings and errors to
 *              stderr. At info: each connection opened and closed (code, reason) and each
 *              refusal (HTTP status before the upgrade, or close code after it), throttled
 *              (throttleLog): opened and closed lines per client address and invite.
 *   handleUpgrade(req, socket, head)  for `upgrade` requests on /sync/<boardId>?token=…
 *     Per-address limit exceeded: HTTP 429 before the upgrade. Otherwise the upgrade completes
 *     and a refused connection is closed at once with its code (4401 bad/expired/revoked token,
 *     4403 token for another board, 4404 unknown board), because a close code is what a
 *     y-websocket client can observe (an HTTP status on a failed upgrade is not).
 *   change(boardId, actor, fn, options?)  runs fn(doc) in one transaction attributed to `actor`;
 *     resolves with fn's result once stored and broadcast (rejects with UnknownBoardError for an
 *     unknown board, AccessChangedError when options.requires names a permission the actor's
 *     invite no longer has, ChangeNotSavedError when storage did not take it before shutdown,
 *     or with fn's error).
 *   read(boardId, fn)  fn(doc) on the stored state (waits for writes queued before it).
 *   onHistory(listener)  listener(boardId, events) after each stored batch with history events.
 *   setInviteExpiry(inviteId, expiresAt)  closes that invite's sockets at its new expiry (4401
 *     "invite expired"; a timer per invite with open sockets).
 *   closeInvite(inviteId)  closes that invite's sockets now (4401 "revoked") and refuses it
 *     from then on.
 *   changeRole(inviteId, role, store)  changes the role of that invite's open sockets: holds
 *     them (what they send from then on is dropped), waits until what they sent before is stored
 *     and acknowledged under the role they had, runs `store` (the stored change and its history
 *     event, which so comes after their writes), then closes them (4205 "role changed": clients
 *     reconnect with the same token and get the stored role) and admits the invite with `role`
 *     from then on, also where the upgrade's check read the invite before the change. If `store`
 *     rejects, a socket that dropped nothing carries on; the others close with 4205 (their
 *     client finds its role unchanged and sends again what was dropped).
 *   deleteBoard(boardId, remove)  holds the board's sockets, stores what they sent, runs
 *     `remove` (storage's deletion), then closes them (4404 "board deleted"), discards the room
 *     (queued server changes reject with UnknownBoardError) and refuses the board from then on.
 *   invitesChanged(boardId, invite?)  sends 101 (invites changed) to every open socket of the
 *     board, and gives the board's loaded room the invite as now stored (made, revoked, another
 *     role: who may be given a card); the server sends 101 itself once an invite's first join
 *     is recorded.
 *   stats()  { rooms, connections, presenceRemembered }.   counters  what it did since it
 *     started (SyncCounters), for /metrics.   close()  closes sockets (1001), stores, unloads rooms.
 *
 * Wire: y-websocket messages 0 (sync), 1 (awareness), 3 (query awareness), plus 100 (saved),
 * 101 (invites changed) and 102 (storage full) from the server: shared/protocol/messages.ts. Close codes: shared/protocol/closeCodes.ts.
 * The token is never logged.
 *
 * Behaviour (details in Room.ts, writePolicy.ts, ClientBindings.ts)
 *   - Nothing is broadcast, acknowledged or served to a joiner before it is stored.
 *   - "saved" follows every processed write message of a connection (also a redundant one),
 *     listing the stored clock of every client id its invite writes with and how many write
 *     messages of this socket are stored (so a delete-only update is covered too).
 *   - An update with missing dependencies is not applied: the sender gets sync step 1.
 *   - Forbidden writes (role, foreign client id) close with 4403; malformed frames 4400; too
 *     large 4413; too many messages or a slow consumer 4429. y-websocket 3.1 does not reconnect
 *     after any 44xx code unless given a `shouldReconnect` that allows it (e.g. for 4429).
 *   - Presence: one awareness client id per connection (the first it sets); entries for other
 *     ids are dropped, since y-websocket clients relay others' presence.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import { CLOSE, INVITE_EXPIRED } from '../../shared/protocol/closeCodes';
import { encodeInvitesChanged } from '../../shared/protocol/messages';
import type { Role } from '../../shared/roles';
import type { ChangeOptions } from './ChangeOptions';
import type { TokenSigner } from '../auth/tokens';
import type { HistoryEvent, InviteRecord, SyncStorage } from '../storage/Storage';
import { AddressLimiter } from './AddressLimiter';
import { authenticate } from './authenticate';
import { Connection } from './Connection';
import type { Room } from './Room';
import { RoomRegistry } from './RoomRegistry';
import { countCode, SyncCounters } from './SyncCounters';
import { defaultSyncLog, type SyncLog } from './syncLog';
import { DEFAULT_SYNC_OPTIONS, type SyncOptions } from './syncOptions';
import type { HistoryListener, SyncServer } from './SyncServer';
import { UnknownBoardError } from './UnknownBoardError';
import { throttleLog } from './throttleLog';
import { tokenFromProtocols } from '../../shared/protocol/tokenProtocol';

export interface SyncServerDeps {
  readonly storage: SyncStorage;
  readonly signer: TokenSigner;
  readonly options?: Partial<SyncOptions>;
  readonly log?: SyncLog;
  readonly now?: () => number;
}

const SYNC_PATH = /^\/sync\/([^/]+)$/;

/** The longest a Node timer waits (2^31 - 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The subprotocols a handshake offers (Sec-WebSocket-Protocol, comma-separated). */
const offeredProtocols = (req: IncomingMessage): string[] =>
  (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());

/** Answers an upgrade request with a plain HTTP status and drops the socket. */
function refuse(socket: Duplex, status: number, text: string): void {
  if (!socket.destroyed) {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
}

export function createSyncServer(deps: SyncServerDeps): SyncServer {
  const options: SyncOptions = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
  const log = deps.log ?? defaultSyncLog;
  const now = deps.now ?? Date.now;
  const { storage, signer } = deps;
  const historyListeners = new Set<HistoryListener>();
  const onHistory = (boardId: string, events: readonly HistoryEvent[]) => {
    for (const listener of historyListeners) {
      try {
        listener(boardId, events);
      } catch (error) {
        log('error', 'history listener failed', { boardId, error });
      }
    }
  };
  const counters = new SyncCounters();
  const rooms = new RoomRegistry({ storage, options, log, counters, now, onHistory });
  const addresses = new AddressLimiter(options.connectionsPerMinute, now);
  /** Every open connection, with the room it joined. */
  const connections = new Map<Connection, Room>();
  const byInvite = new Map<string, Set<Connection>>();
  const revoked = new Set<string>();
  /** The latest expiry given to an invite by setInviteExpiry: newer than an admission's read. */
  const setExpiries = new Map<string, number | null>();
  /** The timer that closes an invite's open connections at its expiry, while it has some. */
  const expiryTimers = new Map<string, NodeJS.Timeout>();
  /** The latest role given to an invite by changeRole: newer than an admission's read. */
  const changedRoles = new Map<string, Role>();
  /** Invites whose role changeRole is changing, and how many times at once. */
  const changing = new Map<string, number>();
  /** Boards being deleted (deleteBoard), and those deleted since the server started. */
  const deleting = new Set<string>();
  const deleted = new Set<string>();
  let closing = false;
  /**
   * Refusals come in floods (a client retrying in a loop), and so do short connections (a
   * client reconnecting in a loop): see throttleLog.
   */
  const throttled = throttleLog(log, now);

  // ws refuses longer frames from their header; Connection turns its 1009 into 4413.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes,
    perMessageDeflate: false,
    // A token sent as a subprotocol is answered with it (shared/protocol/tokenProtocol).
    handleProtocols: (offered) =>
      [...offered].find((p) => tokenFromProtocols([p]) !== null) ?? false,
  });

  // Each round pings at once and judges one setImmediate later. A round that fires after the
  // event loop was held (a long task, a GC pause, a stalled machine) runs in the timers phase,
  // before the poll phase reads the pongs that arrived meanwhile: judged there, healthy sockets
  // would be terminated (their pages reconnect, and presence flickers). The immediate runs after
  // that poll phase (ws emits 'pong' as it reads: allowSynchronousEvents, its server default).
  // The pings leave from the timer itself, so that each is a whole interval old when judged
  // (by the next round's verdict) even if the loop is held between a round and its verdict.
  // Skipping the verdict of a round that fires late would miss a hold that ends just after a
  // round is due. A dead socket is still closed one to two intervals after it fell silent.
  const heartbeat = setInterval(() => {
    for (const conn of connections.keys()) conn.ping();
    setImmediate(() => {
      for (const conn of connections.keys()) conn.terminateIfSilent();
    });
  }, options.pingIntervalMs);
  heartbeat.unref();

  function accept(ws: WebSocket, boardId: string, invite: InviteRecord, address: string): void {
    const room = rooms.get(boardId);
    const identity = {
      boardId,
      inviteId: invite.id,
      role: changedRoles.get(invite.id) ?? invite.role,
      name: invite.name,
    };
    const openedAt = now();
    // Throttled per address and invite: a client reconnecting in a loop is held back, while
    // the people of a newsroom behind one address each get their lines.
    const key = `${address} ${invite.id}`;
    const conn = new Connection(ws, identity, options, {
      message: (c, message) => room.receive(c, message),
      closed: (c, code, reason) => {
        countCode(counters.closedByCode, code);
        throttled(`${code} ${key}`, 'info', 'connection closed', {
          boardId,
          inviteId: invite.id,
          code,
          reason,
          seconds: Math.round((now() - openedAt) / 1000),
          address,
        });
        connections.delete(c);
        byInvite.get(c.inviteId)?.delete(c);
        if (byInvite.get(c.inviteId)?.size === 0) {
          byInvite.delete(c.inviteId);
          armExpiry(c.inviteId, null);
        }
        room.leave(c);
      },
    });
    counters.connectionsOpened++;
    throttled(key, 'info', 'connection opened', { ...identity, address });
    connections.set(conn, room);
    // Admitted while its invite's role is being changed: held like the invite's other sockets.
    if (changing.has(invite.id)) conn.hold();
    const mine = byInvite.get(invite.id) ?? new Set<Connection>();
    mine.add(conn);
    byInvite.set(invite.id, mine);
    room.join(conn);
    if (mine.size === 1) {
      const set = setExpiries.get(invite.id);
      armExpiry(invite.id, set === undefined ? invite.expiresAt : set);
    }
    if (invite.joinedAt === null) {
      storage.markJoined(invite.id, now()).then(
        () => invitesChanged(boardId),
        (error: unknown) => {
          log('warn', 'could not record first join', { inviteId: invite.id, error });
        },
      );
    }
  }

  /**
   * Closes the invite's open connections at `expiresAt` (4401 "invite expired"): one timer per
   * invite with open connections, set again when a lead changes the expiry, none without.
   */
  function armExpiry(inviteId: string, expiresAt: number | null): void {
    clearTimeout(expiryTimers.get(inviteId));
    expiryTimers.delete(inviteId);
    const open = byInvite.get(inviteId);
    if (expiresAt === null || !open) return;
    const wait = expiresAt - now();
    if (wait <= 0) {
      for (const conn of open) conn.close(CLOSE.unauthorized, INVITE_EXPIRED);
      return;
    }
    // setTimeout waits at most 2^31 - 1 ms (24.8 days; longer fires at once): a later expiry is
    // reached in steps.
    const timer = setTimeout(() => armExpiry(inviteId, expiresAt), Math.min(wait, MAX_TIMER_MS));
    timer.unref();
    expiryTimers.set(inviteId, timer);
  }

  function invitesChanged(boardId: string, invite?: InviteRecord): void {
    // A room that is not loaded lists the invites as it loads.
    if (invite) rooms.loaded(boardId)?.invites.set(invite);
    const message = encodeInvitesChanged();
    for (const conn of connections.keys()) {
      if (conn.identity.boardId === boardId) conn.send(message);
    }
  }

  /**
   * Ends one changeRole of the invite. Stored: its sockets close with 4205 and it is admitted
   * with the new role from now on. Refused: once no other change of it is under way, a socket
   * that dropped nothing while held carries on, the others close with 4205.
   */
  function endRoleChange(inviteId: string, stored: Role | null): void {
    const count = (changing.get(inviteId) ?? 1) - 1;
    if (count > 0) changing.set(inviteId, count);
    else changing.delete(inviteId);
    if (stored) changedRoles.set(inviteId, stored);
    else if (count > 0) return;
    for (const conn of byInvite.get(inviteId) ?? []) {
      if (stored || !conn.release()) conn.close(CLOSE.roleChanged, 'role changed');
    }
  }

  const gone = (boardId: string) => deleting.has(boardId) || deleted.has(boardId);

  async function roomOf(boardId: string) {
    if (gone(boardId) || !(await storage.getBoard(boardId))) throw new UnknownBoardError(boardId);
    // Checked again: a deletion may have begun while storage answered.
    if (gone(boardId)) throw new UnknownBoardError(boardId);
    return rooms.get(boardId);
  }

  const boardConnections = (boardId: string) =>
    [...connections.keys()].filter((c) => c.identity.boardId === boardId);

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      socket.on('error', () => socket.destroy());
      const address = req.socket.remoteAddress ?? 'unknown';
      const refused = (status: number, text: string) => {
        countCode(counters.refusedByCode, status);
        throttled(`${status} ${address}`, 'info', 'connection refused', {
          status,
          reason: text,
          address,
        });
        refuse(socket, status, text);
      };
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = SYNC_PATH.exec(url.pathname);
      if (!match) return refused(404, 'Not Found');
      if (closing) return refused(503, 'Service Unavailable');
      if (!addresses.take(address)) return refused(429, 'Too Many Requests');
      let boardId: string;
      try {
        boardId = decodeURIComponent(match[1] as string);
      } catch {
        return refused(400, 'Bad Request');
      }
      const token =
        tokenFromProtocols(offeredProtocols(req)) ?? url.searchParams.get('token') ?? '';
      authenticate({ storage, signer, now }, boardId, token).then(
        (admission) => {
          if (socket.destroyed) return;
          wss.handleUpgrade(req, socket, head, (ws) => {
            const closeRefused = (code: number, reason: string, inviteId?: string) => {
              countCode(counters.refusedByCode, code);
              throttled(`${code} ${address}`, 'info', 'connection refused', {
                boardId,
                inviteId,
                code,
                reason,
                address,
              });
              ws.close(code, reason);
            };
            if (!admission.ok) return closeRefused(admission.code, admission.reason);
            const { invite } = admission;
            if (closing) return closeRefused(CLOSE.goingAway, 'server shutting down', invite.id);
            if (revoked.has(invite.id))
              return closeRefused(CLOSE.unauthorized, 'revoked', invite.id);
            // Admitted as the board was being deleted, or just before: its storage said it was
            // there when asked.
            if (deleted.has(boardId))
              return closeRefused(CLOSE.unknownBoard, 'unknown board', invite.id);
            if (deleting.has(boardId))
              return closeRefused(CLOSE.goingAway, 'board being deleted', invite.id);
            accept(ws, boardId, invite, address);
          });
        },
        (error: unknown) => {
          throttled(address, 'error', 'upgrade check failed', { boardId, error, address });
          refused(500, 'Internal Server Error');
        },
      );
    },

    async change<T>(
      boardId: string,
      actor: Actor,
      fn: (doc: Y.Doc) => T,
      options?: ChangeOptions,
    ): Promise<T> {
      return (await roomOf(boardId)).change({ id: actor.id, name: actor.name }, fn, options);
    },

    async read<T>(boardId: string, fn: (doc: Y.Doc) => T): Promise<T> {
      return (await roomOf(boardId)).read(fn);
    },

    onHistory(listener: HistoryListener) {
      historyListeners.add(listener);
      return () => historyListeners.delete(listener);
    },

    setInviteExpiry(inviteId: string, expiresAt: number | null) {
      setExpiries.set(inviteId, expiresAt);
      armExpiry(inviteId, expiresAt);
    },

    closeInvite(inviteId: string) {
      revoked.add(inviteId);
      for (const conn of byInvite.get(inviteId) ?? []) conn.close(CLOSE.unauthorized, 'revoked');
    },

    async changeRole<T>(inviteId: string, role: Role, store: () => Promise<T>): Promise<T> {
      changing.set(inviteId, (changing.get(inviteId) ?? 0) + 1);
      let stored = false;
      try {
        const held = [...(byInvite.get(inviteId) ?? [])];
        for (const conn of held) conn.hold();
        // A read waits for everything queued before it to be stored and acknowledged. A board
        // that failed to load has closed these sockets already.
        const theirRooms = new Set(held.flatMap((c) => connections.get(c) ?? []));
        await Promise.all(
          [...theirRooms].map((room) => room.read(() => undefined).catch(() => undefined)),
        );
        const result = await store();
        stored = true;
        return result;
      } finally {
        endRoleChange(inviteId, stored ? role : null);
      }
    },

    async deleteBoard<T>(boardId: string, remove: () => Promise<T>): Promise<T> {
      deleting.add(boardId);
      const held = boardConnections(boardId);
      try {
        for (const conn of held) conn.hold();
        // A read waits for everything queued before it to be stored.
        await rooms
          .loaded(boardId)
          ?.read(() => undefined)
          .catch(() => undefined);
        let result: T;
        try {
          result = await remove();
        } catch (error) {
          for (const conn of held) {
            if (!conn.release()) conn.close(CLOSE.goingAway, 'board not deleted');
          }
          throw error;
        }
        deleted.add(boardId);
        for (const conn of boardConnections(boardId)) {
          conn.close(CLOSE.unknownBoard, 'board deleted');
        }
        await rooms.discard(boardId);
        return result;
      } finally {
        deleting.delete(boardId);
      }
    },

    invitesChanged,

    stats() {
      return {
        rooms: rooms.size,
        connections: connections.size,
        presenceRemembered: rooms.presenceRemembered(),
      };
    },

    counters,

    async close() {
      closing = true;
      clearInterval(heartbeat);
      for (const conn of connections.keys()) conn.close(CLOSE.goingAway, 'server shutting down');
      await rooms.closeAll();
      wss.close();
    },
  };
}
