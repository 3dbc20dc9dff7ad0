/**
 * "Rating scale" (leads): the verdict labels of the board, each tied to the column it belongs
 * in and a ClaimReview rating value between worst and best, in the order the lead gives them
 * (Move up, Move down): every verdict picker lists a column's labels in that order. The order is
 * the lead's, not the values': labels share values (Unproven and Missing context are both 3 by
 * default), and a newsroom publishes its scale in its own order. Saved as one change with
 * editRatingScale: a label edited in place is a rename, and the cards carrying it are relabelled
 * with the same change (B11); the dialog says how many before saving. The board's other members
 * see the new labels at once. A modal dialog (ModalDialog); the opener gets focus back
 * (BoardReviewTools). Escape or Close with the scale changed and not saved asks first, as the
 * card dialog does (useLeaveAsks); Cancel discards. A lead made editor or lower while it is
 * open with changes not saved keeps them on screen, read-only, told they cannot be saved (QA5
 * F3); with none, the dialog goes, as its button does.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { LabelRename } from '../../shared/board/commands/meta';
import { COLUMNS, type ColumnId } from '../../shared/board/schema';
import { DEFAULT_RATING_SCALE } from '../../shared/board/ratingScale';
import type { BoardView } from '../../shared/board/view';
import { useBoardActions } from '../board/boardActions';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { useLeaveAsks } from '../ui/DiscardQuestion';
import { ModalDialog } from '../ui/ModalDialog';
import { plural } from '../ui/plural';
import { useSettledAnnouncement } from '../ui/useSettledAnnouncement';
import './scale.css';
import {
  draftChanged,
  fromDraft,
  type LabelRow,
  moveRow,
  orphanedVerdicts,
  relabelCounts,
  renamesOf,
  type ScaleDraft,
  toDraft,
} from './scaleDraft';
import { quoted } from '../ui/quoted';

let rowSeq = 0;

const fromTo = ({ from, to }: LabelRename) => `from ${quoted(from)} to ${quoted(to)}`;

export function RatingScaleDialog({
  board,
  canSave,
  onClose,
}: {
  board: BoardView;
  /** Whether this person may still save the scale (a lead). */
  canSave: boolean;
  onClose: () => void;
}) {
  const id = useId();
  const actions = useBoardActions();
  // The scale as the dialog opened: saving writes only what the lead changed from it, so a
  // colleague's edit saved meanwhile to other labels is kept (B12).
  const [base] = useState(() => board.meta.ratingScale);
  const [draft, setDraft] = useState<ScaleDraft>(() => toDraft(base));
  const changed = draftChanged(draft, toDraft(base));
  useEffect(() => {
    if (!canSave && !changed) onClose();
  }, [canSave, changed, onClose]);
  const asks = useLeaveAsks();
  const requestClose = () =>
    asks.leave(changed ? ['your changes to the rating scale'] : [], onClose);
  // Problems show once the lead tries to save, then follow their edits.
  const [tried, setTried] = useState(false);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLInputElement>());
  // A moved label's Move button keeps focus as its row changes place (React moves the rows).
  const [focusMove, setFocusMove] = useState<{ key: string; step: -1 | 1 } | null>(null);
  const moveRefs = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (focusRow) rowRefs.current.get(focusRow)?.focus();
  }, [focusRow]);
  useEffect(() => {
    if (focusMove) moveRefs.current.get(`${focusMove.key}:${focusMove.step}`)?.focus();
  }, [focusMove]);

  const result = fromDraft(draft);
  // Shown once the lead has tried to save, each on its field (aria-invalid, described by it).
  const problems = tried && !result.ok ? result.problems : [];
  const problemId = (field: string) => `${id}-problem-${field}`;
  const fieldProps = (field: string) => {
    const problem = problems.find((p) => p.field === field);
    return problem
      ? { 'aria-invalid': true, 'aria-describedby': problemId(problem.field) }
      : { 'aria-invalid': false };
  };
  const fields = useRef(new Map<string, HTMLElement>());
  const fieldRef = (field: string) => (el: HTMLElement | null) => {
    if (el) fields.current.set(field, el);
    else fields.current.delete(field);
  };
  const renames = renamesOf(draft);
  const relabels = result.ok ? relabelCounts(board, renames) : [];
  const relabelWords = relabels.map(
    ({ rename, cards }) =>
      `${plural(cards, 'card', 'cards')} will be relabelled ${fromTo(rename)}.`,
  );
  useSettledAnnouncement(relabelWords.join(' '), actions.announce);
  const orphaned = result.ok
    ? orphanedVerdicts(board, result.scale, renames)
    : new Map<string, number>();

  const setRow = (key: string, patch: Partial<LabelRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const addRow = () => {
    const key = `new-${++rowSeq}`;
    setDraft((d) => ({
      ...d,
      rows: [...d.rows, { key, original: null, label: '', column: 'disputed', value: d.worst }],
    }));
    setFocusRow(key);
  };
  const removeRow = (index: number) => {
    const rows = draft.rows.filter((_, i) => i !== index);
    setDraft({ ...draft, rows });
    const next = rows[Math.min(index, rows.length - 1)];
    setFocusRow(next ? next.key : null);
  };

  const moveLabel = (index: number, step: -1 | 1, name: string) => {
    const moved = moveRow(draft, index, step);
    if (!moved) {
      actions.announce(`${quoted(name)} is already ${step < 0 ? 'first' : 'last'}.`);
      return;
    }
    setDraft(moved);
    const key = draft.rows[index]!.key;
    setFocusMove({ key, step });
    const place = `${index + step + 1} of ${moved.rows.length}`;
    actions.announce(`Moved ${quoted(name)} ${step < 0 ? 'up' : 'down'}: now ${place}.`);
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!canSave) return;
    setTried(true);
    if (!result.ok) {
      // Straight to the first field at fault; the list under the table says what each needs.
      const first = result.problems.find((p) => fields.current.has(p.field));
      if (first) fields.current.get(first.field)?.focus();
      return;
    }
    const edit = { scale: result.scale, renames, base };
    if (actions.run('save the rating scale', () => actions.commands.editRatingScale(edit))) {
      actions.announce('Rating scale saved.');
      onClose();
    }
  };

  return (
    <ModalDialog title="Rating scale" titleId={`${id}-title`} focus="title" onClose={requestClose}>
      {asks.question}
      <form className="dialog-body" onSubmit={save} aria-labelledby={`${id}-title`}>
        {!canSave && (
          <p role="alert" className="warning">
            You are no longer a lead on this board, so these changes to the rating scale cannot be
            saved. They are kept here to copy until you close this.
          </p>
        )}
        <p className="muted small">
          Each verdict label belongs to a column: a card&rsquo;s verdict is chosen from its
          column&rsquo;s labels, in the order they have here. Values are the ClaimReview rating,
          from worst to best: whole numbers, 1 or more.
        </p>
        <div className="row">
          <label className="field">
            <span>Worst value</span>
            <input
              ref={fieldRef('worst')}
              {...fieldProps('worst')}
              inputMode="numeric"
              readOnly={!canSave}
              value={draft.worst}
              onChange={(e) => setDraft({ ...draft, worst: e.target.value })}
            />
          </label>
          <label className="field">
            <span>Best value</span>
            <input
              ref={fieldRef('best')}
              {...fieldProps('best')}
              inputMode="numeric"
              readOnly={!canSave}
              value={draft.best}
              onChange={(e) => setDraft({ ...draft, best: e.target.value })}
            />
          </label>
        </div>
        <div className="scale-table-scroll">
          <table className="scale-table">
            <caption className="visually-hidden">Verdict labels</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Order</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.rows.map((r, i) => {
                const name = r.label.trim() || `label ${i + 1}`;
                return (
                  <tr key={r.key}>
                    <td>
                      <input
                        ref={(el) => {
                          if (el) rowRefs.current.set(r.key, el);
                          else rowRefs.current.delete(r.key);
                          fieldRef(`${r.key}:label`)(el);
                        }}
                        {...fieldProps(`${r.key}:label`)}
                        aria-label={`Label ${i + 1}`}
                        value={r.label}
                        maxLength={60}
                        readOnly={!canSave}
                        onChange={(e) => setRow(r.key, { label: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`Column for ${name}`}
                        disabled={!canSave}
                        value={r.column}
                        onChange={(e) => setRow(r.key, { column: e.target.value as ColumnId })}
                      >
                        {COLUMNS.map((c) => (
                          <option key={c} value={c}>
                            {COLUMN_LABELS[c]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        ref={fieldRef(`${r.key}:value`)}
                        {...fieldProps(`${r.key}:value`)}
                        className="scale-value"
                        aria-label={`Value for ${name}`}
                        inputMode="numeric"
                        readOnly={!canSave}
                        value={r.value}
                        onChange={(e) => setRow(r.key, { value: e.target.value })}
                      />
                    </td>
                    <td className="scale-order">
                      {([-1, 1] as const).map((step) => (
                        // aria-disabled at an end, not disabled: the button keeps focus there.
                        <button
                          key={step}
                          ref={(el) => {
                            if (el) moveRefs.current.set(`${r.key}:${step}`, el);
                            else moveRefs.current.delete(`${r.key}:${step}`);
                          }}
                          type="button"
                          className="button small"
                          aria-label={`Move ${name} ${step < 0 ? 'up' : 'down'}`}
                          aria-disabled={
                            !canSave || (step < 0 ? i === 0 : i === draft.rows.length - 1)
                          }
                          onClick={() => canSave && moveLabel(i, step, name)}
                        >
                          {step < 0 ? 'Up' : 'Down'}
                        </button>
                      ))}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button small danger"
                        aria-label={`Remove ${name}`}
                        disabled={!canSave || draft.rows.length <= 1}
                        onClick={() => removeRow(i)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {canSave && (
          <div className="row">
            <button type="button" className="button small" onClick={addRow}>
              Add label
            </button>
            <button
              type="button"
              className="button small"
              // The default's labels replace the board's: none of them is a rename.
              onClick={() => setDraft(toDraft(DEFAULT_RATING_SCALE, false))}
            >
              Reset to the default scale
            </button>
          </div>
        )}
        {/* Not a live region: it follows every key press, and is said once the typing pauses. */}
        <div className="small">
          {relabelWords.map((words) => (
            <p key={words}>{words}</p>
          ))}
        </div>
        {orphaned.size > 0 && (
          <p className="warning small" role="status">
            {[...orphaned]
              .map(([label, n]) => `${n} ${n === 1 ? 'card keeps' : 'cards keep'} ${quoted(label)}`)
              .join('; ')}
            , which this scale does not offer in their column. They keep it until someone picks a
            new verdict.
          </p>
        )}
        <div role="alert" className={problems.length > 0 ? 'error' : undefined}>
          {problems.length > 0 && (
            <ul className="scale-problems">
              {problems.map((p) => (
                <li key={`${p.field}:${p.message}`} id={problemId(p.field)}>
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="row">
          {canSave && (
            <button type="submit" className="button primary">
              Save scale
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
