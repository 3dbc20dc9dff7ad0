/**
 * A board's invites in SQLite (createSqliteStorage): their statements, their rows as
 * InviteRecords, and the transactions that change an invite together with its history event.
 * The transactions are returned unstarted, so the storage begins them IMMEDIATE.
 */
import type Database from 'better-sqlite3';
import type { Actor } from '../../shared/board/actor';
import type { Role } from '../../shared/roles';
import type { HistoryEvent, InviteRecord, InviteRoleChange } from './Storage';
import { StorageError } from './StorageError';
import { checkBoardKeepsLead } from './checkBoardKeepsLead';
import { checkRoleChange } from './checkRoleChange';
import { isUniqueViolation } from './isUniqueViolation';

interface InviteRow {
  id: string;
  board_id: string;
  name: string;
  role: string;
  created_at: number;
  revoked_at: number | null;
  revoked_by_id: string | null;
  revoked_by_name: string | null;
  role_changed_at: number | null;
  role_changed_by_id: string | null;
  role_changed_by_name: string | null;
  joined_at: number | null;
  expires_at: number | null;
  expiry_set_by_id: string | null;
  expiry_set_by_name: string | null;
}

/** The actor of two columns, both set or (a row from before layout 8, none yet) neither. */
const actorOf = (id: string | null, name: string | null): Actor | null =>
  id === null || name === null ? null : { id, name };

function roleChangeOf(r: InviteRow): InviteRecord['roleChange'] {
  const by = actorOf(r.role_changed_by_id, r.role_changed_by_name);
  return by && r.role_changed_at !== null ? { by, at: r.role_changed_at } : null;
}

const toInvite = (r: InviteRow): InviteRecord => ({
  id: r.id,
  boardId: r.board_id,
  name: r.name,
  role: r.role as Role,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  revokedBy: actorOf(r.revoked_by_id, r.revoked_by_name),
  roleChange: roleChangeOf(r),
  joinedAt: r.joined_at,
  expiresAt: r.expires_at,
  expirySetBy: actorOf(r.expiry_set_by_id, r.expiry_set_by_name),
});

export interface SqliteInvites {
  /** Inside a transaction; StorageError 'invite_exists' when its id is taken. */
  insert(invite: InviteRecord): void;
  insertWith: Database.Transaction<(invite: InviteRecord, event?: HistoryEvent) => void>;
  /**
   * Whether it was revoked now (not before); the event is stored only then. Checked against the
   * invites as stored (checkBoardKeepsLead): StorageError 'last_lead'.
   */
  revokeWith: Database.Transaction<(id: string, at: number, event?: HistoryEvent) => boolean>;
  /** Checked against the invites as stored (checkRoleChange), then stored with its event. */
  changeRole: Database.Transaction<(change: InviteRoleChange) => void>;
  get(id: string): InviteRecord | null;
  list(boardId: string): InviteRecord[];
  markJoined(id: string, at: number): void;
  /**
   * The invite as now stored, or null when it is missing or revoked (left as it was, and the
   * event not stored). Checked against the invites as stored (checkBoardKeepsLead):
   * StorageError 'last_lead'.
   */
  setExpiry: Database.Transaction<
    (id: string, expiresAt: number | null, by: Actor, event?: HistoryEvent) => InviteRecord | null
  >;
}

export function sqliteInvites(
  db: Database.Database,
  insertHistory: (events: readonly HistoryEvent[]) => void,
): SqliteInvites {
  const q = {
    insertInvite: db.prepare(
      `INSERT INTO invites (id, board_id, name, role, created_at, revoked_at, revoked_by_id,
         revoked_by_name, role_changed_at, role_changed_by_id, role_changed_by_name, joined_at, expires_at, expiry_set_by_id, expiry_set_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    getInvite: db.prepare('SELECT * FROM invites WHERE id = ?'),
    listInvites: db.prepare('SELECT * FROM invites WHERE board_id = ? ORDER BY created_at, id'),
    revokeInvite: db.prepare(
      `UPDATE invites SET revoked_at = ?, revoked_by_id = ?, revoked_by_name = ?
       WHERE id = ? AND revoked_at IS NULL`,
    ),
    markJoined: db.prepare('UPDATE invites SET joined_at = ? WHERE id = ? AND joined_at IS NULL'),
    setExpiry: db.prepare(
      `UPDATE invites SET expires_at = ?, expiry_set_by_id = ?, expiry_set_by_name = ?
       WHERE id = ? AND revoked_at IS NULL`,
    ),
    setInviteRole: db.prepare(
      `UPDATE invites SET role = ?, role_changed_at = ?, role_changed_by_id = ?,
         role_changed_by_name = ?
       WHERE id = ?`,
    ),
  };

  const get = (id: string) => {
    const row = q.getInvite.get(id) as InviteRow | undefined;
    return row ? toInvite(row) : null;
  };
  const list = (boardId: string | undefined) =>
    (q.listInvites.all(boardId) as InviteRow[]).map(toInvite);

  const insert = (invite: InviteRecord) => {
    try {
      q.insertInvite.run(
        invite.id,
        invite.boardId,
        invite.name,
        invite.role,
        invite.createdAt,
        invite.revokedAt,
        invite.revokedBy?.id ?? null,
        invite.revokedBy?.name ?? null,
        invite.roleChange?.at ?? null,
        invite.roleChange?.by.id ?? null,
        invite.roleChange?.by.name ?? null,
        invite.joinedAt,
        invite.expiresAt,
        invite.expirySetBy?.id ?? null,
        invite.expirySetBy?.name ?? null,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new StorageError('invite_exists', 'invite exists');
      throw error;
    }
  };

  return {
    insert,
    insertWith: db.transaction((invite: InviteRecord, event?: HistoryEvent) => {
      insert(invite);
      if (event) insertHistory([event]);
    }),
    revokeWith: db.transaction((id: string, at: number, event?: HistoryEvent) => {
      const invite = get(id);
      if (invite) checkBoardKeepsLead(invite, { revokedAt: at }, () => list(invite.boardId));
      const by = event?.actor ?? null;
      const revoked = q.revokeInvite.run(at, by?.id ?? null, by?.name ?? null, id).changes > 0;
      if (revoked && event) insertHistory([event]);
      return revoked;
    }),
    changeRole: db.transaction((change: InviteRoleChange) => {
      const invite = get(change.inviteId);
      checkRoleChange(invite, change, () => list(invite?.boardId));
      const { actor, at } = change.event;
      q.setInviteRole.run(change.to, at, actor.id, actor.name, invite.id);
      insertHistory([change.event]);
    }),
    get,
    list,
    markJoined: (id, at) => void q.markJoined.run(at, id),
    setExpiry: db.transaction(
      (id: string, expiresAt: number | null, by: Actor, event?: HistoryEvent) => {
        const invite = get(id);
        if (invite === null || invite.revokedAt !== null) return null;
        checkBoardKeepsLead(invite, { expiresAt }, () => list(invite.boardId));
        q.setExpiry.run(expiresAt, by.id, by.name, id);
        if (event) insertHistory([event]);
        return get(id);
      },
    ),
  };
}
