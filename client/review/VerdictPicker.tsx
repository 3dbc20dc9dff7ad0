/**
 * The card's verdict: a label from the board's rating scale (those of the card's column) and
 * the rationale, saved together as one change. Read-only for reviewers and viewers.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { LIMITS } from '../../shared/board/inputs';
import { labelsFor, type RatingScale } from '../../shared/board/ratingScale';
import type { CardView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import { COLUMN_LABELS } from '../board/columnLabels';

interface Draft {
  readonly verdict: string;
  readonly rationale: string;
}

export function VerdictPicker({
  card,
  scale,
  actions,
}: {
  card: CardView;
  scale: RatingScale;
  actions: BoardActions;
}) {
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  // Null while the person has not touched the form: it then follows colleagues' changes.
  const [draft, setDraft] = useState<Draft | null>(null);

  if (!actions.canEdit) {
    return (
      <>
        {card.verdict ?? 'No verdict'}
        {card.rationale && <p className="rationale">{card.rationale}</p>}
      </>
    );
  }

  const shown = draft ?? { verdict: card.verdict ?? '', rationale: card.rationale };
  const labels = labelsFor(scale, card.column).map((l) => l.label);
  // A verdict from before the scale changed still shows, so saving does not drop it silently.
  if (card.verdict && !labels.includes(card.verdict)) labels.push(card.verdict);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const ok = actions.run('save the verdict', () =>
      actions.commands.setVerdict(card.id, draft.verdict || null, draft.rationale),
    );
    if (ok) {
      setDraft(null);
      actions.announce(draft.verdict ? `Verdict saved: ${draft.verdict}.` : 'Verdict cleared.');
    }
  };

  return (
    <form className="verdict-form" aria-label="Verdict" onSubmit={save}>
      <label className="field">
        <span>Verdict label</span>
        <select
          ref={selectRef}
          aria-describedby={`${id}-hint`}
          value={shown.verdict}
          onChange={(e) => setDraft({ ...shown, verdict: e.target.value })}
        >
          <option value="">No verdict</option>
          {labels.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-hint`} className="muted small">
        Labels for {COLUMN_LABELS[card.column]}; a card moved to another column gets that
        column&rsquo;s labels.
      </p>
      <label className="field">
        <span>Rationale</span>
        <textarea
          rows={3}
          value={shown.rationale}
          maxLength={LIMITS.rationale}
          onChange={(e) => setDraft({ ...shown, rationale: e.target.value })}
        />
      </label>
      <div className="row">
        {/* aria-disabled, not disabled: a focused button that becomes disabled drops focus. */}
        <button type="submit" className="button primary small" aria-disabled={!draft}>
          Save verdict
        </button>
        {draft && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setDraft(null);
              selectRef.current?.focus();
            }}
          >
            Discard changes
          </button>
        )}
      </div>
    </form>
  );
}
