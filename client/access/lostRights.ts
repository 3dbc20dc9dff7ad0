/**
 * Why the board page may no longer save what a form holds, once a right it needs has gone, as
 * every form kept read-only says it (New claim, a claim edited in place, the card dialog's
 * kept text). A revoked invite is no role change: saying "your role changed" there had the
 * person wait for a right that will not come back on this page (QA15 F6).
 */
import { CLOSE, INVITE_EXPIRED } from '../../shared/protocol/closeCodes';
import type { ConnectionStatus } from '../sync/connectionStatus';
import { revokedClause } from './accessSentences';
import type { Revocation } from './fetchRevocation';

export interface LostRights {
  /** Why, as a clause: "the board’s lead revoked your invite". */
  readonly why: string;
  /** Whether this page may get the right back (a lead raises the role again). */
  readonly mayReturn: boolean;
}

/**
 * `reason`: the server's close reason ("revoked" for a revoked invite); `revocation`: who
 * revoked it and when, once the server said (useRevocation).
 */
export function lostRights(
  status: ConnectionStatus,
  reason: string | null,
  revocation: Revocation | null = null,
): LostRights {
  if (status.kind === 'reopening') {
    // The device's copy was refused: the board reopens with the invite's role, as it was.
    return { why: 'the board is being opened again', mayReturn: true };
  }
  if (status.kind !== 'refused') return { why: 'your role on the board changed', mayReturn: true };
  const why =
    status.code === CLOSE.unknownBoard
      ? 'the board was deleted'
      : status.code !== CLOSE.unauthorized
        ? 'the server refused this connection'
        : reason === INVITE_EXPIRED
          ? 'your invite expired'
          : reason === 'revoked'
            ? revocation
              ? revokedClause(revocation)
              : 'the board’s lead revoked your invite'
            : 'your invite is no longer valid';
  return { why, mayReturn: false };
}
