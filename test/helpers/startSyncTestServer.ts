/**
 * The sync server on a real HTTP server (127.0.0.1, port 0) without the REST app, for tests
 * that need to wrap storage (count loads, fail saves) or set sync options the env config does
 * not expose. Boards and invites are made directly through storage and the signer (and the sync
 * server told of each invite, as the REST routes tell it).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import { initBoard } from '../../shared/board/commands/meta';
import { newId } from '../../shared/board/newId';
import type { CommandContext } from '../../shared/board/origin';
import type { Role } from '../../shared/roles';
import { createTokenSigner, type TokenSigner } from '../../server/auth/tokens';
import { createMemoryStorage } from '../../server/storage/createMemoryStorage';
import type { SyncStorage } from '../../server/storage/Storage';
import { createSyncServer } from '../../server/sync/createSyncServer';
import type { SyncLog } from '../../server/sync/syncLog';
import type { SyncOptions } from '../../server/sync/syncOptions';
import type { SyncServer } from '../../server/sync/SyncServer';

export interface SyncTestServer {
  /** ws://127.0.0.1:<port>/sync: what a WebsocketProvider takes as its server URL. */
  readonly syncUrl: string;
  readonly storage: SyncStorage;
  readonly sync: SyncServer;
  readonly signer: TokenSigner;
  /** A board with initialised meta; returns its id. */
  createBoard(title?: string): Promise<string>;
  invite(boardId: string, role: Role, name?: string): Promise<Invite>;
  close(): Promise<void>;
}

export interface Invite {
  readonly inviteId: string;
  readonly token: string;
  readonly name: string;
  /** Commands run in this invite's name, the only one the server takes its writes in. */
  readonly as: CommandContext;
}

export async function startSyncTestServer(
  opts: {
    storage?: SyncStorage;
    options?: Partial<SyncOptions>;
    log?: SyncLog;
    now?: () => number;
  } = {},
): Promise<SyncTestServer> {
  const storage = opts.storage ?? createMemoryStorage();
  const signer = createTokenSigner('sync test secret');
  const sync = createSyncServer({
    storage,
    signer,
    options: { roomGraceMs: 200, ...opts.options },
    log: opts.log ?? (() => {}),
    ...(opts.now && { now: opts.now }),
  });
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    storage,
    sync,
    signer,
    async createBoard(title = 'Test board') {
      const id = newId();
      await storage.createBoard({ id, title, createdAt: Date.now() });
      await sync.change(id, SYSTEM_ACTOR, (doc) =>
        initBoard(doc, { title }, { actor: SYSTEM_ACTOR }),
      );
      return id;
    },
    async invite(boardId, role, name = `${role} ${newId().slice(0, 4)}`) {
      const inviteId = newId();
      const at = Date.now();
      const invite = {
        id: inviteId,
        boardId,
        name,
        role,
        createdAt: at,
        revokedAt: null,
        revokedBy: null,
        roleChange: null,
        expiresAt: null,
        expirySetBy: null,
        joinedAt: null,
      };
      await storage.createInvite(invite);
      // As the server's own invite route does: the board's room learns who may be given a card.
      sync.invitesChanged(boardId, invite);
      const token = signer.sign({ boardId, inviteId, role, name, iat: at, exp: null });
      return { inviteId, token, name, as: { actor: { id: inviteId, name } } };
    },
    async close() {
      await sync.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await storage.close();
    },
  };
}
