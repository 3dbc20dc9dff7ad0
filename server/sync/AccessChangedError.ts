import type { Permission } from '../../shared/roles';

/**
 * A member's change refused at the moment it would be written: their invite was revoked, or
 * given a role without the permission, after the request was admitted (an article import's
 * extraction or a restore's read can take seconds, during which a lead may act).
 */
export class AccessChangedError extends Error {
  readonly code: 'revoked_token' | 'forbidden';
  constructor(
    readonly inviteId: string,
    readonly permission: Permission,
    revoked: boolean,
  ) {
    super(
      revoked
        ? 'this invite was revoked before the change could be written'
        : `this invite's role no longer allows this (${permission})`,
    );
    this.name = 'AccessChangedError';
    this.code = revoked ? 'revoked_token' : 'forbidden';
  }
}
