/**
 * What a card's ClaimReview says beyond its verdict: whether the speaker is a person or an
 * organization (its author's @type; not set, the export guesses from the name) and where the
 * fact-check is published (its url; not set, a placeholder on the organisation's site that a
 * newsroom cannot publish). Saved together, as the verdict form is: only the fields this person
 * changed are written, and a colleague's change to one of them meanwhile is shown as a
 * conflict. Read-only for reviewers and viewers.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { httpUrl } from '../../shared/board/inputs';
import type { SpeakerType } from '../../shared/board/schema';
import type { CardView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import { EditConflict } from '../ui/EditConflict';
import { SubmitRow } from '../ui/SubmitRow';
import { useDraftedFields } from '../ui/useDraftedFields';
import { useTextLimit } from '../ui/useTextLimit';
import { withScheme } from '../ui/withScheme';

const TYPE_LABELS: Readonly<Record<SpeakerType, string>> = {
  person: 'Person',
  organization: 'Organization',
};
const FIELD_NAMES = {
  speakerType: 'the speaker’s type',
  reviewUrl: 'the published fact-check URL',
} as const;
const URL_ERROR =
  'Enter the address of the published fact-check, starting with https:// or http://.';

const isSpeakerType = (v: string): v is SpeakerType => Object.hasOwn(TYPE_LABELS, v);

export function PublicationForm({ card, actions }: { card: CardView; actions: BoardActions }) {
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const [error, setError] = useState<string | null>(null);
  // Untouched fields follow colleagues' changes.
  const draft = useDraftedFields(
    'the speaker’s type and published fact-check',
    { speakerType: card.speakerType ?? '', reviewUrl: card.reviewUrl ?? '' },
    (d) =>
      [isSpeakerType(d.speakerType) ? TYPE_LABELS[d.speakerType] : '', d.reviewUrl]
        .filter((t) => t.trim())
        .join('\n'),
  );
  const { shown, conflicts } = draft;
  // Counted as it will be saved: trimmed and completed by withScheme. A pasted address past
  // the limit is kept whole and told: one cut short would be a wrong link, saved without a word.
  const urlLimit = useTextLimit<HTMLInputElement>({
    text: withScheme(shown.reviewUrl.trim()),
    field: 'url',
    announce: actions.announce,
    ref: urlRef,
    describedBy: `${id}-url-hint${error ? ` ${id}-url-error` : ''}`,
  });

  if (!actions.canEdit) {
    return (
      <>
        <p>Speaker is a: {card.speakerType ? TYPE_LABELS[card.speakerType] : 'Not set'}</p>
        <p>
          Published fact-check:{' '}
          {card.reviewUrl && httpUrl.safeParse(card.reviewUrl).success ? (
            <a href={card.reviewUrl} target="_blank" rel="noreferrer noopener">
              {card.reviewUrl}
            </a>
          ) : (
            'Not published yet'
          )}
        </p>
      </>
    );
  }

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.dirty || conflicts.length > 0) return;
    // Before the check below, whose message would blame the address's form for a length.
    if (urlLimit.refuse()) return;
    const { speakerType, reviewUrl } = draft.changes;
    const url = reviewUrl === undefined ? undefined : withScheme(reviewUrl.trim()) || null;
    if (url && !httpUrl.safeParse(url).success) {
      setError(URL_ERROR);
      urlRef.current?.focus();
      return;
    }
    setError(null);
    const ok = actions.run('save the publication details', () =>
      actions.commands.editCard(card.id, {
        ...(speakerType === undefined
          ? {}
          : { speakerType: isSpeakerType(speakerType) ? speakerType : null }),
        ...(url === undefined ? {} : { reviewUrl: url }),
      }),
    );
    if (ok) {
      draft.reset();
      actions.announce('Publication details saved.');
    }
  };

  return (
    <form className="publication-form" aria-label="Publication" noValidate onSubmit={save}>
      <label className="field">
        <span>Speaker is a</span>
        <select
          ref={selectRef}
          aria-describedby={`${id}-type-hint`}
          value={shown.speakerType}
          onChange={(e) => draft.edit({ speakerType: e.target.value })}
        >
          <option value="">Not set</option>
          {Object.entries(TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-type-hint`} className="muted small">
        Not set, the ClaimReview export guesses it from the speaker’s name.
      </p>
      <label className="field">
        <span>Published fact-check URL</span>
        <input
          {...urlLimit.field}
          type="url"
          inputMode="url"
          value={shown.reviewUrl}
          placeholder="https://"
          aria-invalid={error !== null || urlLimit.error !== null}
          onChange={(e) => {
            setError(null);
            draft.edit({ reviewUrl: e.target.value });
          }}
        />
      </label>
      {urlLimit.note}
      {error && (
        <p id={`${id}-url-error`} className="error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-url-hint`} className="muted small">
        The page where the fact-check is published: the ClaimReview export links to it.
      </p>
      <EditConflict
        fields={conflicts.map((key) => ({
          name: FIELD_NAMES[key],
          theirs:
            key === 'speakerType'
              ? card.speakerType
                ? TYPE_LABELS[card.speakerType]
                : 'not set'
              : (card.reviewUrl ?? ''),
        }))}
        by={card.updatedBy}
        onKeepMine={() => draft.keepMine(conflicts)}
        onTakeTheirs={() => draft.takeTheirs(conflicts)}
      />
      <SubmitRow
        label="Save publication details"
        disabled={!draft.dirty || conflicts.length > 0}
        other={
          draft.dirty && {
            label: 'Discard changes',
            onClick: () => {
              draft.reset();
              setError(null);
              selectRef.current?.focus();
            },
          }
        }
      />
    </form>
  );
}
