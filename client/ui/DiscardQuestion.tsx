/**
 * "Discard what was typed?", asked before text typed and not saved is thrown away: keep
 * editing (the default, and Escape) or discard. An alertdialog that takes focus, so a screen
 * reader reads the question and what would be lost. A dialog asks it on Close or Escape
 * (useLeaveAsks: the card dialog, the rating scale); a form inside one asks it on Escape
 * (useEscapeAsks).
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

function DiscardQuestion({
  question,
  detail,
  discardLabel,
  closeRequest = false,
  className = '',
  onKeep,
  onDiscard,
}: {
  question: string;
  detail?: string;
  discardLabel: string;
  /**
   * Part of a request to close the dialog (ModalDialog's Close button carries the same mark):
   * a field that saves on blur does not save on its way here (SpeakerField).
   */
  closeRequest?: boolean;
  className?: string;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className={`discard-question ${className}`.trim()}
      data-close-request={closeRequest ? '' : undefined}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={detail ? `${id}-what` : undefined}
    >
      <p id={`${id}-title`}>
        <strong>{question}</strong>
      </p>
      {detail && <p id={`${id}-what`}>{detail}</p>}
      <div className="row">
        <button ref={keep} type="button" className="button primary small" onClick={onKeep}>
          Keep editing
        </button>
        <button type="button" className="button small" onClick={onDiscard}>
          {discardLabel}
        </button>
      </div>
    </div>
  );
}

/**
 * Escape in a form that may be cancelled: an untouched form is cancelled at once; one with
 * text typed asks first (its question is `question`, to be shown in the form), and Escape
 * while it asks keeps editing, back in the field the person was in.
 */
export function useEscapeAsks(
  dirty: boolean,
  onCancel: () => void,
): { onEscape: (e: KeyboardEvent) => void; question: ReactNode } {
  const [asking, setAsking] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const keep = () => {
    setAsking(false);
    returnTo.current?.focus();
  };
  const onEscape = (e: KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (asking) return keep();
    if (!dirty) return onCancel();
    returnTo.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsking(true);
  };
  const question = asking ? (
    <DiscardQuestion
      question="Discard what you typed here?"
      discardLabel="Discard"
      onKeep={keep}
      onDiscard={onCancel}
    />
  ) : null;
  return { onEscape, question };
}

/**
 * Leaving a dialog (Escape, Close, or another way out such as the card's "Show in the
 * article") with work not saved: `leave(unsaved, then)` goes on to `then` at once when nothing
 * is unsaved, and otherwise asks "Close without saving?", naming what would be lost; Escape or
 * Close again while it asks keeps editing, back in the field the person was in. `question` is
 * to be shown under the dialog's head.
 */
export function useLeaveAsks(): {
  leave: (unsaved: readonly string[], then: () => void) => void;
  question: ReactNode;
} {
  const [unsaved, setUnsaved] = useState<readonly string[] | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  // What Discard goes on to do: close, or show the card's passage in the article.
  const thenLeave = useRef<() => void>(() => undefined);
  const keep = () => {
    setUnsaved(null);
    returnTo.current?.focus();
  };
  const leave = (labels: readonly string[], then: () => void) => {
    if (unsaved) return keep();
    if (labels.length === 0) return then();
    returnTo.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    thenLeave.current = then;
    setUnsaved(labels);
  };
  const question = unsaved ? (
    <DiscardQuestion
      question="Close without saving?"
      detail={`Not saved yet: ${unsaved.map((l) => l.charAt(0).toLowerCase() + l.slice(1)).join('; ')}.`}
      discardLabel="Discard and close"
      closeRequest
      className="in-dialog"
      onKeep={keep}
      onDiscard={() => thenLeave.current()}
    />
  ) : null;
  return { leave, question };
}
