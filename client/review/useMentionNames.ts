/**
 * Everyone a comment can @mention, for the suggestions and for reading mentions back: the
 * board's own people (memberNames), the local user, who is online now, and, for a lead, the
 * names on the board's live invites (only leads may list invites, so other members know people
 * once they have been online or done something on the board).
 */
import { useEffect, useMemo, useState } from 'react';
import type { BoardView } from '../../shared/board/view';
import type { KnownBoard } from '../app/knownBoards';
import { listInvites } from '../invites/invitesApi';
import type { Peer } from '../sync/presence';
import { memberNames } from './memberNames';

function useInviteNames(access: KnownBoard | null): readonly string[] {
  const [names, setNames] = useState<readonly string[]>([]);
  const lead = access?.role === 'lead';
  const boardId = access?.id;
  const token = access?.token;
  useEffect(() => {
    if (!lead || !boardId || !token) return;
    let live = true;
    listInvites(boardId, token).then(
      (invites) => {
        if (live) setNames(invites.filter((i) => i.revokedAt === null).map((i) => i.name));
      },
      // Suggestions then come from the board and presence alone; nothing to tell the user.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lead, boardId, token]);
  return names;
}

export function useMentionNames(
  board: BoardView,
  myNames: readonly string[],
  peers: readonly Peer[],
  access: KnownBoard | null,
): string[] {
  const inviteNames = useInviteNames(access);
  // As one string, so a peer opening a card (a new peers array) does not remake the list.
  const online = useMemo(() => peers.map((p) => p.user.name).join('\n'), [peers]);
  return useMemo(
    () => memberNames(board, [...myNames, ...online.split('\n'), ...inviteNames]),
    [board, myNames, online, inviteNames],
  );
}
