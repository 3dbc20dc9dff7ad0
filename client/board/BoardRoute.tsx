import { useEffect, useRef, useSyncExternalStore } from 'react';
import { inviteLinkDamaged } from '../app/acceptInvite';
import {
  getDisplayName,
  getKnownBoard,
  type KnownBoard,
  subscribeKnownBoards,
} from '../app/knownBoards';
import { readClaims } from '../app/tokenClaims';
import { toWellFormed } from '../../shared/wellFormed';
import { noteForgotten } from '../sync/storageRefused';
import { BoardPage } from './BoardPage';

/** `/b/<id>`: the board, if this browser holds an invite for it. */
export function BoardRoute({ boardId }: { boardId: string }) {
  // The token, not the record, is what a new invite link changes (main.tsx takes it from the
  // address on hashchange): a new one gives BoardPage a new key, so a page the server refused
  // opens the board with the new invite at once instead of at the next reload.
  const token = useSyncExternalStore(subscribeKnownBoards, () => getKnownBoard(boardId)?.token);
  // A new role (a lead changed it; refreshRole) redraws the same page: its controls follow it.
  const role = useSyncExternalStore(subscribeKnownBoards, () => getKnownBoard(boardId)?.role);
  const live = token === undefined || role === undefined ? null : getKnownBoard(boardId);
  // Only Forget (the start page) takes a board out of the list: gone while this page shows it,
  // it was forgotten in another tab. The page goes on showing it, from the server, and keeps
  // nothing of it on the device (noteForgotten); an invite link opened again remembers it.
  const shown = useRef<KnownBoard | null>(null);
  if (live) shown.current = live;
  const forgotten = !live && shown.current?.id === boardId;
  const known = live ?? (forgotten ? shown.current : null);
  useEffect(() => noteForgotten(boardId, forgotten), [boardId, forgotten]);
  if (!known) {
    const damaged = inviteLinkDamaged();
    return (
      <main className="page page-narrow" id="main">
        <h1>{damaged ? 'This invite link is damaged' : 'You need an invite to open this board'}</h1>
        <p>
          {damaged
            ? 'Part of the link is missing or changed (a mail program may have cut it short). Ask the board’s lead to send it again, or copy the whole link, then open it in this browser.'
            : 'Ask the board’s lead for an invite link, then open it in this browser. It remembers the boards you have joined.'}
        </p>
        <p>
          <a href="/">Go to your boards</a>
        </p>
      </main>
    );
  }
  // The invite's name first: the server shows this person's presence under it and records
  // their changes against it, and takes comments only in it, so their comments and edits carry
  // the same name (a board remembered before the name was kept reads it from its token). The
  // browser's own name (asked on the start page) is the last resort. Well-formed, as the board
  // holds names: a board remembered from an old invite's token may keep a lone surrogate.
  const name = toWellFormed(
    known.inviteName || readClaims(known.token)?.name || getDisplayName() || 'Anonymous',
  );
  return <BoardPage key={`${known.id}:${known.token}`} known={known} name={name} />;
}
