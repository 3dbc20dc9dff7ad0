/**
 * The role this browser's invite for a board has now, and which lead gave it when. A lead may change it in place (the token
 * keeps its old role claim), so the board page asks the server, which reads the stored invite
 * (GET /api/boards/:id): when the page opens, and when the server closes its connection because
 * the role changed (4205).
 */
import { isRole } from '../../shared/roles';
import { call } from './api';
import { getKnownBoard, updateKnownBoard } from './knownBoards';

/**
 * Asks the server for the role and remembers it for this token; resolves true when it differs
 * from the one remembered (the page then redraws and reconnects with it), false when it is the
 * same or the server could not say (offline, a revoked invite: the connection says why).
 */
export async function refreshRole(boardId: string, token: string): Promise<boolean> {
  let answer: {
    role?: unknown;
    roleChangedBy?: { name?: unknown } | null;
    roleChangedAt?: unknown;
  };
  try {
    answer = await call(`/api/boards/${encodeURIComponent(boardId)}`, { token });
  } catch {
    return false;
  }
  const { role, roleChangedBy: by, roleChangedAt: at } = answer;
  const known = getKnownBoard(boardId);
  // A new invite link may have replaced this token meanwhile: its role is its own.
  if (!isRole(role) || known?.token !== token || known.role === role) return false;
  // Who gave it, for the page to name them; undefined clears an earlier change's lead.
  const roleChange =
    typeof by?.name === 'string' && typeof at === 'number' ? { by: by.name, at } : undefined;
  updateKnownBoard(boardId, { role, roleChange });
  return true;
}
