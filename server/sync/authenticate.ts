/**
 * The checks before a socket joins a board, in the contract's order (DESIGN §4): the token
 * (signature and expiry, then its invite exists and is not revoked) → 4401; the token names
 * this board → 4403; the board exists → 4404. Someone without a valid token learns nothing
 * about which boards exist.
 */
import { CLOSE, type CloseCode } from '../../shared/protocol/closeCodes';
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
  if (!invite || invite.boardId !== claims.boardId) {
    return { ok: false, code: CLOSE.unauthorized, reason: 'invalid token' };
  }
  if (invite.revokedAt !== null) return { ok: false, code: CLOSE.unauthorized, reason: 'revoked' };
  if (claims.boardId !== boardId) {
    return { ok: false, code: CLOSE.forbidden, reason: 'token is for another board' };
  }
  if (!(await deps.storage.getBoard(boardId))) {
    return { ok: false, code: CLOSE.unknownBoard, reason: 'unknown board' };
  }
  return { ok: true, invite };
}
