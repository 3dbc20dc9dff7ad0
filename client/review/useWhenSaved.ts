/**
 * A wait for the server to have stored every change made on this page (the status pill's "All
 * changes saved"; BoardSnapshot.unsaved), for reads of the board's history that must find this
 * person's own changes there: the server records a change's history when it stores it, and
 * acknowledges it only after. A change made offline reaches it when the connection returns,
 * possibly after a colleague's change that arrived on the same reconnection was read.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useWhenSaved(allSaved: boolean): () => Promise<void> {
  const saved = useRef(allSaved);
  saved.current = allSaved;
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (allSaved) for (const go of waiting.current.splice(0)) go();
  }, [allSaved]);
  return useCallback(
    () =>
      saved.current
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.current.push(resolve)),
    [],
  );
}
