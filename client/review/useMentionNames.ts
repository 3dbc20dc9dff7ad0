/**
 * Everyone a comment can @mention, for the suggestions and for reading mentions back: the
 * board's own people (memberNames), the local user, who is online now, and the names on the
 * board's live invites (useBoardMembers), so a colleague can be mentioned before they have ever
 * opened the board.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoardView } from '../../shared/board/view';
import type { KnownBoard } from '../app/knownBoards';
import type { ChangedCards } from '../board/changedCards';
import type { Peer } from '../sync/presence';
import type { BoardMember } from './useBoardMembers';
import { MemberNameIndex } from './memberNames';
import type { MentionNames } from './threadsAwaitingMe';

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
  members: readonly BoardMember[],
  /** Which cards changed between two boards (BoardConnection.changedCards). */
  changedCards: ChangedCards,
): MentionNames {
  const inviteNames = useMemo(() => members.map((m) => m.name), [members]);
  const inviteName = access?.inviteName ?? '';
  const myNames = useMemo(() => [myName, inviteName].filter(Boolean), [myName, inviteName]);
  // As one string, so a peer opening a card (a new peers array) does not remake the list.
  const online = useMemo(() => peers.map((p) => p.user.name).join('\n'), [peers]);
  // Read in an effect, not during render: the first read of a 10,000-card board takes about
  // 30 ms, and only mentions need it. That is no promise of "after the paint": a render from the
  // board's store is a sync update, whose effects React runs before the browser paints. Later
  // reads take the changed cards only (0.35 ms a change), which changedCards names.
  const index = useRef<MemberNameIndex | null>(null);
  const [onBoard, setOnBoard] = useState<readonly string[]>([]);
  useEffect(() => {
    index.current ??= new MemberNameIndex();
    setOnBoard(index.current.read(board, changedCards));
  }, [board, changedCards]);
  const names = useMemo(() => {
    const all = new Set(onBoard);
    for (const name of [...myNames, ...online.split('\n'), ...inviteNames]) {
      if (name.trim()) all.add(name.trim());
    }
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [onBoard, myNames, online, inviteNames]);
  return useMemo(() => ({ names, myNames }), [names, myNames]);
}
