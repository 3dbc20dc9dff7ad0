import { useCallback, useRef, useState } from 'react';

/**
 * An assertive live region for moves and other changes a screen-reader user should hear:
 * assertive because a keyboard move's position ("position 3 of 12") is stale if it waits for
 * the reader to finish. The same sentence twice in a row is still announced: the text
 * alternates a trailing invisible mark.
 */
export function useAnnouncer(): { announce: (text: string) => void; region: React.ReactNode } {
  const [message, setMessage] = useState('');
  const flip = useRef(false);
  const announce = useCallback((text: string) => {
    flip.current = !flip.current;
    setMessage(text + (flip.current ? '\u00a0' : ''));
  }, []);
  const region = (
    <div
      className="visually-hidden"
      aria-live="assertive"
      aria-atomic="true"
      data-testid="announcer"
    >
      {message}
    </div>
  );
  return { announce, region };
}
