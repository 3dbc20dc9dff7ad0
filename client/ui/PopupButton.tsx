/**
 * A header tool's button that opens one of usePopup's popups, and takes focus back when the
 * popup closes: a modal dialog (`aria-haspopup`) opens on each press; a side panel
 * (`aria-expanded`) opens and closes with it. One component so that every header tool names
 * what it opens, and opens it, the same way.
 */
import type { ReactNode } from 'react';
import type { Popup } from './usePopup';

export function PopupButton<K extends string>({
  popup,
  name,
  opens,
  children,
}: {
  popup: Popup<K>;
  /** The popup it opens. */
  name: K;
  opens: 'dialog' | 'panel';
  children: ReactNode;
}) {
  const panelOpen = opens === 'panel' && popup.open === name;
  return (
    <button
      ref={popup.opener(name)}
      type="button"
      className="button small"
      aria-haspopup={opens === 'dialog' ? 'dialog' : undefined}
      aria-expanded={opens === 'panel' ? panelOpen : undefined}
      onClick={() => (panelOpen ? popup.close() : popup.show(name))}
    >
      {children}
    </button>
  );
}
