import { useEffect } from 'react';

export interface ToastMessage {
  readonly text: string;
  /** One button beside the text: Undo for a change that can be undone, Open card for a mention. */
  readonly action: { readonly label: string; readonly run: () => void } | null;
  readonly seq: number;
  /** The card the notice is about: opening it any way answers the notice. */
  readonly cardId?: string;
}

/** A short notice at the bottom of the board, with at most one action. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, 8000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  if (!toast) return null;
  return (
    <div className="toast" role="status">
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
