import { useEffect } from 'react';

export interface ToastMessage {
  readonly text: string;
  readonly undoable: boolean;
  readonly seq: number;
}

/** A short notice at the bottom of the board, with Undo when the change can be undone. */
export function Toast({
  toast,
  onUndo,
  onDismiss,
}: {
  toast: ToastMessage | null;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, 8000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  if (!toast) return null;
  return (
    <div className="toast" role="status">
      <span>{toast.text}</span>
      {toast.undoable && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            onUndo();
            onDismiss();
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="button small icon" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
