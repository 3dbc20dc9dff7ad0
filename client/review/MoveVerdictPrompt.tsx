/**
 * The question a move asks when the card's verdict does not belong in the target column:
 * one button per label of that column, "Move without a verdict", and "Cancel move". A modal
 * dialog; Escape cancels. Focus starts on its heading, not on a label: a keyboard drop ends
 * with Space, whose key-up would otherwise press the first label for the person.
 */
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { labelsFor } from '../../shared/board/ratingScale';
import type { BoardView } from '../../shared/board/view';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { ModalDialog } from '../ui/ModalDialog';
import { quoted } from '../ui/quoted';
import { useVerdictRequest, type VerdictRequest } from './moveVerdict';

export function MoveVerdictPrompt({ board }: { board: BoardView }) {
  const request = useVerdictRequest(board);
  if (!request) return null;
  // The column's labels as the board has them now: a scale a lead saves while the question is
  // open (or that reached this page just after the move began) shows at once.
  const labels = labelsFor(board.meta.ratingScale, request.column).map((l) => l.label);
  return createPortal(
    <PromptDialog key={`${request.cardId}:${request.column}`} request={request} labels={labels} />,
    document.body,
  );
}

function PromptDialog({ request, labels }: { request: VerdictRequest; labels: readonly string[] }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const column = COLUMN_LABELS[request.column];
  // Close first, so focus is back where it was before the move runs and reveals the card.
  const answer = (fn: () => void) => {
    ref.current?.close();
    fn();
  };

  // A new request replaces this one (a new key): its dialog must leave the top layer.
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
      onClose={() => answer(request.cancel)}
    >
      <div className="dialog-body">
        <p id={`${id}-why`}>
          {quoted(request.claim)} has the verdict <strong>{request.verdict}</strong>, which is not a
          label of {column}. Choose its verdict in {column}:
        </p>
        <div className="row" role="group" aria-label={`Labels of ${column}`}>
          {labels.map((label) => (
            <button
              key={label}
              type="button"
              className="button primary"
              onClick={() => answer(() => request.choose(label))}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="row">
          <button
            type="button"
            className="button"
            onClick={() => answer(() => request.choose(null))}
          >
            Move without a verdict
          </button>
          <button type="button" className="button" onClick={() => answer(request.cancel)}>
            Cancel move
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
