/**
 * The export router on a real HTTP server (127.0.0.1, port 0) over a real SQLite file in a
 * temp dir, with the real token signer, member authentication and error handler.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import * as Y from 'yjs';
import { newId } from '../../../shared/board/newId';
import { readMeta } from '../../../shared/board/readMeta';
import type { Role } from '../../../shared/roles';
import { createTokenSigner } from '../../../server/auth/tokens';
import { createExportRouter } from '../../../server/export/createExportRouter';
import { authenticateMember } from '../../../server/http/auth';
import { newInvite } from '../../../server/http/boardActions';
import { errorHandler } from '../../../server/http/errorHandler';
import { applyStoredContent } from '../../../server/storage/applyStoredContent';
import { createSqliteStorage } from '../../../server/storage/createSqliteStorage';
import type { HistoryEvent, SyncStorage } from '../../../server/storage/Storage';
import { DEFAULTS } from '../../../server/config';
import { createBoardWorkers } from '../../../server/workers/createBoardWorkers';

export interface ExportServer {
  readonly url: string;
  readonly storage: SyncStorage;
  /** Stores a board record created at `at`; its content starts as the returned empty doc. */
  createBoard(title: string, at: number): Promise<{ boardId: string; doc: Y.Doc }>;
  /** Applies a change to `doc` and stores the resulting updates at time `at`. */
  change(boardId: string, doc: Y.Doc, at: number, fn: (doc: Y.Doc) => void): Promise<void>;
  appendHistory(events: readonly HistoryEvent[]): Promise<void>;
  invite(boardId: string, role: Role, name?: string): Promise<string>;
  get(path: string, token?: string): Promise<Response>;
  close(): Promise<void>;
}

export async function startExportServer(): Promise<ExportServer> {
  const dir = mkdtempSync(join(tmpdir(), 'factboard-export-'));
  const storage = createSqliteStorage(join(dir, 'factboard.db'));
  const signer = createTokenSigner('export test secret');
  const workers = createBoardWorkers({
    timeoutMs: DEFAULTS.boardJobTimeoutMs,
    maxWaiting: DEFAULTS.boardJobQueueLength,
    idleMs: DEFAULTS.threadIdleMs,
  });
  let url = '';

  async function invite(boardId: string, role: Role, name = `${role} person`): Promise<string> {
    const id = newId();
    const createdAt = Date.now();
    await storage.createInvite({
      id,
      boardId,
      name,
      role,
      createdAt,
      revokedAt: null,
      revokedBy: null,
      roleChange: null,
      expiresAt: null,
      expirySetBy: null,
      joinedAt: null,
    });
    return signer.sign({ boardId, inviteId: id, role, name, iat: createdAt, exp: null });
  }

  const app = express();
  app.use(
    createExportRouter({
      storage,
      workers,
      authenticate: authenticateMember({ signer, storage }),
      leadInvite: (boardId, name) => {
        const { invite: lead, token } = newInvite({ signer }, boardId, { name, role: 'lead' });
        return { invite: lead, token, url: `${url}/b/${boardId}#invite=${token}` };
      },
      // The live server reads its room; here the stored content is the board as it is now.
      async currentOrganisation(boardId) {
        const doc = new Y.Doc();
        applyStoredContent(doc, await storage.loadContent(boardId));
        return readMeta(doc).organisation;
      },
    }),
  );
  app.use(errorHandler(() => {}));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function change(boardId: string, doc: Y.Doc, at: number, fn: (doc: Y.Doc) => void) {
    const updates: Uint8Array[] = [];
    const onUpdate = (u: Uint8Array) => updates.push(u);
    doc.on('update', onUpdate);
    try {
      fn(doc);
    } finally {
      doc.off('update', onUpdate);
    }
    for (const update of updates) await storage.appendUpdate(boardId, update, at);
  }

  return {
    url,
    storage,
    async createBoard(title, at) {
      const boardId = newId();
      await storage.createBoard({ id: boardId, title, createdAt: at });
      return { boardId, doc: new Y.Doc() };
    },
    change,
    appendHistory: (events) => storage.appendHistory(events),
    invite,
    get: (path, token) =>
      fetch(`${url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workers.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
