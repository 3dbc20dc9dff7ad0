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
 * `readAgain`: each change to a non-null value reads the list again. The board page passes the open
 * card's id, since the card dialog is where the list is used (giving a card, @mentions): a
 * colleague invited or revoked since the page opened shows there without a reload.
 */
export function useBoardMembers(
  access: KnownBoard | null,
  readAgain: string | null,
): readonly BoardMember[] {
  const [members, setMembers] = useState<readonly BoardMember[]>(NONE);
  const boardId = access?.id;
  const token = access?.token;
  const [seen, setSeen] = useState(readAgain);
  const [reads, setReads] = useState(0);
  if (readAgain !== seen) {
    setSeen(readAgain);
    if (readAgain !== null) setReads((n) => n + 1);
  }
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
  }, [boardId, token, reads]);
  return members;
}

function sameMembers(a: readonly BoardMember[], b: readonly BoardMember[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => m.id === b[i]?.id && m.name === b[i].name && m.role === b[i].role)
  );
}
