/**
 * A non-modal panel beside the board (the article view, the activity feed): a region named
 * by its heading, which takes focus when the panel opens; Escape and the Close button call
 * onClose, and the opener takes focus back (usePopup). One component so both panels open,
 * name themselves and close the same way.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';

export function SidePanel({
  title,
  closeLabel,
  className,
  onClose,
  children,
}: {
  title: string;
  /** The Close button's text, naming the panel: two panels may be open at once. */
  closeLabel: string;
  className: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section
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
