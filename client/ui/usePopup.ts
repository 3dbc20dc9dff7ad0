/**
 * Which of a header's popups (a modal dialog or a side panel) is open, and focus back to the
 * button that opened it once it closes. One hook so every header tool returns focus the same
 * way: after the popup is gone, because while a modal dialog is open the page is inert and
 * the opener cannot take focus.
 */
import { useEffect, useRef, useState } from 'react';

export interface Popup<K extends string> {
  readonly open: K | null;
  readonly show: (key: K) => void;
  readonly close: () => void;
  /** Closes without returning focus: for a popup that hands focus on to another one. */
  readonly dismiss: () => void;
  /** The ref of the button that opens `key`: focus returns to it when `key` closes. */
  readonly opener: (key: K) => (button: HTMLButtonElement | null) => void;
  /** The button that opens `key`, while it is on the page. */
  readonly openerOf: (key: K) => HTMLButtonElement | null;
}

/**
 * `available`: whether the popups' buttons are there (a role may lose them). A popup whose
 * button goes closes with it: were its state kept, it would open again by itself (a fresh
 * "Delete board…" question included) once a lead made the person a lead again.
 */
export function usePopup<K extends string>(available = true): Popup<K> {
  const [open, setOpen] = useState<K | null>(null);
  if (!available && open !== null) setOpen(null);
  const openers = useRef(new Map<K, HTMLButtonElement>());
  const returnTo = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (open !== null || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [open]);

  return {
    open,
    show: (key: K) => setOpen(key),
    close: () => {
      returnTo.current = open ? (openers.current.get(open) ?? null) : null;
      setOpen(null);
    },
    dismiss: () => setOpen(null),
    opener: (key: K) => (button: HTMLButtonElement | null) => {
      if (button) openers.current.set(key, button);
      else openers.current.delete(key);
    },
    openerOf: (key: K) => openers.current.get(key) ?? null,
  };
}
