/**
 * Adding or editing one evidence item: source URL (http or https only), the quoted passage,
 * the stance and an optional note. Checked with the model's own rules before it is sent, so
 * the person sees what is wrong next to the field. Escape cancels the form, not the dialog,
 * and asks first when something is typed in it.
 * Editing follows the live item (useFieldDraft): saving writes only the fields this person
 * changed, and a field a colleague changed meanwhile is shown as a conflict.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { evidenceInput } from '../../shared/board/inputs';
import type { Stance } from '../../shared/board/view';
import { useBoardActions } from '../board/boardActions';
import { useEscapeAsks } from '../ui/DiscardQuestion';
import { EditConflict } from '../ui/EditConflict';
import { SubmitRow } from '../ui/SubmitRow';
import { useDraftedFields } from '../ui/useDraftedFields';
import { useTextLimit } from '../ui/useTextLimit';
import { withScheme } from '../ui/withScheme';
import { STANCE_LABELS, STANCE_WORDS } from './stanceLabels';

export interface EvidenceDraft {
  readonly url: string;
  readonly quote: string;
  readonly stance: Stance;
  readonly note: string;
}

const EMPTY: EvidenceDraft = { url: '', quote: '', stance: 'supports', note: '' };

const FIELD_NAMES = {
  url: 'the source URL',
  quote: 'the quoted passage',
  stance: 'the stance',
  note: 'the note',
} as const;

export function EvidenceForm({
  current = EMPTY,
  title,
  submitLabel,
  notice,
  cited = [],
  onSubmit,
  onCancel,
}: {
  /** The item as it is now, when editing one: kept live, as colleagues change it. */
  current?: EvidenceDraft;
  /** The form's accessible name, e.g. "New evidence". */
  title: string;
  submitLabel: string;
  /** Something the person must know about this form now (read out when it appears). */
  notice?: string;
  /**
   * The card's other evidence: a source the card already cites is pointed out (the same item
   * added twice would count twice in the card's balance and in every export), not refused.
   */
  cited?: readonly { readonly url: string; readonly stance: Stance }[];
  /**
   * With every value, and with only the fields this person changed (what an edit writes).
   * Returns false when the command was refused (the form stays open).
   */
  onSubmit: (values: EvidenceDraft, changes: Partial<EvidenceDraft>) => boolean;
  onCancel: () => void;
}) {
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const fields = useDraftedFields(title, current, (d) =>
    [d.url, d.quote, d.note].filter((t) => t.trim()).join('\n'),
  );
  const { shown: draft, conflicts } = fields;
  const escape = useEscapeAsks(fields.dirty, onCancel);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => urlRef.current?.focus(), []);
  const { announce } = useBoardActions();
  // Each counted as it will be saved: the URL as withScheme completes it.
  const clean = { ...draft, url: withScheme(draft.url.trim()) };
  const urlLimit = useTextLimit<HTMLInputElement>({
    text: clean.url,
    field: 'url',
    announce,
    ref: urlRef,
    describedBy: error ? `${id}-error` : undefined,
  });
  const quoteLimit = useTextLimit({ text: draft.quote, field: 'quote', announce });
  const noteLimit = useTextLimit({ text: draft.note, field: 'note', announce });
  const limits = [urlLimit, quoteLimit, noteLimit];
  const already = cited.find((e) => e.url === clean.url);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (conflicts.length > 0) return;
    // Before the check below, whose message would blame the URL's form for a length.
    if (limits.some((limit) => limit.refuse())) return;
    if (!evidenceInput.safeParse(clean).success) {
      setError('Enter the address of the source, starting with http:// or https://.');
      urlRef.current?.focus();
      return;
    }
    setError(null);
    const changes = fields.changes;
    onSubmit(clean, changes.url === undefined ? changes : { ...changes, url: clean.url });
  };

  return (
    <form
      className="evidence-form"
      aria-label={title}
      // Checked here, with a message next to the field, not by the browser's own bubble.
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') escape.onEscape(e);
      }}
    >
      {notice && (
        <p className="warning small" role="alert">
          {notice}
        </p>
      )}
      {escape.question}
      <label className="field">
        <span>Source URL</span>
        <input
          {...urlLimit.field}
          type="url"
          inputMode="url"
          value={draft.url}
          onChange={(e) => fields.edit({ url: e.target.value })}
          placeholder="https://"
          aria-invalid={error !== null || urlLimit.error !== null}
          required
        />
      </label>
      {urlLimit.note}
      <p className="small muted" aria-live="polite">
        {already && `This card already cites this source, as ${STANCE_WORDS[already.stance]}.`}
      </p>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      <label className="field">
        <span>Quoted passage</span>
        <textarea
          {...quoteLimit.field}
          rows={3}
          value={draft.quote}
          onChange={(e) => fields.edit({ quote: e.target.value })}
        />
      </label>
      {quoteLimit.note}
      <fieldset className="stance-picker">
        <legend>Stance</legend>
        {(Object.keys(STANCE_LABELS) as Stance[]).map((stance) => (
          <label key={stance}>
            <input
              type="radio"
              name={`${id}-stance`}
              value={stance}
              checked={draft.stance === stance}
              onChange={() => fields.edit({ stance })}
            />{' '}
            {STANCE_LABELS[stance]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Note (optional)</span>
        <textarea
          {...noteLimit.field}
          rows={2}
          value={draft.note}
          onChange={(e) => fields.edit({ note: e.target.value })}
        />
      </label>
      {noteLimit.note}
      {/* Only an existing item can be changed by a colleague meanwhile. */}
      {current !== EMPTY && (
        <EditConflict
          fields={conflicts.map((key) => ({
            name: FIELD_NAMES[key],
            theirs: key === 'stance' ? STANCE_LABELS[current.stance] : current[key],
          }))}
          onKeepMine={() => fields.keepMine(conflicts)}
          onTakeTheirs={() => fields.takeTheirs(conflicts)}
        />
      )}
      <SubmitRow
        label={submitLabel}
        disabled={conflicts.length > 0}
        other={{ label: 'Cancel', onClick: onCancel }}
      />
    </form>
  );
}
