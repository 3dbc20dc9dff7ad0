/**
 * The button a panel folds behind (useFold): says whether the panel is open and which it is
 * (aria-expanded, aria-controls), and opens or folds it. Shown only where the panel folds: its
 * CSS class hides it elsewhere.
 */
import type { ReactNode, RefObject } from 'react';
import type { Fold } from './useFold';

export function FoldToggle({
  fold,
  className,
  unfoldInto,
  children,
}: {
  fold: Fold;
  /** The class that shows the button where its panel folds. */
  className: string;
  /** Where focus goes as the panel opens (New claim's box), once the panel shows. */
  unfoldInto?: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  return (
    <button
      ref={fold.toggleRef}
      type="button"
      className={`button small ${className}`}
      aria-expanded={fold.open}
      aria-controls={fold.panelId}
      onClick={() => {
        fold.setOpen(!fold.open);
        // Shown once this render is painted: focus waits a frame for it.
        if (!fold.open && unfoldInto) requestAnimationFrame(() => unfoldInto.current?.focus());
      }}
    >
      {children}
    </button>
  );
}
