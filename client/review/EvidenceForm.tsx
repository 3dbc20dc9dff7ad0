/**
 * Adding or editing one evidence item: source URL (http or https only), the quoted passage,
 * the stance and an optional note. Checked with the model's own rules before it is sent, so
 * the person sees what is wrong next to the field. Escape cancels the form, not the dialog.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { evidenceInput, LIMITS } from '../../shared/board/inputs';
import type { Stance } from '../../shared/board/view';
import { STANCE_LABELS } from './stanceLabels';

export interface EvidenceDraft {
  readonly url: string;
  readonly quote: string;
  readonly stance: Stance;
  readonly note: string;
}

const EMPTY: EvidenceDraft = { url: '', quote: '', stance: 'supports', note: '' };

export function EvidenceForm({
  initial = EMPTY,
  title,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: EvidenceDraft;
  /** The form's accessible name, e.g. "New evidence". */
  title: string;
  submitLabel: string;
  /** Returns false when the command was refused (the form stays open). */
  onSubmit: (draft: EvidenceDraft) => boolean;
  onCancel: () => void;
}) {
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => urlRef.current?.focus(), []);

  const set = (patch: Partial<EvidenceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = { ...draft, url: draft.url.trim() };
    if (!evidenceInput.safeParse(clean).success) {
      setError('Enter the address of the source, starting with http:// or https://.');
      urlRef.current?.focus();
      return;
    }
    setError(null);
    onSubmit(clean);
  };

  return (
    <form
      className="evidence-form"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="field">
        <span>Source URL</span>
        <input
          ref={urlRef}
          type="url"
          inputMode="url"
          value={draft.url}
          onChange={(e) => set({ url: e.target.value })}
          maxLength={LIMITS.url}
          placeholder="https://"
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          required
        />
      </label>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      <label className="field">
        <span>Quoted passage</span>
        <textarea
          rows={3}
          value={draft.quote}
          onChange={(e) => set({ quote: e.target.value })}
          maxLength={LIMITS.quote}
        />
      </label>
      <fieldset className="stance-picker">
        <legend>Stance</legend>
        {(Object.keys(STANCE_LABELS) as Stance[]).map((stance) => (
          <label key={stance}>
            <input
              type="radio"
              name={`${id}-stance`}
              value={stance}
              checked={draft.stance === stance}
              onChange={() => set({ stance })}
            />{' '}
            {STANCE_LABELS[stance]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Note (optional)</span>
        <textarea
          rows={2}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          maxLength={LIMITS.note}
        />
      </label>
      <div className="row">
        <button type="submit" className="button primary small">
          {submitLabel}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
