/**
 * The board's organisation (name and web address), the author of its ClaimReview markup.
 * Saved on the board with setOrganisation, so every lead's ClaimReview export names it.
 */
import { type FormEvent, type Ref, useEffect, useId, useState } from 'react';
import { LIMITS, organisationSchema } from '../../shared/board/inputs';
import type { Organisation } from '../../shared/board/view';
import { useBoardActions } from '../board/boardActions';
import { useTextLimit } from '../ui/useTextLimit';

type Problems = Partial<Record<'name' | 'url', string>>;

const MESSAGES: Readonly<Record<keyof Problems, string>> = {
  name: 'Enter the organisation’s name.',
  url: 'Enter the organisation’s web address, starting with https:// or http://.',
};

function problemsOf(draft: Organisation): Problems {
  const parsed = organisationSchema.safeParse(draft);
  if (parsed.success) return {};
  const problems: Problems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    // An address past its length is told by its length note (useTextLimit), not as one of
    // the wrong form.
    if (field === 'url' && issue.code === 'too_big') continue;
    if (field === 'name' || field === 'url') problems[field] = MESSAGES[field];
  }
  return problems;
}

export function OrganisationForm({
  saved,
  canSave,
  onTyped,
  nameRef,
  onSaved,
}: {
  saved: Organisation | null;
  /** False once the person is no longer a lead: what was typed stays, read-only, to copy. */
  canSave: boolean;
  /** Told whether something typed is not saved (the dialog stays open for it). */
  onTyped: (typed: boolean) => void;
  /** The name field, which the dialog focuses when ClaimReview is refused for want of it. */
  nameRef: Ref<HTMLInputElement>;
  onSaved: (message: string) => void;
}) {
  const id = useId();
  const actions = useBoardActions();
  // Null while untouched: the fields then follow the board (another lead may set it).
  const [draft, setDraft] = useState<Organisation | null>(null);
  const [tried, setTried] = useState(false);
  const shown = draft ?? saved ?? { name: '', url: '' };
  const trimmed = { name: shown.name.trim(), url: shown.url.trim() };
  const problems = tried ? problemsOf(trimmed) : {};
  const edit = (patch: Partial<Organisation>) => setDraft({ ...shown, ...patch });
  const typed =
    draft !== null && (trimmed.name !== (saved?.name ?? '') || trimmed.url !== (saved?.url ?? ''));
  useEffect(() => onTyped(typed), [typed, onTyped]);
  // A pasted address is kept whole: one cut at the limit would be a wrong link, saved silently.
  const urlLimit = useTextLimit<HTMLInputElement>({
    text: trimmed.url,
    field: 'url',
    announce: actions.announce,
    describedBy: problems.url ? `${id}-url-error` : undefined,
  });

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (draft === null || !canSave) return; // nothing changed since the last save
    setTried(true);
    if (urlLimit.refuse() || Object.keys(problemsOf(trimmed)).length > 0) return;
    const ok = actions.run('save the organisation', () =>
      actions.commands.setOrganisation(trimmed),
    );
    if (!ok) return;
    setDraft(null);
    setTried(false);
    onSaved(`Organisation saved: ${trimmed.name}.`);
  };

  return (
    <form
      className="export-organisation"
      onSubmit={save}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h3 id={`${id}-title`}>Organisation</h3>
      <p className="muted small">
        Named as the author of the ClaimReview markup, with its web address.
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Organisation name</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          value={shown.name}
          maxLength={LIMITS.title}
          readOnly={!canSave}
          autoComplete="organization"
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={problems.name ? `${id}-name-error` : undefined}
          onChange={(e) => edit({ name: e.target.value })}
        />
        {problems.name && (
          <p id={`${id}-name-error`} className="error small">
            {problems.name}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>Organisation website</label>
        <input
          {...urlLimit.field}
          id={`${id}-url`}
          type="url"
          readOnly={!canSave}
          value={shown.url}
          placeholder="https://example.org"
          aria-invalid={problems.url || urlLimit.error ? true : undefined}
          onChange={(e) => edit({ url: e.target.value })}
        />
        {urlLimit.note}
        {problems.url && (
          <p id={`${id}-url-error`} className="error small">
            {problems.url}
          </p>
        )}
      </div>
      {canSave && (
        <div className="row">
          {/* aria-disabled: a focused button that becomes disabled on saving drops focus. */}
          <button type="submit" className="button small" aria-disabled={draft === null}>
            Save organisation
          </button>
        </div>
      )}
    </form>
  );
}
