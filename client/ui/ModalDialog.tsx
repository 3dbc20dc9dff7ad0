/**
 * A native modal <dialog> with the head every board dialog shares: a title that names the
 * dialog and, unless the dialog must be answered, a Close button. One component so that
 * every dialog opens, names itself and closes the same way.
 *
 * showModal() on mount: Escape closes it and the page behind is inert. Escape and Close both
 * call onClose; the opener unmounts the dialog and takes focus back once it is gone
 * (usePopup), because while a modal dialog is open the rest of the page is inert.
 *
 * Inert, live regions too: the dialog carries a live region of its own, through which the
 * board's announcer speaks while this is the topmost dialog open (dialogVoices, useAnnouncer).
 */
import { type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { addDialogVoice } from './dialogVoices';
import { useAnnouncer } from './useAnnouncer';

export function ModalDialog({
  title,
  titleId,
  className,
  describedBy,
  focus,
  dialogRef,
  closeDisabled = false,
  closeButton = true,
  onClose,
  onBusyEscape,
  children,
}: {
  title: ReactNode;
  /** A fixed id for the heading; a generated one otherwise. */
  titleId?: string;
  className?: string;
  describedBy?: string;
  /**
   * Where focus starts: the heading ('title'), the Close button ('close'), an element of the
   * body, or, when omitted, wherever showModal() puts it.
   */
  focus?: 'title' | 'close' | RefObject<HTMLElement | null>;
  /** For dialogs that close themselves before acting (a choice that moves focus elsewhere). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  /** While busy: Escape does nothing and Close is disabled. */
  closeDisabled?: boolean;
  /** False for a dialog that must be answered: Escape is its only way out. */
  closeButton?: boolean;
  /** Escape and the Close button. */
  onClose: () => void;
  /** What Escape does instead while busy (closeDisabled): an upload's Cancel, say. */
  onBusyEscape?: () => void;
  children: ReactNode;
}) {
  const generatedId = useId();
  const headingId = titleId ?? `${generatedId}-title`;
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const voice = useAnnouncer('assertive', 'dialog-announcer');
  const { announce } = voice;
  useLayoutEffect(() => {
    const dialog = ref.current;
    return dialog ? addDialogVoice(dialog, announce) : undefined;
  }, [ref, announce]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The page decides when a dialog closes: should the browser close it all the same, it
    // opens again, rather than leave the page believing it open (and its drafts unreachable).
    const reopen = () => {
      if (dialog?.isConnected && !dialog.open) dialog.showModal();
    };
    dialog?.addEventListener('close', reopen);
    if (focus === 'title') headingRef.current?.focus();
    else if (focus && focus !== 'close') focus.current?.focus();
    return () => dialog?.removeEventListener('close', reopen);
    // Only on mount: focus must not jump back when the dialog re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `modal-dialog ${className}` : 'modal-dialog'}
      aria-labelledby={headingId}
      aria-describedby={describedBy}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        // Escape is handled here rather than as the browser's close request: Chrome lets a
        // page refuse a dialog's close request only once without a click or a key press
        // between, then closes it regardless (a card asking "Close without saving?" twice).
        e.preventDefault();
        if (!closeDisabled) onClose();
        else onBusyEscape?.();
      }}
      onCancel={(e) => {
        e.preventDefault();
        if (!closeDisabled) onClose();
        else onBusyEscape?.();
      }}
    >
      <div className="dialog-head">
        <h2
          id={headingId}
          ref={focus === 'title' ? headingRef : undefined}
          tabIndex={focus === 'title' ? -1 : undefined}
        >
          {title}
        </h2>
        {closeButton && (
          <button
            type="button"
            className="button small"
            // Marks a request to close: fields that save on blur leave that to the dialog.
            data-close-request=""
            onClick={onClose}
            disabled={closeDisabled}
            autoFocus={focus === 'close'}
          >
            Close
          </button>
        )}
      </div>
      {children}
      {voice.region}
    </dialog>
  );
}
