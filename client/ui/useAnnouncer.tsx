import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { dialogVoiceOver } from './dialogVoices';

/**
 * A live region for moves and other changes a screen-reader user should hear. The board's is
 * assertive because a keyboard move's position ("position 3 of 12") is stale if it waits for
 * the reader to finish; news of colleagues' changes is polite (useCardNews), as it is not an
 * answer to anything the person did. The same sentence twice in a row is still announced: the
 * text alternates a trailing invisible mark.
 *
 * While a modal dialog is open, a region outside it is not read at all: what is said then goes
 * to the dialog's own region (dialogVoices). Which region speaks is decided once the render
 * that said it is on screen, so a sentence said as a dialog closes (an article removed, a move
 * after the verdict question) is heard from the page the dialog leaves, not from the dialog on
 * its way out.
 */
export function useAnnouncer(
  live: 'assertive' | 'polite' = 'assertive',
  testId = 'announcer',
): { announce: (text: string) => void; region: React.ReactNode } {
  const [said, setSaid] = useState<{ readonly text: string } | null>(null);
  const [message, setMessage] = useState('');
  const flip = useRef(false);
  const ref = useRef<HTMLDivElement>(null);
  /** What the region was last given: a sentence said after it starts a new message. */
  const shown = useRef<object | null>(null);
  // A new object each time: the same sentence said twice is said twice. Sentences said before
  // the region shows the last one (two parts of the page with news in one render: a lost-edit
  // notice and another) are said together, not the last alone.
  const announce = useCallback(
    (text: string) =>
      setSaid((before) =>
        before && before !== shown.current ? { text: `${before.text} ${text}` } : { text },
      ),
    [],
  );
  useLayoutEffect(() => {
    if (!said) return;
    shown.current = said;
    const voice = dialogVoiceOver(ref.current);
    if (voice) {
      voice(said.text);
      return;
    }
    flip.current = !flip.current;
    setMessage(said.text + (flip.current ? '\u00a0' : ''));
  }, [said]);
  const region = (
    <div
      ref={ref}
      className="visually-hidden"
      aria-live={live}
      aria-atomic="true"
      data-testid={testId}
    >
      {message}
    </div>
  );
  return { announce, region };
}
