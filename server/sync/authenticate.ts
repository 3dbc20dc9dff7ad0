/**
 * The checks before a socket joins a board, in the contract's order (DESIGN §4), as REST's
 * (server/http/auth.ts): the token (signature and expiry, then its invite, if stored, is this
 * board's, not revoked and not expired) → 4401; the token names this board → 4403; the board exists → 4404
 * (a deleted board's invites went with it); its invite exists → 4401. Someone without a token
 * this server signed learns nothing about which boards exist.
 */
import { CLOSE, type CloseCode, INVITE_EXPIRED } from '../../shared/protocol/closeCodes';
import type { TokenSigner } from '../auth/tokens';
import type { InviteRecord, Storage } from '../storage/Storage';

export type Admission =
  | { readonly ok: true; readonly invite: InviteRecord }
  | { readonly ok: false; readonly code: CloseCode; readonly reason: string };

export async function authenticate(
  deps: { readonly storage: Storage; readonly signer: TokenSigner; readonly now: () => number },
  boardId: string,
  token: string,
): Promise<Admission> {
  const claims = deps.signer.verify(token, deps.now());
  if (!claims) return { ok: false, code: CLOSE.unauthorized, reason: 'invalid token' };
  const invite = await deps.storage.getInvite(claims.inviteId);
  if (invite && invite.boardId !== claims.boardId) {
    return { ok: false, code: CLOSE.unauthorized, reason: 'invalid token' };
  }
  if (invite && invite.revokedAt !== null) {
    return { ok: false, code: CLOSE.unauthorized, reason: 'revoked' };
  }
  // The stored invite's expiry, which a lead may extend or end (the token's own `exp` is null).
  if (invite && invite.expiresAt !== null && invite.expiresAt <= deps.now()) {
    return { ok: false, code: CLOSE.unauthorized, reason: INVITE_EXPIRED };
  }
  if (claims.boardId !== boardId) {
    return { ok: false, code: CLOSE.forbidden, reason: 'token is for another board' };
  }
  // A deleted board took its invites with it: its tokens, signed here, are told it is gone.
  if (!(await deps.storage.getBoard(boardId))) {
    return { ok: false, code: CLOSE.unknownBoard, reason: 'unknown board' };
  }
  // A correctly signed token whose invite was never stored is as good as revoked.
  if (!invite) return { ok: false, code: CLOSE.unauthorized, reason: 'invalid token' };
  return { ok: true, invite };
}
