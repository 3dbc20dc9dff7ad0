/**
 * The end of a card's form that saves several fields together (the verdict, the publication
 * details): its Save button, and "Discard changes" while something is changed.
 */
export function SaveOrDiscard({
  label,
  disabled,
  dirty,
  onDiscard,
}: {
  /** The Save button's words ("Save verdict"). */
  label: string;
  /** Nothing to save, or a conflict to settle first. */
  disabled: boolean;
  /** Something is changed: it may be discarded. */
  dirty: boolean;
  /** Puts the form back as the card has it, and focus on one of its fields. */
  onDiscard: () => void;
}) {
  return (
    <div className="row">
      {/* aria-disabled, not disabled: a focused button that becomes disabled drops focus. */}
      <button type="submit" className="button primary small" aria-disabled={disabled}>
        {label}
      </button>
      {dirty && (
        <button type="button" className="button small" onClick={onDiscard}>
          Discard changes
        </button>
      )}
    </div>
  );
}
