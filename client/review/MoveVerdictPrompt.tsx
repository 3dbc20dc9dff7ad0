/**
 * The question a move asks when the card's verdict does not belong in the target column:
 * one button per label of that column, "Move without a verdict", and "Cancel move". A modal
 * dialog; Escape cancels. Focus starts on its heading, not on a label: a keyboard drop ends
 * with Space, whose key-up would otherwise press the first label for the person.
 */
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { BoardView } from '../../shared/board/view';
import { COLUMN_LABELS } from '../board/columnLabels';
import { useVerdictRequest, type VerdictRequest } from './moveVerdict';

export function MoveVerdictPrompt({ board }: { board: BoardView }) {
  const request = useVerdictRequest(board);
  if (!request) return null;
  return createPortal(
    <PromptDialog key={`${request.cardId}:${request.column}`} request={request} />,
    document.body,
  );
}

function PromptDialog({ request }: { request: VerdictRequest }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const column = COLUMN_LABELS[request.column];
  // Close first, so focus is back where it was before the move runs and reveals the card.
  const answer = (fn: () => void) => {
    ref.current?.close();
    fn();
  };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    headingRef.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="card-detail verdict-prompt"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-why`}
      onCancel={(e) => {
        e.preventDefault();
        answer(request.cancel);
      }}
    >
      <div className="dialog-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          New verdict for {column}
        </h2>
      </div>
      <div className="dialog-body">
        <p id={`${id}-why`}>
          &ldquo;{request.claim}&rdquo; has the verdict <strong>{request.verdict}</strong>, which is
          not a label of {column}. Choose its verdict in {column}:
        </p>
        <div className="row" role="group" aria-label={`Labels of ${column}`}>
          {request.labels.map((label) => (
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
    </dialog>
  );
}
