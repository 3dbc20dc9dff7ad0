/**
 * When this browser's invite expired, and which lead set that expiry (GET
 * /api/boards/:id/revocation, the one call the server still answers such a token): asked once
 * the server has refused the page's connection as expired (4401 "invite expired"), for the page
 * to say when and whom to ask to extend it. Null before, and when the server cannot say.
 */
import { useEffect, useState } from 'react';
import { call } from '../app/api';

export interface Expiry {
  readonly at: number;
  /** The lead who set it; null when the server could not say. */
  readonly by: string | null;
}

/** The invite's expiry and who set it; null for none, and when the server cannot say. */
async function fetchExpiry(boardId: string, token: string): Promise<Expiry | null> {
  try {
    const { expiresAt, expirySetBy } = await call<{
      expiresAt: number | null;
      expirySetBy: { name: string } | null;
    }>(`/api/boards/${encodeURIComponent(boardId)}/revocation`, { token });
    return expiresAt === null ? null : { at: expiresAt, by: expirySetBy?.name ?? null };
  } catch {
    return null;
  }
}

/**
 * The invite's expiry as the server says it, read when `read` is not false and again each time
 * it changes (a count of the board's invite changes, say); null before the first answer.
 */
export function useReadExpiry(
  boardId: string | null,
  token: string | null,
  read: number | false,
): Expiry | null {
  const [expiry, setExpiry] = useState<Expiry | null>(null);
  useEffect(() => {
    if (read === false || boardId === null || token === null) return;
    let current = true;
    void fetchExpiry(boardId, token).then((found) => {
      if (current) setExpiry(found);
    });
    return () => {
      current = false;
    };
  }, [boardId, token, read]);
  return expiry;
}

export function useExpiry(boardId: string, token: string, expired: boolean): Expiry | null {
  const expiry = useReadExpiry(boardId, token, expired ? 0 : false);
  return expired ? expiry : null;
}
