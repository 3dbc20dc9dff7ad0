/**
 * "Keyboard shortcuts" in the board header, also opened with "?" from anywhere but a text
 * field: a dialog listing every key the board answers to (keyboardShortcuts.ts), for the
 * person's role. Focus goes back to where it was: the button, or the card "?" was pressed on.
 */
import { useEffect, useRef, useState } from 'react';
import { isTextField } from '../ui/isTextField';
import { ModalDialog } from '../ui/ModalDialog';
import type { Role } from '../../shared/roles';
import { shortcutsFor } from './keyboardShortcuts';

export function ShortcutsTool({ role }: { role: Role }) {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
      // Not over another dialog (the page behind a modal is inert anyway).
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      returnTo.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (open || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button small"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        onClick={() => {
          returnTo.current = buttonRef.current;
          setOpen(true);
        }}
      >
        Keyboard shortcuts
      </button>
      {open && (
        <ModalDialog title="Keyboard shortcuts" focus="close" onClose={() => setOpen(false)}>
          <div className="dialog-body shortcuts">
            {shortcutsFor(role).map((group) => (
              <section key={group.title}>
                <h3>{group.title}</h3>
                <dl>
                  {group.shortcuts.map((s) => (
                    <div key={s.keys + s.does}>
                      <dt>
                        <kbd>{s.keys}</kbd>
                      </dt>
                      <dd>{s.does}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </ModalDialog>
      )}
    </>
  );
}
