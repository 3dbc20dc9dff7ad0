/**
 * Creating boards and inviting people, shared by the REST routes and by server-side callers
 * (the demo-board seed, the JSON import): one place that writes the board record, the invite
 * record and the signed token together, and tells the board's open pages that its invites
 * changed (SyncServer.invitesChanged).
 */
import * as Y from 'yjs';
import { type Actor, SYSTEM_ACTOR } from '../../shared/board/actor';
import { initBoard } from '../../shared/board/commands/meta';
import { newId } from '../../shared/board/newId';
import type { Role } from '../../shared/roles';
import type { TokenSigner } from '../auth/tokens';
import type { BoardRecord, InviteRecord, Storage, StoredAnswer } from '../storage/Storage';
import type { SyncServer } from '../sync/SyncServer';

export interface BoardActionDeps {
  readonly storage: Storage;
  readonly syncServer: SyncServer;
  readonly signer: TokenSigner;
}

export interface IssuedInvite {
  readonly invite: InviteRecord;
  readonly token: string;
}

/** An invite link: the token travels in the fragment, so it never reaches server logs. */
export function inviteUrl(publicUrl: string, boardId: string, token: string): string {
  return `${publicUrl}/b/${encodeURIComponent(boardId)}#invite=${token}`;
}

/** A new invite and its signed token, not stored yet (a board import stores it with the board). */
export function newInvite(
  deps: Pick<BoardActionDeps, 'signer'>,
  boardId: string,
  who: { name: string; role: Role },
  expiry?: { readonly at: number; readonly by: Actor },
): IssuedInvite {
  const at = Date.now();
  const invite: InviteRecord = {
    id: newId(),
    boardId,
    name: who.name,
    role: who.role,
    createdAt: at,
    revokedAt: null,
    revokedBy: null,
    roleChange: null,
    expiresAt: expiry?.at ?? null,
    expirySetBy: expiry?.by ?? null,
    joinedAt: null,
  };
  const token = deps.signer.sign({
    boardId,
    inviteId: invite.id,
    role: invite.role,
    name: invite.name,
    iat: at,
    // The invite's expiry is its stored row's, which a lead may change; a token's could not be.
    exp: null,
  });
  return { invite, token };
}

/** What the history records of an invite: whose it is and its role then. */
const inviteData = (invite: InviteRecord) => ({
  inviteId: invite.id,
  name: invite.name,
  role: invite.role,
});

/**
 * Invites a person to a board. Given `by` (a lead inviting), the invite is stored with its
 * `invite.issued` history event: who invited whom, with what role, until when. A board's first lead
 * invite, made with the board, has none. Given `expiresAt` too, the invite stops opening the
 * board then, `by` its expiry's setter. Given `keep`, the request's Idempotency-Key entry it
 * makes for the invite is stored with it (IdempotencyKeys: KeepAnswer).
 */
export async function inviteMember(
  deps: BoardActionDeps,
  boardId: string,
  who: { name: string; role: Role },
  by?: Actor,
  expiresAt: number | null = null,
  keep?: (issued: IssuedInvite) => StoredAnswer | undefined,
): Promise<IssuedInvite> {
  const issued = newInvite(
    deps,
    boardId,
    who,
    by && expiresAt !== null ? { at: expiresAt, by } : undefined,
  );
  const { invite } = issued;
  await deps.storage.createInvite(
    invite,
    by && {
      boardId,
      cardId: null,
      type: 'invite.issued',
      actor: by,
      at: invite.createdAt,
      // Its expiry, if it has one, is part of what the lead did ("invited Bo … until 14 Dec"):
      // no invite.expiry entry follows it.
      data: {
        ...inviteData(invite),
        ...(invite.expiresAt !== null && { expiresAt: invite.expiresAt }),
      },
    },
    keep?.(issued),
  );
  deps.syncServer.invitesChanged(boardId, invite);
  return issued;
}

export interface CreatedBoard {
  readonly board: BoardRecord;
  readonly lead: IssuedInvite;
}

/**
 * A new board with its meta initialised (as the system actor) and a lead invite, stored in one
 * transaction (Storage.createBoardWithLead), with, given `keep`, the request's Idempotency-Key
 * entry it makes for the board. Written one after the other, a crash between them (or a failed
 * write whose cleanup failed too) left a board without a title that no invite opens, and the
 * caller's retry made a second one. The meta is built in a doc of its own, as an import's
 * content is: no room exists for the board yet, and none can until its invite's token is used.
 * Its client id is bound to no invite, which leaves it nobody's to write with (ClientBindings).
 */
export async function createBoard(
  deps: BoardActionDeps,
  input: { title: string; leadName: string },
  keep?: (created: CreatedBoard) => StoredAnswer | undefined,
): Promise<CreatedBoard> {
  const board: BoardRecord = {
    id: newId(),
    title: input.title,
    createdAt: Date.now(),
  };
  const doc = new Y.Doc();
  initBoard(doc, { title: input.title }, { actor: SYSTEM_ACTOR });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const lead = newInvite(deps, board.id, { name: input.leadName, role: 'lead' });
  await deps.storage.createBoardWithLead({
    board,
    update,
    history: [],
    lead: lead.invite,
    answer: keep?.({ board, lead }),
  });
  return { board, lead };
}

/**
 * Deletes a board for good: its open connections close (4404 "board deleted"), its room goes,
 * and storage removes everything of it (SyncServer.deleteBoard). Resolves whether it existed.
 */
export function deleteBoard(deps: BoardActionDeps, boardId: string): Promise<boolean> {
  return deps.syncServer.deleteBoard(boardId, () => deps.storage.deleteBoard(boardId));
}

/**
 * Revokes an invite, stored with its `invite.revoked` history event (who revoked whose access),
 * and closes its open connections at once (4401). An invite another lead revoked meanwhile is
 * left as they revoked it, and nothing more is recorded.
 */
export async function revokeInvite(
  deps: BoardActionDeps,
  invite: InviteRecord,
  by: Actor,
): Promise<void> {
  const at = Date.now();
  const revoked = await deps.storage.revokeInvite(invite.id, at, {
    boardId: invite.boardId,
    cardId: null,
    type: 'invite.revoked',
    actor: by,
    at,
    data: inviteData(invite),
  });
  if (!revoked) return;
  deps.syncServer.closeInvite(invite.id);
  deps.syncServer.invitesChanged(invite.boardId, { ...invite, revokedAt: at });
}

/**
 * Sets when an invite stops opening the board (null: never), by a lead, stored with its
 * `invite.expiry` history event (who set whose expiry, from when to when: null is never): its
 * open connections close then (4401 "invite expired"), and the board's open pages hear its
 * invites changed. Resolves the invite as stored, or null when it is gone or revoked meanwhile
 * (and nothing is recorded).
 */
export async function setInviteExpiry(
  deps: BoardActionDeps,
  invite: InviteRecord,
  expiresAt: number | null,
  by: Actor,
): Promise<InviteRecord | null> {
  const stored = await deps.storage.setInviteExpiry(invite.id, expiresAt, by, {
    boardId: invite.boardId,
    cardId: null,
    type: 'invite.expiry',
    actor: by,
    at: Date.now(),
    data: { ...inviteData(invite), from: invite.expiresAt, to: expiresAt },
  });
  if (!stored) return null;
  deps.syncServer.setInviteExpiry(invite.id, stored.expiresAt);
  deps.syncServer.invitesChanged(invite.boardId, stored);
  return stored;
}

/**
 * Gives an invite a new role: stored with its `role.changed` history event (who changed whose
 * role from what to what) once what the invite's open connections sent before it is stored
 * under the role they had; then they close with 4205 and reconnect with the new one
 * (SyncServer.changeRole). The token keeps working: the server reads the role from the stored
 * invite. Rejects with storage's refusals (StorageError: role_conflict, last_lead, …).
 */
export async function changeInviteRole(
  deps: BoardActionDeps,
  invite: InviteRecord,
  role: Role,
  by: Actor,
): Promise<InviteRecord> {
  await deps.syncServer.changeRole(invite.id, role, () =>
    deps.storage.changeInviteRole({
      inviteId: invite.id,
      from: invite.role,
      to: role,
      event: {
        boardId: invite.boardId,
        cardId: null,
        type: 'role.changed',
        actor: by,
        // Taken after the member's last write under the old role, as the entry comes after it.
        at: Date.now(),
        data: { inviteId: invite.id, name: invite.name, from: invite.role, to: role },
      },
    }),
  );
  const changed = { ...invite, role };
  deps.syncServer.invitesChanged(invite.boardId, changed);
  return changed;
}
