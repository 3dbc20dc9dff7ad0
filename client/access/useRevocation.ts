import { useEffect, useState } from 'react';
import { fetchRevocation, type Revocation } from './fetchRevocation';

/**
 * Who revoked the invite and when, asked once the server has refused the page's connection as
 * revoked (`revoked`); null before, and when the server cannot say.
 */
export function useRevocation(boardId: string, token: string, revoked: boolean): Revocation | null {
  const [revocation, setRevocation] = useState<Revocation | null>(null);
  useEffect(() => {
    if (!revoked) return;
    let current = true;
    void fetchRevocation(boardId, token).then((found) => {
      if (current) setRevocation(found);
    });
    return () => {
      current = false;
    };
  }, [boardId, token, revoked]);
  return revoked ? revocation : null;
}
