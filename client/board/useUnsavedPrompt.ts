import { useEffect } from 'react';

/** What each mounted useUnsavedPrompt says would be lost now, and whether it is typed text. */
const checks = new Set<{ readonly lost: () => boolean; readonly typed: boolean }>();

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
 * board sends them when it opens again, as after a reload.
 */
export function mayLeaveBoard(): boolean {
  const typedLost = [...checks].some((check) => check.typed && check.lost());
  return (
    !typedLost ||
    window.confirm('Leave this board? What you have typed here and not saved would be lost.')
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
 * cache. `what` says which of the two it is: "← Boards" asks about typed text only.
 */
export function useUnsavedPrompt(
  unsaved: boolean | (() => boolean),
  what: 'typed text' | 'changes' = 'typed text',
): void {
  useEffect(() => {
    if (unsaved === false) return;
    const check = {
      lost: typeof unsaved === 'function' ? unsaved : () => true,
      typed: what === 'typed text',
    };
    checks.add(check);
    if (checks.size === 1) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      checks.delete(check);
      if (checks.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [unsaved, what]);
}
