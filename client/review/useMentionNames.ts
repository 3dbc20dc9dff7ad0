/**
 * Everyone a comment can @mention, for the suggestions and for reading mentions back: the
 * board's own people (memberNames), the local user, who is online now, and the names on the
 * board's live invites (GET /api/boards/:id/members, for every member), so a colleague can be
 * mentioned before they have ever opened the board.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../../shared/roles';
import type { BoardView } from '../../shared/board/view';
import { call } from '../app/api';
import type { KnownBoard } from '../app/knownBoards';
import type { Peer } from '../sync/presence';
import { MemberNameIndex } from './memberNames';
import type { MentionNames } from './threadsAwaitingMe';

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

/**
 * The names mentions match, and the local user's own, for the whole board page: the card
 * detail reads mentions with them, and the board counts the threads that wait for this person.
 * The same object while the names stay the same, so what is computed from it is kept too.
 */
export function useMentionNames(
  board: BoardView,
  myName: string,
  peers: readonly Peer[],
  access: KnownBoard | null,
): MentionNames {
  const inviteNames = useInvitedNames(access);
  const inviteName = access?.inviteName ?? '';
  const myNames = useMemo(() => [myName, inviteName].filter(Boolean), [myName, inviteName]);
  // As one string, so a peer opening a card (a new peers array) does not remake the list.
  const online = useMemo(() => peers.map((p) => p.user.name).join('\n'), [peers]);
  // Read after the board is painted: the first read of a 10,000-card board takes about 30 ms,
  // and only mentions need it. Later reads take the changed cards only (0.35 ms a change).
  const index = useRef<MemberNameIndex | null>(null);
  const [onBoard, setOnBoard] = useState<readonly string[]>([]);
  useEffect(() => {
    index.current ??= new MemberNameIndex();
    setOnBoard(index.current.read(board));
  }, [board]);
  const names = useMemo(() => {
    const all = new Set(onBoard);
    for (const name of [...myNames, ...online.split('\n'), ...inviteNames]) {
      if (name.trim()) all.add(name.trim());
    }
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [onBoard, myNames, online, inviteNames]);
  return useMemo(() => ({ names, myNames }), [names, myNames]);
}
