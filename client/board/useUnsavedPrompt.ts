import { useEffect } from 'react';
import { matchRoute } from '../app/router';
import { boardForgotten, storageBlocked } from '../sync/storageRefused';

/**
 * What may be lost: text typed and not saved, changes the server has not stored yet, or such
 * changes where this browser keeps no copy on the device (site storage blocked, or the
 * board's database would not open).
 */
type Unsaved = 'typed text' | 'changes' | 'changes kept only here';

/** What each mounted useUnsavedPrompt says would be lost now, and which it is. */
const checks = new Set<{ readonly lost: () => boolean; readonly what: Unsaved }>();

/**
 * Whether leaving the board page now would lose something: changes not yet stored by the
 * server, or text typed and not saved. Asked when the page closes, and before a new invite
 * link opened in this tab starts the board page again (acceptInvite).
 */
export function somethingUnsaved(): boolean {
  for (const check of checks) if (check.lost()) return true;
  return false;
}

/**
 * Whether "← Boards" may leave the board page: at once while no typed text would be lost, else
 * once the person says so. Leaving inside the app closes no page, so the browser asks nothing
 * (QA50c: a claim typed in New claim was dropped without a word on the way to the list).
 * Changes not yet stored by the server are not asked about: IndexedDB keeps them, and the
 * board sends them when it opens again, as after a reload. Where there is no such copy (site
 * storage blocked) they are: leaving closes the board's connection, and them with it.
 */
export function mayLeaveBoard(): boolean {
  const lost = new Set(
    [...checks].filter((c) => c.what !== 'changes' && c.lost()).map((c) => c.what),
  );
  if (lost.size === 0) return true;
  const typed = 'What you have typed here and not saved would be lost.';
  if (!lost.has('changes kept only here')) return window.confirm(`Leave this board? ${typed}`);
  // As the board's line says it (DeviceStorageLine): where only IndexedDB failed, the list,
  // the invite and the notices are kept; only the board's copy is not.
  const route = matchRoute(window.location.pathname);
  const forgotten = route?.page === 'board' && boardForgotten(route.boardId);
  const why =
    storageBlocked() || forgotten
      ? 'this browser keeps nothing on this device'
      : 'this browser keeps no copy of this board on this device (its database would not open)';
  return window.confirm(
    `Leave this board? Changes not yet saved on the server would be lost: ${why}.` +
      (lost.has('typed text') ? ` ${typed}` : ''),
  );
}

function onBeforeUnload(e: BeforeUnloadEvent) {
  if (!somethingUnsaved()) return;
  e.preventDefault();
  // Older browsers show the prompt only when returnValue is set.
  e.returnValue = '';
}

/**
 * Asks before the page closes while something would be lost: changes not yet stored by the
 * server (a flag), or text typed and not saved in a dialog (a function, asked when the page
 * closes, since the forms know it and typing re-renders nothing here). The page listens for
 * closing only while some check is mounted: a listener alone keeps it out of the back/forward
 * cache. `what` says which it is: "← Boards" asks about typed text, and about changes only
 * where no copy on the device keeps them.
 */
export function useUnsavedPrompt(
  unsaved: boolean | (() => boolean),
  what: Unsaved = 'typed text',
): void {
  useEffect(() => {
    if (unsaved === false) return;
    const check = { lost: typeof unsaved === 'function' ? unsaved : () => true, what };
    checks.add(check);
    if (checks.size === 1) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      checks.delete(check);
      if (checks.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [unsaved, what]);
}
