/**
 * The card's verdict: a label from the board's rating scale (those of the card's column) and
 * the rationale, saved together as one change. Saving writes only what this person changed
 * (useFieldDraft): a colleague's rationale saved while they picked a label stays, and a field
 * both changed is shown as a conflict instead of being overwritten. A label picked and not
 * saved follows a lead's rename of it, and one the lead removed is asked for again
 * (pendingVerdict). Read-only for reviewers and viewers.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { LabelRename } from '../../shared/board/commands/meta';
import { labelsFor, verdictFitsCard } from '../../shared/board/ratingScale';
import type { BoardMeta, CardView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import { EditConflict } from '../ui/EditConflict';
import { SubmitRow } from '../ui/SubmitRow';
import { useTextLimit } from '../ui/useTextLimit';
import type { FieldDraft } from '../ui/fieldDraft';
import { fieldDraftState } from '../ui/useFieldDraft';
import { useDraftBack, useUnsavedDraft } from '../ui/unsavedDrafts';
import { followRenames, labelRenames, stalePick, type VerdictFields } from './pendingVerdict';
import { quoted } from '../ui/quoted';

const FIELD_NAMES = { verdict: 'the verdict label', rationale: 'the rationale' } as const;
const NO_DRAFT: FieldDraft<VerdictFields> = { base: {}, mine: {} };
/** The picker's name among the dialog's drafts. */
const DRAFT_LABEL = 'the verdict and rationale';
/** The picker's value while a pick must be made again: no label is blank once trimmed. */
const PICK_AGAIN = ' ';

export function VerdictPicker({
  card,
  meta,
  actions,
}: {
  card: CardView;
  meta: BoardMeta;
  actions: BoardActions;
}) {
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const scale = meta.ratingScale;
  // Untouched fields follow colleagues' changes. What was picked and typed before the page
  // went (keptTyping) is taken back, a colleague's change since being a conflict.
  const back = useDraftBack(DRAFT_LABEL, 'card')?.fields as FieldDraft<VerdictFields> | undefined;
  const [fields, setFields] = useState(back ?? NO_DRAFT);
  const draft = fieldDraftState(
    { verdict: card.verdict ?? '', rationale: card.rationale },
    fields,
    setFields,
  );
  // A lead's rename of the label picked: the pick follows it at once, before it is shown.
  const [labelIds, setLabelIds] = useState(meta.ratingLabelIds);
  const [followed, setFollowed] = useState<LabelRename | null>(null);
  if (labelIds !== meta.ratingLabelIds) {
    setLabelIds(meta.ratingLabelIds);
    const renames = labelRenames(labelIds, meta.ratingLabelIds);
    const picked = renames.find((r) => r.from === fields.mine.verdict);
    if (picked) setFollowed(picked);
    if (renames.length > 0) setFields((d) => followRenames(d, renames));
  }
  useUnsavedDraft(
    DRAFT_LABEL,
    draft.dirty,
    [draft.shown.verdict, draft.shown.rationale].filter((t) => t.trim()).join('\n'),
    { fields },
  );

  const { shown } = draft;
  const stale = stalePick(draft.changes.verdict, scale, card.column);
  const staleNote =
    stale === 'removed'
      ? `A lead removed ${quoted(shown.verdict)}, which you picked, from the rating scale: pick the verdict again.`
      : stale
        ? `${quoted(shown.verdict)}, which you picked, is not a label for ${COLUMN_LABELS[card.column]}: pick the verdict again.`
        : null;
  const scaleNote =
    staleNote ??
    (followed && shown.verdict === followed.to
      ? `A lead renamed ${quoted(followed.from)} to ${quoted(followed.to)}: your pick follows it.`
      : null);
  // Said as it happens, through the dialog's live region; shown beside the picker until the
  // person picks again.
  useEffect(() => {
    if (scaleNote) actions.announce(scaleNote);
  }, [scaleNote, actions]);
  // A verdict that is not one of the column's labels: one from before the scale changed, or
  // one set while a colleague moved the card (a move asks for a fitting label, but two
  // people's changes can cross, and an Undo of a move asks for none). It still shows, so saving
  // does not drop it silently, and says so; when a change to the card (a colleague's move or
  // verdict) makes it so while the dialog is open, that is said as it happens. A lead's scale
  // edit has its own words (scaleNote).
  const misfit = verdictFitsCard(scale, card) === false;
  const misfitNote = `${quoted(card.verdict ?? '')} is not a label for ${COLUMN_LABELS[card.column]}`;
  const seen = useRef({ misfit, column: card.column, verdict: card.verdict });
  useEffect(() => {
    const was = seen.current;
    const cardChanged = was.column !== card.column || was.verdict !== card.verdict;
    if (misfit && !was.misfit && cardChanged) {
      actions.announce(`${misfitNote}: pick the verdict again.`);
    }
    seen.current = { misfit, column: card.column, verdict: card.verdict };
  }, [misfit, misfitNote, card.column, card.verdict, actions]);
  const rationaleLimit = useTextLimit({
    text: shown.rationale,
    field: 'rationale',
    announce: actions.announce,
  });

  if (!actions.canEdit) {
    return (
      <>
        {card.verdict ?? 'No verdict'}
        {misfit && (
          <p className="warning small">{misfitNote}: an editor is to pick the verdict again.</p>
        )}
        {card.rationale && (
          <p className="rationale" dir="auto">
            {card.rationale}
          </p>
        )}
      </>
    );
  }

  const { conflicts } = draft;
  const labels = labelsFor(scale, card.column).map((l) => l.label);
  if (misfit) labels.push(card.verdict!);

  const pick = (verdict: string) => {
    setFollowed(null);
    draft.edit({ verdict });
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (staleNote) {
      selectRef.current?.focus();
      actions.announce(staleNote);
      return;
    }
    if (rationaleLimit.refuse()) return;
    if (!draft.dirty || conflicts.length > 0) return;
    const { verdict, rationale } = draft.changes;
    const ok = actions.run('save the verdict', () =>
      verdict === undefined
        ? actions.commands.editCard(card.id, { rationale })
        : actions.commands.setVerdict(card.id, verdict || null, rationale),
    );
    if (ok) {
      draft.reset();
      setFollowed(null);
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
          aria-describedby={[
            `${id}-hint`,
            misfit ? `${id}-misfit` : '',
            scaleNote ? `${id}-scale` : '',
          ]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={stale !== null}
          value={stale ? PICK_AGAIN : shown.verdict}
          onChange={(e) => pick(e.target.value)}
        >
          {stale && (
            <option value={PICK_AGAIN} disabled>
              Pick the verdict again
            </option>
          )}
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
          {misfitNote}: choose one of its labels, or No verdict.
        </p>
      )}
      {scaleNote && (
        <p id={`${id}-scale`} className={staleNote ? 'warning small' : 'muted small'}>
          {scaleNote}
        </p>
      )}
      <label className="field">
        <span>Rationale</span>
        <textarea
          {...rationaleLimit.field}
          rows={3}
          value={shown.rationale}
          onChange={(e) => draft.edit({ rationale: e.target.value })}
        />
      </label>
      {rationaleLimit.note}
      <EditConflict
        fields={conflicts.map((key) => ({
          name: FIELD_NAMES[key],
          theirs: key === 'verdict' ? card.verdict || 'no verdict' : card.rationale,
        }))}
        by={card.updatedBy}
        onKeepMine={() => draft.keepMine(conflicts)}
        onTakeTheirs={() => draft.takeTheirs(conflicts)}
      />
      <SubmitRow
        label="Save verdict"
        disabled={!draft.dirty || conflicts.length > 0 || stale !== null}
        other={
          draft.dirty && {
            label: 'Discard changes',
            onClick: () => {
              draft.reset();
              setFollowed(null);
              selectRef.current?.focus();
            },
          }
        }
      />
    </form>
  );
}
