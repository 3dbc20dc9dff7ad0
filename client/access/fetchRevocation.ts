/**
 * Who revoked this browser's invite, and when (GET /api/boards/:id/revocation): the one call
 * the server still answers a revoked token, for the refused page to name the lead.
 */
import { call } from '../app/api';

export interface Revocation {
  readonly at: number;
  /** The lead's name; null for an invite revoked before the server kept who did it. */
  readonly by: string | null;
}

/** Null while the invite is not revoked, or when the server cannot say (offline, board gone). */
export async function fetchRevocation(boardId: string, token: string): Promise<Revocation | null> {
  try {
    const { revokedAt, revokedBy } = await call<{
      revokedAt: number | null;
      revokedBy: { name: string } | null;
    }>(`/api/boards/${encodeURIComponent(boardId)}/revocation`, { token });
    return revokedAt === null ? null : { at: revokedAt, by: revokedBy?.name ?? null };
  } catch {
    return null;
  }
}
