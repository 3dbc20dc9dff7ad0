/**
 * The prepared statements of createSqliteStorage for boards, their content (updates and
 * snapshots) and client bindings, and what deleteBoard removes. Invites, history pages, batches
 * and removals have theirs beside their code (sqliteInvites, sqliteHistoryPages,
 * sqliteBatchStore, sqliteRemovals).
 */
import type Database from 'better-sqlite3';

export function sqliteStatements(db: Database.Database) {
  return {
    insertBoard: db.prepare('INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)'),
    getBoard: db.prepare('SELECT id, title, created_at FROM boards WHERE id = ?'),
    anyBoard: db.prepare('SELECT 1 FROM boards LIMIT 1'),
    insertUpdate: db.prepare('INSERT INTO updates (seq, board_id, data, at) VALUES (?, ?, ?, ?)'),
    lastAssignedSeq: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'updates'"),
    appliedRecord: db.prepare('SELECT upto FROM pending_applied'),
    lastSeq: db.prepare('SELECT MAX(seq) AS seq FROM updates WHERE board_id = ?'),
    newestSnapshot: db.prepare(
      'SELECT upto_seq, data FROM snapshots WHERE board_id = ? ORDER BY upto_seq DESC LIMIT 1',
    ),
    snapshotAt: db.prepare(
      `SELECT upto_seq, data FROM snapshots WHERE board_id = ? AND at <= ?
       ORDER BY at DESC, upto_seq DESC LIMIT 1`,
    ),
    updatesAfter: db.prepare(
      'SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq',
    ),
    updatesAfterUntil: db.prepare(
      'SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? AND at <= ? ORDER BY seq',
    ),
    listBindings: db.prepare('SELECT client_id, invite_id FROM client_bindings WHERE board_id = ?'),
    // What deleteBoard removes, children before the rows they reference.
    deleteBoard: [
      'DELETE FROM deleted_structs WHERE board_id = ?',
      'DELETE FROM deleted_holders WHERE board_id = ?',
      'DELETE FROM client_bindings WHERE board_id = ?',
      'DELETE FROM history WHERE board_id = ?',
      'DELETE FROM snapshots WHERE board_id = ?',
      'DELETE FROM updates WHERE board_id = ?',
      'DELETE FROM invites WHERE board_id = ?',
      'DELETE FROM idempotency_keys WHERE board_id = ?',
    ].map((sql) => db.prepare(sql)),
    deleteBoardRecord: db.prepare('DELETE FROM boards WHERE id = ?'),
  };
}
