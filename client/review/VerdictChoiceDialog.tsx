/**
 * The question a move asks when a verdict does not belong in the target column: one button per
 * label of that column, one to move with the verdict cleared, and one to cancel the move. A
 * modal dialog; Escape cancels. Focus starts on its heading, not on a label: a keyboard drop
 * ends with Space, whose key-up would otherwise press the first label for the person. Asked
 * for one card (MoveVerdictPrompt) and once for a selection (SelectionBar).
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ModalDialog } from '../ui/ModalDialog';

export function VerdictChoiceDialog({
  column,
  labels,
  why,
  clearText,
  onChoose,
  onCancel,
}: {
  /** The target column's name. */
  column: string;
  labels: readonly string[];
  /** Which verdict does not fit, said in the dialog's description. */
  why: ReactNode;
  /** The button that moves with the verdict cleared. */
  clearText: string;
  /** A label, or null: clear. */
  onChoose: (verdict: string | null) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  // Close first, so focus is back where it was before the move runs and reveals the card.
  const answer = (fn: () => void) => {
    ref.current?.close();
    fn();
  };

  // A new question replaces this one (a new key): its dialog must leave the top layer.
  useEffect(() => {
    const dialog = ref.current;
    return () => dialog?.close();
  }, []);

  return (
    <ModalDialog
      title={`New verdict for ${column}`}
      className="verdict-prompt"
      describedBy={`${id}-why`}
      focus="title"
      dialogRef={ref}
      closeButton={false}
      onClose={() => answer(onCancel)}
    >
      <div className="dialog-body">
        <p id={`${id}-why`}>{why}</p>
        <div className="row" role="group" aria-label={`Labels of ${column}`}>
          {labels.map((label) => (
            <button
              key={label}
              type="button"
              className="button primary"
              onClick={() => answer(() => onChoose(label))}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="row">
          <button type="button" className="button" onClick={() => answer(() => onChoose(null))}>
            {clearText}
          </button>
          <button type="button" className="button" onClick={() => answer(onCancel)}>
            Cancel move
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
