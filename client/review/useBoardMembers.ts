/**
 * The board's people as its live invites name them (GET /api/boards/:id/members, for every
 * member): @mentions suggest them before they have ever been online, and editors give a card
 * to one of them to check. The id is the one the board records as theirs once they join.
 */
import { useEffect, useState } from 'react';
import type { Role } from '../../shared/roles';
import { call } from '../app/api';
import type { KnownBoard } from '../app/knownBoards';

export interface BoardMember {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

const NONE: readonly BoardMember[] = Object.freeze([]);

export function useBoardMembers(access: KnownBoard | null): readonly BoardMember[] {
  const [members, setMembers] = useState<readonly BoardMember[]>(NONE);
  const boardId = access?.id;
  const token = access?.token;
  useEffect(() => {
    if (!boardId || !token) return;
    let live = true;
    call<{ members: BoardMember[] }>(`/api/boards/${encodeURIComponent(boardId)}/members`, {
      token,
    }).then(
      (body) => {
        if (live) setMembers(body.members);
      },
      // Mentions then come from the board and presence alone, and a card can still be taken
      // by whoever opens it: nothing to tell the user.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [boardId, token]);
  return members;
}
