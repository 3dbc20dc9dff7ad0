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

/**
 * `invitesChanged` (BoardSnapshot.invitesChanged): each move reads the list again, so a colleague
 * invited, revoked, given another role or joined since the page opened is offered (or no
 * longer offered) in Give card and @mentions at once, also in a card dialog already open.
 */
export function useBoardMembers(
  access: KnownBoard | null,
  invitesChanged: number,
): readonly BoardMember[] {
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
        // The same list keeps its identity, so the mention names built on it are kept too.
        if (live) setMembers((had) => (sameMembers(had, body.members) ? had : body.members));
      },
      // Mentions then come from the board and presence alone, and a card can still be taken
      // by whoever opens it: nothing to tell the user.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [boardId, token, invitesChanged]);
  return members;
}

function sameMembers(a: readonly BoardMember[], b: readonly BoardMember[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => m.id === b[i]?.id && m.name === b[i].name && m.role === b[i].role)
  );
}
