/**
 * Asked when a card's dialog is closed with text typed and not saved: keep editing (the
 * default, and Escape) or discard it. Inside the dialog, as an alertdialog that takes focus,
 * so a screen reader reads the question and what would be lost.
 */
import { useEffect, useId, useRef } from 'react';

export function DiscardDrafts({
  labels,
  onKeep,
  onDiscard,
}: {
  labels: readonly string[];
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className="discard-drafts"
      // Part of a request to close (ModalDialog's Close button carries the same mark): a field
      // that saves on blur does not save on its way here (SpeakerField).
      data-close-request=""
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
    >
      <p id={`${id}-title`}>
        <strong>Close without saving?</strong>
      </p>
      <p id={`${id}-what`}>
        Not saved yet: {labels.map((l) => l.charAt(0).toLowerCase() + l.slice(1)).join('; ')}.
      </p>
      <div className="row">
        <button ref={keep} type="button" className="button primary small" onClick={onKeep}>
          Keep editing
        </button>
        <button type="button" className="button small" onClick={onDiscard}>
          Discard and close
        </button>
      </div>
    </div>
  );
}
