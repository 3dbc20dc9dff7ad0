/**
 * A room's board's invites, as the write policy judges who may be given a card: loaded with
 * the board, and told of every invite made, revoked, given another role or another expiry once
 * that is stored (SyncServer.invitesChanged), so a write that names an invite made a moment ago,
 * or a role changed a moment ago, is judged by it. An invite past its expiry is not live, as a
 * revoked one is not, until a lead extends it. Nothing here is read from storage while a write
 * waits.
 */
import type { Actor } from '../../shared/board/actor';
import { can, type Permission } from '../../shared/roles';
import type { InviteRecord } from '../storage/Storage';

type Known = Pick<InviteRecord, 'name' | 'role' | 'revokedAt' | 'expiresAt'>;

export class BoardInvites {
  private readonly byId = new Map<string, Known>();
  /** Invites told of since the room began, newer than what the load listed. */
  private readonly told = new Set<string>();

  constructor(
    private readonly boardId: string,
    /** The clock an expiry is judged by (the room's). */
    private readonly now: () => number = Date.now,
  ) {}

  /** The invites storage listed as the room loaded; one told of meanwhile is newer, and kept. */
  load(invites: readonly InviteRecord[]): void {
    for (const invite of invites) if (!this.told.has(invite.id)) this.keep(invite);
  }

  /** An invite as it is now stored: made, revoked, given another role or another expiry. */
  set(invite: InviteRecord): void {
    if (invite.boardId !== this.boardId) return;
    this.told.add(invite.id);
    this.keep(invite);
  }

  /**
   * Whether an actor value ({id, name}) names a live invite of this board, by its id and its
   * own name, whose role may edit cards: the colleagues a card may be given to (README).
   */
  mayCheckCards(value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const { id, name } = value as { id?: unknown; name?: unknown };
    return typeof id === 'string' && this.byId.get(id)?.name === name && this.may(id, 'editBoard');
  }

  /** Whether the invite is live (neither revoked nor expired) and its role has the permission. */
  may(inviteId: string, permission: Permission): boolean {
    const invite = this.byId.get(inviteId);
    return (
      invite !== undefined &&
      invite.revokedAt === null &&
      (invite.expiresAt === null || invite.expiresAt > this.now()) &&
      can(invite.role, permission)
    );
  }

  /** The invite as an actor ({id, name}), if the board has it. */
  actor(inviteId: string): Actor | null {
    const name = this.byId.get(inviteId)?.name;
    return name === undefined ? null : { id: inviteId, name };
  }

  /** Whether the invite is known to have been revoked. */
  revoked(inviteId: string): boolean {
    return (this.byId.get(inviteId)?.revokedAt ?? null) !== null;
  }

  private keep(invite: InviteRecord): void {
    // A revocation is for good (storage keeps the first): a role change told after it, read
    // before it, does not bring the invite back. An expiry is as last told: a lead may extend it.
    const revokedAt = this.byId.get(invite.id)?.revokedAt ?? invite.revokedAt;
    const { name, role, expiresAt } = invite;
    this.byId.set(invite.id, { name, role, revokedAt, expiresAt });
  }
}
