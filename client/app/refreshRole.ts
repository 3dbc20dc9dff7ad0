/**
 * The role this browser's invite for a board has now, and which lead gave it when. A lead may change it in place (the token
 * keeps its old role claim), so the board page asks the server, which reads the stored invite
 * (GET /api/boards/:id): when the page opens, and when the server closes its connection because
 * the role changed (4205).
 */
import { isRole } from '../../shared/roles';
import { ApiError, call } from './api';
import { getKnownBoard, updateKnownBoard } from './knownBoards';

/** How long after a 507 (the server's disk is full) the role is asked for again. */
const STORAGE_FULL_RETRY_MS = 15_000;
/** The board and token pairs with such a retry waiting: one each, however often the page asks. */
const retrying = new Set<string>();

/**
 * Asks the server for the role and remembers it for this token; resolves true when it differs
 * from the one remembered (the page then redraws and reconnects with it), false when it is the
 * same or the server could not say (offline, a revoked invite: the connection says why).
 * A server whose disk is full (507 storage_full) says nothing of the invite: the page carries on
 * as it is, nothing is shown, and the role is asked for again `retryMs` later for as long as this
 * browser keeps the token, since the connection, which stays up, would not ask again (a role a
 * lead changed meanwhile came only with the next reload). Once read, the new role redraws the
 * page (BoardRoute follows knownBoards).
 */
export async function refreshRole(
  boardId: string,
  token: string,
  { retryMs = STORAGE_FULL_RETRY_MS }: { retryMs?: number } = {},
): Promise<boolean> {
  let answer: {
    role?: unknown;
    roleChangedBy?: { name?: unknown; inviteId?: unknown } | null;
    roleChangedAt?: unknown;
  };
  try {
    answer = await call(`/api/boards/${encodeURIComponent(boardId)}`, { token });
  } catch (err) {
    const key = `${boardId} ${token}`;
    if (err instanceof ApiError && err.status === 507 && !retrying.has(key)) {
      retrying.add(key);
      setTimeout(() => {
        retrying.delete(key);
        if (getKnownBoard(boardId)?.token === token) void refreshRole(boardId, token, { retryMs });
      }, retryMs);
    }
    return false;
  }
  const { role, roleChangedBy: by, roleChangedAt: at } = answer;
  const known = getKnownBoard(boardId);
  // A new invite link may have replaced this token meanwhile: its role is its own.
  if (!isRole(role) || known?.token !== token || known.role === role) return false;
  // Who gave it, for the page to name them; undefined clears an earlier change's lead.
  const roleChange =
    typeof by?.name === 'string' && typeof at === 'number'
      ? { by: by.name, at, ...(typeof by.inviteId === 'string' && { byInviteId: by.inviteId }) }
      : undefined;
  updateKnownBoard(boardId, { role, roleChange });
  return true;
}
