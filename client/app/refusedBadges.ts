import { CLOSE, INVITE_EXPIRED } from '../../shared/protocol/closeCodes';

/**
 * What a board's badge says once the server has refused this browser's invite for good, by the
 * close code: the role on the invite no longer holds, so the badge must not claim it. On the
 * board page (read-only, the pill says why) and on the start page (knownBoards keeps the code).
 */
export const REFUSED_BADGES: Readonly<Record<number, string>> = {
  [CLOSE.unauthorized]: 'Invite no longer valid',
  [CLOSE.unknownBoard]: 'Board deleted',
};

/** The badge of a refusal by its code and reason: an expired invite is told apart from others. */
export const refusedBadge = (code: number, reason?: string | null): string | undefined =>
  code === CLOSE.unauthorized && reason === INVITE_EXPIRED
    ? 'Invite expired'
    : REFUSED_BADGES[code];
