/**
 * The SQLite file's tables. `user_version` numbers the layout; each entry of MIGRATIONS moves
 * the file one version up, so an older data directory is upgraded in place on start.
 *
 * Update and history rows use one global AUTOINCREMENT sequence each: sequence numbers only
 * grow, also across boards, which is all that ordering within a board needs. Update numbers are
 * handed out by the storage when a batch enters the pending log, continuing the table's
 * sequence (sqlite_sequence), and inserted explicitly.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    joined_at INTEGER
  );
  CREATE INDEX invites_board ON invites(board_id, created_at);
  CREATE TABLE updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    data BLOB NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX updates_board ON updates(board_id, seq);
  CREATE TABLE snapshots (
    board_id TEXT NOT NULL,
    upto_seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (board_id, upto_seq)
  );
  CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL,
    card_id TEXT,
    type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX history_board ON history(board_id, seq);
  CREATE INDEX history_card ON history(board_id, card_id, seq);
  CREATE TABLE client_bindings (
    board_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    invite_id TEXT NOT NULL,
    PRIMARY KEY (board_id, client_id)
  );
  `,
  // Finding a snapshot by time must not read through the snapshots' blobs (`at` is stored after
  // `data` in the row): this index answers it alone.
  `
  CREATE INDEX snapshots_at ON snapshots(board_id, at, upto_seq);
  `,
  // The number of the last pending-log record stored in these tables (pendingLog.ts): a record
  // found in the log again after a crash between the two is not stored twice.
  `
  CREATE TABLE pending_applied (upto INTEGER NOT NULL);
  INSERT INTO pending_applied (upto) VALUES (0);
  `,
  // The evidence removed from a board's cards, which its room reads as it loads
  // (listRemovedEvidence): this partial index holds only those events, so the read costs as
  // much as the board's removals, not as much as its whole history.
  `
  CREATE INDEX history_evidence_removed ON history(board_id, seq) WHERE type = 'evidence.removed';
  `,
  // Likewise the articles removed from a board, with the digest of each one's text
  // (listRemovedArticles): an article put back by an Undo must come back with that text.
  `
  CREATE INDEX history_article_removed ON history(board_id, seq) WHERE type = 'article.removed';
  `,
  // And the cards deleted, with the digest of each one's source (listDeletedCardSources): a
  // card put back by an Undo may quote what it quoted, once its article is gone too.
  `
  CREATE INDEX history_card_deleted ON history(board_id, seq) WHERE type = 'card.deleted';
  `,
  // What deleted cards and removed evidence items held (appendBatch's `places`): a write that
  // reaches the board after a restart names only the id of a struct its deletion took, and only
  // these rows say which card and field that was (write.lost). A holder per card or evidence
  // item; a row per struct (a run of clocks), found by any clock in it.
  `
  CREATE TABLE deleted_holders (
    id INTEGER PRIMARY KEY,
    board_id TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE deleted_structs (
    board_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    clock INTEGER NOT NULL,
    length INTEGER NOT NULL,
    key TEXT,
    holder INTEGER NOT NULL REFERENCES deleted_holders(id),
    PRIMARY KEY (board_id, client_id, clock)
  ) WITHOUT ROWID;
  `,
  // Which lead revoked an invite, and which lead last changed its role and when (layout 8): the
  // refused person's page and the invites list name them. Rows revoked or changed before keep
  // NULL here (layout 10 names what the history can): the page says "a lead" for them.
  `
  ALTER TABLE invites ADD COLUMN revoked_by_id TEXT;
  ALTER TABLE invites ADD COLUMN revoked_by_name TEXT;
  ALTER TABLE invites ADD COLUMN role_changed_at INTEGER;
  ALTER TABLE invites ADD COLUMN role_changed_by_id TEXT;
  ALTER TABLE invites ADD COLUMN role_changed_by_name TEXT;
  `,
  // When an invite stops opening its board, and the lead who set that (layout 9): kept in the
  // row, not in the token, so a lead can extend or end it without a new link. Rows from before
  // never expire.
  `
  ALTER TABLE invites ADD COLUMN expires_at INTEGER;
  ALTER TABLE invites ADD COLUMN expiry_set_by_id TEXT;
  ALTER TABLE invites ADD COLUMN expiry_set_by_name TEXT;
  `,
  // Layout 10: the same for what layout 8 left unnamed, taken from the board's history, which
  // has recorded who revoked an invite (invite.revoked) since 3 December 2026 and who changed a
  // role (role.changed) since roles could change: the last such event of each invite. Once, as a
  // layout step, rather than on every read or every start: it reads the whole history table
  // (no index serves an event type across boards), and a row the history cannot name (revoked
  // before 3 December) would be looked for again each time. A row layout 8 named is left as is.
  `
  UPDATE invites SET revoked_by_id = last.actor_id, revoked_by_name = last.actor_name
  FROM (
    SELECT board_id, json_extract(data, '$.inviteId') AS invite_id, actor_id, actor_name, max(seq)
    FROM history WHERE type = 'invite.revoked' GROUP BY board_id, invite_id
  ) AS last
  WHERE invites.board_id = last.board_id AND invites.id = last.invite_id
    AND invites.revoked_at IS NOT NULL AND invites.revoked_by_id IS NULL;
  UPDATE invites SET role_changed_at = last.at, role_changed_by_id = last.actor_id,
    role_changed_by_name = last.actor_name
  FROM (
    SELECT board_id, json_extract(data, '$.inviteId') AS invite_id, actor_id, actor_name, at,
      max(seq)
    FROM history WHERE type = 'role.changed' GROUP BY board_id, invite_id
  ) AS last
  WHERE invites.board_id = last.board_id AND invites.id = last.invite_id
    AND invites.role_changed_by_id IS NULL;
  `,
  // Layout 11: the answers an Idempotency-Key gets again (server/http/IdempotencyKeys.ts), kept
  // across a restart: a change answered, or held for a full disk and stored as the server
  // stopped, was done again when sent again after it. Not tied to a board row: the keys of new
  // boards are kept under the sender's address.
  `
  CREATE TABLE idempotency_keys (
    board_id TEXT NOT NULL,
    key TEXT NOT NULL,
    digest TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (board_id, key)
  );
  CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
  `,
];
