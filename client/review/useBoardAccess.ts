/**
 * The open board's id, the member's token and role, for the review features that call REST
 * (history, invites) from inside the board page: the board page's route names the board, and
 * this browser's known boards hold its invite (client/app/knownBoards).
 */
import { useMemo } from 'react';
import { getKnownBoard, type KnownBoard } from '../app/knownBoards';
import { matchRoute, usePathname } from '../app/router';

export function useBoardAccess(): KnownBoard | null {
  const pathname = usePathname();
  return useMemo(() => {
    const route = matchRoute(pathname);
    return route?.page === 'board' ? getKnownBoard(route.boardId) : null;
  }, [pathname]);
}
