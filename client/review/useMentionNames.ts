/**
 * Everyone a comment can @mention, for the suggestions and for reading mentions back: the
 * board's own people (memberNames), the local user, who is online now, and the names on the
 * board's live invites (GET /api/boards/:id/members, for every member), so a colleague can be
 * mentioned before they have ever opened the board.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Role } from '../../shared/roles';
import type { BoardView } from '../../shared/board/view';
import { call } from '../app/api';
import type { KnownBoard } from '../app/knownBoards';
import type { Peer } from '../sync/presence';
import { memberNames } from './memberNames';

async function listMemberNames(boardId: string, token: string): Promise<string[]> {
  const body = await call<{ members: { name: string; role: Role }[] }>(
    `/api/boards/${encodeURIComponent(boardId)}/members`,
    { token },
  );
  return body.members.map((m) => m.name);
}

function useInvitedNames(access: KnownBoard | null): readonly string[] {
  const [names, setNames] = useState<readonly string[]>([]);
  const boardId = access?.id;
  const token = access?.token;
  useEffect(() => {
    if (!boardId || !token) return;
    let live = true;
    listMemberNames(boardId, token).then(
      (list) => {
        if (live) setNames(list);
      },
      // Suggestions then come from the board and presence alone; nothing to tell the user.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [boardId, token]);
  return names;
}

export function useMentionNames(
  board: BoardView,
  myNames: readonly string[],
  peers: readonly Peer[],
  access: KnownBoard | null,
): string[] {
  const inviteNames = useInvitedNames(access);
  // As one string, so a peer opening a card (a new peers array) does not remake the list.
  const online = useMemo(() => peers.map((p) => p.user.name).join('\n'), [peers]);
  return useMemo(
    () => memberNames(board, [...myNames, ...online.split('\n'), ...inviteNames]),
    [board, myNames, online, inviteNames],
  );
}
