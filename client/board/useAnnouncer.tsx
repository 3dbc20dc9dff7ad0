import { useCallback, useRef, useState } from 'react';

/**
 * A live region for moves and other changes a screen-reader user should hear. The board's is
 * assertive because a keyboard move's position ("position 3 of 12") is stale if it waits for
 * the reader to finish; news of colleagues' changes is polite (useCardNews), as it is not an
 * answer to anything the person did. The same sentence twice in a row is still announced: the
 * text alternates a trailing invisible mark.
 */
export function useAnnouncer(
  live: 'assertive' | 'polite' = 'assertive',
  testId = 'announcer',
): { announce: (text: string) => void; region: React.ReactNode } {
  const [message, setMessage] = useState('');
  const flip = useRef(false);
  const announce = useCallback((text: string) => {
    flip.current = !flip.current;
    setMessage(text + (flip.current ? '\u00a0' : ''));
  }, []);
  const region = (
    <div className="visually-hidden" aria-live={live} aria-atomic="true" data-testid={testId}>
      {message}
    </div>
  );
  return { announce, region };
}
