/**
 * The last row of a card's form: its submit button and, when the form offers one now, the
 * button beside it that leaves the form (Cancel) or puts it back as the card has it (Discard
 * changes). One component so every such form ends the same way.
 */
export function SubmitRow({
  label,
  disabled,
  other,
}: {
  /** The submit button's words ("Save verdict", "Add evidence"). */
  label: string;
  /** Nothing to submit, or a conflict to settle first: the button says so, and does nothing. */
  disabled: boolean;
  /** The button beside it, when there is one now. */
  other?: { readonly label: 'Cancel' | 'Discard changes'; readonly onClick: () => void } | false;
}) {
  return (
    <div className="row">
      {/* aria-disabled, not disabled: a focused button that becomes disabled drops focus. */}
      <button type="submit" className="button primary small" aria-disabled={disabled}>
        {label}
      </button>
      {other && (
        <button type="button" className="button small" onClick={other.onClick}>
          {other.label}
        </button>
      )}
    </div>
  );
}
