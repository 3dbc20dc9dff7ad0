/**
 * A non-modal panel beside the board (the article view, the activity feed): a region named
 * by its heading, which takes focus when the panel opens; Escape and the Close button call
 * onClose, and the opener takes focus back (usePopup). One component so both panels open,
 * name themselves and close the same way.
 *
 * One at a time: the panels share the page's right edge, and one opened over another hid the
 * other's controls while they stayed in the tab order (a Close button focused under a panel).
 * Opening a panel dismisses the open one, without sending focus back to its opener: the new
 * panel takes it.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';

/** The open panel's onDismiss; the page has one board and one side of it. */
let dismissOpen: { readonly dismiss: () => void } | null = null;

export function SidePanel({
  title,
  closeLabel,
  className,
  onClose,
  onDismiss,
  children,
}: {
  title: string;
  /** The Close button's text, naming the panel. */
  closeLabel: string;
  className: string;
  onClose: () => void;
  /** Closes the panel without returning focus, when another panel opens. */
  onDismiss: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    dismissOpen?.dismiss();
    const mine = { dismiss: () => dismissRef.current() };
    dismissOpen = mine;
    // The board makes room for the panel on a wide screen (styles.css, .panel-open), so no
    // control of the board stays in the tab order under it.
    const root = document.documentElement;
    root.style.setProperty('--open-panel', `${sectionRef.current?.offsetWidth ?? 0}px`);
    root.classList.add('panel-open');
    return () => {
      if (dismissOpen !== mine) return; // the next panel has taken the page's edge
      dismissOpen = null;
      root.classList.remove('panel-open');
    };
  }, []);

  return (
    <section
      ref={sectionRef}
      className={`side-panel ${className}`}
      aria-labelledby={`${id}-heading`}
      onKeyDown={(e) => {
        // A control inside that handles Escape itself (a form, a menu) prevents the default.
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="side-panel-head">
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="button small" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {children}
    </section>
  );
}
