import { useEffect } from 'react';

/**
 * Asks before the page closes while something would be lost: changes not yet stored by the
 * server (a flag), or text typed and not saved in a dialog (asked when the page closes, since
 * the forms know it and typing re-renders nothing here).
 */
export function useUnsavedPrompt(unsaved: boolean | (() => boolean)): void {
  useEffect(() => {
    if (unsaved === false) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (typeof unsaved === 'function' && !unsaved()) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}
