/**
 * A board whose data directory holds an invite as a server before 5 December 2026 stored one
 * made with a lone UTF-16 surrogate in its name ("Ana \ud800 Ruiz", a JSON escape, taken then):
 * better-sqlite3 wrote the surrogate as the bytes ED A0 80, written here the same way, straight
 * into the real SQLite file. With it, a change of hers the old server recorded, under her name as
 * it read it back (three U+FFFD), and her token, signed with the data directory's secret as that
 * server signed it. The server is stopped again: the next start opens what the old one left.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createTokenSigner, loadOrCreateSecret } from '../../server/auth/tokens';
import { startTestServer } from './http/startTestServer';
import { createBoardOverRest, type RestBoard } from './restApi';

const OLD_NAME = 'Ana \uD800 Ruiz';
/** The name as Yjs sends it, and as every client holds it. */
export const SENT_NAME = 'Ana \uFFFD Ruiz';
/** The name as the old server read it back from SQLite, and recorded her changes under. */
const READ_BACK_NAME = 'Ana \uFFFD\uFFFD\uFFFD Ruiz';

export interface OldSurrogateInvite {
  readonly board: RestBoard;
  readonly inviteId: string;
  readonly token: string;
}

export async function storeOldSurrogateInvite(dataDir: string): Promise<OldSurrogateInvite> {
  const server = await startTestServer({ dataDir });
  const board = await createBoardOverRest(server.url, 'Old invites', 'Lena');
  await server.stop();

  const inviteId = 'oldsurrogate0001';
  const at = Date.now();
  const db = new Database(join(dataDir, 'factboard.sqlite'));
  try {
    db.prepare(
      `INSERT INTO invites (id, board_id, name, role, created_at, revoked_at, joined_at)
       VALUES (?, ?, ?, 'editor', ?, NULL, ?)`,
    ).run(inviteId, board.id, OLD_NAME, at, at);
    db.prepare(
      `INSERT INTO history (board_id, card_id, type, actor_id, actor_name, at, data)
       VALUES (?, NULL, 'article.added', ?, ?, ?, ?)`,
    ).run(
      board.id,
      inviteId,
      READ_BACK_NAME,
      at,
      JSON.stringify({ articleId: 'oldarticle000001', title: 'Rents' }),
    );
  } finally {
    db.close();
  }
  const token = createTokenSigner(loadOrCreateSecret(dataDir)).sign({
    boardId: board.id,
    inviteId,
    role: 'editor',
    name: OLD_NAME,
    iat: at,
    exp: null,
  });
  return { board, inviteId, token };
}
