/**
 * The card's verdict: a label from the board's rating scale (those of the card's column) and
 * the rationale, saved together as one change. Saving writes only what this person changed
 * (useFieldDraft): a colleague's rationale saved while they picked a label stays, and a field
 * both changed is shown as a conflict instead of being overwritten. Read-only for reviewers
 * and viewers.
 */
import { type FormEvent, useId, useRef } from 'react';
import { LIMITS } from '../../shared/board/inputs';
import { labelsFor, type RatingScale } from '../../shared/board/ratingScale';
import type { CardView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import { COLUMN_LABELS } from '../board/columnLabels';
import { EditConflict } from '../ui/EditConflict';
import { useFieldDraft } from '../ui/useFieldDraft';
import { useUnsavedDraft } from '../ui/unsavedDrafts';

const FIELD_NAMES = { verdict: 'the verdict label', rationale: 'the rationale' } as const;

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
  // Untouched fields follow colleagues' changes.
  const draft = useFieldDraft({ verdict: card.verdict ?? '', rationale: card.rationale });
  useUnsavedDraft(
    'the verdict and rationale',
    draft.dirty,
    [draft.shown.verdict, draft.shown.rationale].filter((t) => t.trim()).join('\n'),
  );

  if (!actions.canEdit) {
    return (
      <>
        {card.verdict ?? 'No verdict'}
        {card.rationale && <p className="rationale">{card.rationale}</p>}
      </>
    );
  }

  const { shown, conflicts } = draft;
  const labels = labelsFor(scale, card.column).map((l) => l.label);
  // A verdict that is not one of the column's labels still shows, so saving does not drop it
  // silently, and says so: one from before the scale changed, or one set while a colleague
  // moved the card (a move asks for a fitting label, but two people's changes can cross).
  const misfit = card.verdict !== null && !labels.includes(card.verdict);
  if (misfit) labels.push(card.verdict!);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.dirty || conflicts.length > 0) return;
    const { verdict, rationale } = draft.changes;
    const ok = actions.run('save the verdict', () =>
      verdict === undefined
        ? actions.commands.editCard(card.id, { rationale })
        : actions.commands.setVerdict(card.id, verdict || null, rationale),
    );
    if (ok) {
      draft.reset();
      actions.announce(
        verdict === undefined
          ? 'Rationale saved.'
          : verdict
            ? `Verdict saved: ${verdict}.`
            : 'Verdict cleared.',
      );
    }
  };

  return (
    <form className="verdict-form" aria-label="Verdict" onSubmit={save}>
      <label className="field">
        <span>Verdict label</span>
        <select
          ref={selectRef}
          aria-describedby={misfit ? `${id}-hint ${id}-misfit` : `${id}-hint`}
          value={shown.verdict}
          onChange={(e) => draft.edit({ verdict: e.target.value })}
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
      {misfit && (
        <p id={`${id}-misfit`} className="warning small">
          &ldquo;{card.verdict}&rdquo; is not a label for {COLUMN_LABELS[card.column]}: choose one
          of its labels, or No verdict.
        </p>
      )}
      <label className="field">
        <span>Rationale</span>
        <textarea
          rows={3}
          value={shown.rationale}
          maxLength={LIMITS.rationale}
          onChange={(e) => draft.edit({ rationale: e.target.value })}
        />
      </label>
      <EditConflict
        fields={conflicts.map((key) => ({
          name: FIELD_NAMES[key],
          theirs: key === 'verdict' ? card.verdict || 'no verdict' : card.rationale,
        }))}
        by={card.updatedBy}
        onKeepMine={() => draft.keepMine(conflicts)}
        onTakeTheirs={() => draft.takeTheirs(conflicts)}
      />
      <div className="row">
        {/* aria-disabled, not disabled: a focused button that becomes disabled drops focus. */}
        <button
          type="submit"
          className="button primary small"
          aria-disabled={!draft.dirty || conflicts.length > 0}
        >
          Save verdict
        </button>
        {draft.dirty && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              draft.reset();
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
