import type { Actor } from '../../shared/board/actor';
import { SPEAKER_LIST_ID } from '../board/SpeakerSuggestions';
import { EditConflict } from '../ui/EditConflict';
import { useDraftedFields } from '../ui/useDraftedFields';
import { useTextLimit } from '../ui/useTextLimit';

/**
 * The speaker, editable; saved when the field loses focus or on Enter. It follows a
 * colleague's change until this person types; a colleague's change while they type is shown as
 * a conflict, never written over silently. A name past its limit is kept and told
 * (useTextLimit), not saved, on Enter or on leaving the field.
 */
export function SpeakerField({
  value,
  updatedBy,
  announce,
  onSave,
}: {
  value: string | null;
  /** Who changed the card last: a conflict from this person's other tab says so. */
  updatedBy: Actor;
  /** Where the dialog says things: why a speaker too long is not saved. */
  announce: (text: string) => void;
  onSave: (speaker: string | null) => void;
}) {
  const draft = useDraftedFields('the speaker', { speaker: value ?? '' }, (d) => d.speaker);
  const { shown, conflicts } = draft;
  const limit = useTextLimit<HTMLInputElement>({
    text: shown.speaker.trim(),
    field: 'speaker',
    announce,
  });
  const save = () => {
    if (limit.refuse()) return;
    const next = shown.speaker.trim() || null;
    if (next !== value) onSave(next);
    draft.reset();
  };
  return (
    <>
      <input
        {...limit.field}
        aria-label="Speaker"
        list={SPEAKER_LIST_ID}
        value={shown.speaker}
        placeholder="Not attributed"
        onChange={(e) => draft.edit({ speaker: e.target.value })}
        onBlur={(e) => {
          // Focus leaving for the dialog's Close or its "Close without saving?" question is a
          // request to close, which asks first: saving on the way would answer it.
          const to = e.relatedTarget instanceof Element ? e.relatedTarget : null;
          if (to?.closest('[data-close-request]') || limit.error) return;
          if (draft.dirty && conflicts.length === 0) save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (draft.dirty && conflicts.length === 0) save();
          }
        }}
      />
      {limit.note}
      <EditConflict
        fields={conflicts.map(() => ({ name: 'the speaker', theirs: value ?? '' }))}
        by={updatedBy}
        onKeepMine={save}
        onTakeTheirs={() => draft.takeTheirs(conflicts)}
      />
    </>
  );
}
