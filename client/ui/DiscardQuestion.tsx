/**
 * "Discard what was typed?", asked before text typed and not saved is thrown away: keep
 * editing (the default, and Escape) or discard. An alertdialog that takes focus, so a screen
 * reader reads the question and what would be lost. A dialog asks it on Close or Escape
 * (useLeaveAsks: the card dialog, the rating scale, Invite people, which asks in its own words
 * about an invite link not copied); a form inside one asks it on Escape (useEscapeAsks).
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

function DiscardQuestion({
  question,
  detail,
  discardLabel,
  keepLabel = 'Keep editing',
  closeRequest = false,
  className = '',
  onKeep,
  onDiscard,
}: {
  question: string;
  detail?: string;
  discardLabel: string;
  /** The default answer's words, where nothing was typed to keep editing (a link not copied). */
  keepLabel?: string;
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
          {keepLabel}
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
 * What closing would lose that is not typing, in the dialog's own words (Invite people: a link
 * shown only once and not copied): asked instead of "Close without saving?", with anything
 * unsaved named after it, and `returnTo` gets focus when the person goes back.
 */
export type LeaveLoss = {
  question: string;
  detail: string;
  keepLabel: string;
  discardLabel: string;
  returnTo: HTMLElement | null;
};

/**
 * Leaving a dialog (Escape, Close, or another way out such as the card's "Show in the
 * article") with work not saved: `leave(unsaved, then)` goes on to `then` at once when nothing
 * is unsaved, and otherwise asks "Close without saving?", naming what would be lost (or the
 * `loss`'s question, when there is one); Escape or Close again while it asks keeps editing, back
 * in the field the person was in. `question` is to be shown under the dialog's head.
 */
export function useLeaveAsks(): {
  leave: (unsaved: readonly string[], then: () => void, loss?: LeaveLoss | null) => void;
  question: ReactNode;
} {
  const [asked, setAsked] = useState<{
    unsaved: readonly string[];
    loss: LeaveLoss | null;
  } | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  // What Discard goes on to do: close, or show the card's passage in the article.
  const thenLeave = useRef<() => void>(() => undefined);
  const keep = () => {
    setAsked(null);
    returnTo.current?.focus();
  };
  const leave = (labels: readonly string[], then: () => void, loss: LeaveLoss | null = null) => {
    if (asked) return keep();
    if (labels.length === 0 && !loss) return then();
    returnTo.current =
      loss?.returnTo ??
      (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    thenLeave.current = then;
    setAsked({ unsaved: labels, loss });
  };
  const notSaved = (labels: readonly string[]) =>
    `Not saved yet: ${labels.map((l) => l.charAt(0).toLowerCase() + l.slice(1)).join('; ')}.`;
  const loss = asked?.loss;
  const question = asked ? (
    <DiscardQuestion
      question={loss?.question ?? 'Close without saving?'}
      detail={[loss?.detail, asked.unsaved.length > 0 ? notSaved(asked.unsaved) : '']
        .filter(Boolean)
        .join(' ')}
      discardLabel={loss?.discardLabel ?? 'Discard and close'}
      keepLabel={loss?.keepLabel}
      closeRequest
      className="in-dialog"
      onKeep={keep}
      onDiscard={() => thenLeave.current()}
    />
  ) : null;
  return { leave, question };
}
