import { useEffect } from 'react';

/** What each mounted useUnsavedPrompt says would be lost now. */
const checks = new Set<() => boolean>();

/**
 * Whether leaving the board page now would lose something: changes not yet stored by the
 * server, or text typed and not saved. Asked when the page closes, and before a new invite
 * link opened in this tab starts the board page again (acceptInvite).
 */
export function somethingUnsaved(): boolean {
  for (const check of checks) if (check()) return true;
  return false;
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
 * cache.
 */
export function useUnsavedPrompt(unsaved: boolean | (() => boolean)): void {
  useEffect(() => {
    if (unsaved === false) return;
    const check = typeof unsaved === 'function' ? unsaved : () => true;
    checks.add(check);
    if (checks.size === 1) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      checks.delete(check);
      if (checks.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [unsaved]);
}
