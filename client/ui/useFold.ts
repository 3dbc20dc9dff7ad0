/**
 * A panel folded behind a button (FoldToggle) where the screen is small: whether it is open,
 * the id the button's aria-controls names, and Escape in it folding it with focus back on the
 * button. The CSS decides where it folds (the button shows only there, the panel shows whole
 * elsewhere); one hook so that every fold of the page names what it folds, and gives focus
 * back, the same way.
 */
import { type KeyboardEvent, type RefObject, useId, useRef, useState } from 'react';

export interface Fold {
  readonly open: boolean;
  readonly setOpen: (open: boolean) => void;
  /** The panel's id, which the button's aria-controls names. */
  readonly panelId: string;
  readonly toggleRef: RefObject<HTMLButtonElement | null>;
  /** The panel's id, and its class with `open` while unfolded (folded, the CSS hides it). */
  readonly panel: (className: string) => { id: string; className: string };
  /**
   * A keydown handler for the panel, or for a box holding the panel and its button: Escape
   * folds it and focus goes back to the button. Only where it folds (the button shows):
   * elsewhere Escape is not the panel's. Not an Escape a control of the panel took first
   * (default prevented), nor one from a dialog (its own) or from a portal (a side panel opened
   * from it), whose events come through React's tree.
   */
  readonly foldOnEscape: (e: KeyboardEvent) => void;
}

/** `initial`: whether it starts unfolded (New claim, with typed text back to show). */
export function useFold(initial = false): Fold {
  const [open, setOpen] = useState(initial);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  return {
    open,
    setOpen,
    panelId,
    toggleRef,
    panel: (className) => ({ id: panelId, className: open ? `${className} open` : className }),
    foldOnEscape: (e) => {
      if (e.key !== 'Escape' || !open || e.defaultPrevented) return;
      const target = e.target as Element;
      if (!e.currentTarget.contains(target) || target.closest('dialog')) return;
      const toggle = toggleRef.current;
      if (!toggle?.checkVisibility()) return;
      e.preventDefault();
      setOpen(false);
      toggle.focus();
    },
  };
}
