import { useCallback, useEffect, useRef, useState } from 'react';
import type { ToastMessage } from './Toast';

/**
 * The board page's one notice at a time (Toast): each shown and said, as the Toast is no live
 * region of its own. A notice about a card is done with once the card is open, whichever way
 * it was opened (`openId`).
 */
export function useBoardToast(announce: (text: string) => void, openId: string | null) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const seq = useRef(0);
  // The last notice's number, kept when it is dismissed: what was said last (ReadOnlyBanner's
  // refusal is said again only after something else was).
  const [said, setSaid] = useState(0);
  useEffect(() => {
    if (openId) setToast((t) => (t?.cardId === openId ? null : t));
  }, [openId]);
  /** Shows `message` and says `said` (by default its text). */
  const show = useCallback(
    (message: Omit<ToastMessage, 'seq'>, said = message.text) => {
      setToast({ ...message, seq: ++seq.current });
      setSaid(seq.current);
      announce(said);
    },
    [announce],
  );
  // Said and shown: what an undo changed is often off screen on a long board.
  const tell = useCallback((text: string) => show({ text, action: null }), [show]);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show, tell, dismiss, said };
}
