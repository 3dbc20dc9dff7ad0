import { useEffect, useRef, useState } from 'react';

export interface ToastMessage {
  readonly text: string;
  /** One button beside the text: Undo for a change that can be undone, Open card for a mention. */
  readonly action: { readonly label: string; readonly run: () => void } | null;
  readonly seq: number;
  /** The card the notice is about: opening it any way answers the notice. */
  readonly cardId?: string;
}

/**
 * A short notice at the bottom of the board, with at most one action. It goes after 8 s, but
 * not while the pointer or keyboard focus is on it (a keyboard user needs time to reach and
 * use its button), and focus that was on it goes back where it came from. Not a live region:
 * BoardPage announces every notice itself, and a second region would read each one twice.
 */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  /** Where focus came from when it entered the notice. */
  const cameFrom = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!toast || hovered || focused) return;
    const timer = setTimeout(onDismiss, 8000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss, hovered, focused]);
  // A notice that goes (dismissed, replaced or acted on) with focus in it hands focus back.
  useEffect(() => {
    const box = ref.current;
    return () => {
      if (box?.contains(document.activeElement) || document.activeElement === document.body) {
        if (cameFrom.current?.isConnected) cameFrom.current.focus();
      }
      cameFrom.current = null;
      setFocused(box?.contains(document.activeElement) ?? false);
    };
  }, [toast]);
  // The pointer stays on a notice replaced by another; one that is gone has none on it.
  if (!toast && hovered) setHovered(false);
  if (!toast) return null;
  return (
    <div
      className="toast"
      role="group"
      aria-label="Notice"
      ref={ref}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) {
          cameFrom.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
        }
        setFocused(true);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
      }}
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            // Dismissed first: the action may put up a notice of its own ("Undone: …").
            onDismiss();
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="button small icon" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
