/**
 * Reads the claims of the user's own invite token (signed, not encrypted: see
 * server/auth/tokens.ts). The client only uses them to know its board, name and invite id, and
 * its role until the server says otherwise: the role claim is the one the invite was issued
 * with, and a lead may change it in place (refreshRole reads the stored one). The server checks
 * the signature on every request and connection and takes the role from the stored invite.
 */
import { isRole, type Role } from '../../shared/roles';
import { toWellFormed } from '../../shared/wellFormed';

export interface InviteClaims {
  readonly boardId: string;
  readonly inviteId: string;
  readonly role: Role;
  readonly name: string;
  readonly exp: number | null;
}

function base64UrlDecode(text: string): string {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The claims of a well-formed token, or null. */
export function readClaims(token: string): InviteClaims | null {
  const payload = token.split('.')[0];
  if (!payload) return null;
  try {
    const c = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    if (typeof c.boardId !== 'string' || typeof c.inviteId !== 'string' || !isRole(c.role)) {
      return null;
    }
    return {
      boardId: c.boardId,
      inviteId: c.inviteId,
      role: c.role,
      // Well-formed as the board holds it: an invite made before 5 December 2026 may carry a
      // lone surrogate, which its writes reach everyone with as U+FFFD (shared/wellFormed).
      name: typeof c.name === 'string' ? toWellFormed(c.name) : '',
      exp: typeof c.exp === 'number' ? c.exp : null,
    };
  } catch {
    return null;
  }
}
