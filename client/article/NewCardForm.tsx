/**
 * Turns a passage of the article into a card: the claim starts as the passage (white space
 * folded, editable; a passage longer than a claim may be is kept whole and said to be too long,
 * to be cut by the person), the source span is the passage's exact offsets. Escape cancels.
 *
 * The passage is shown in a read-only text box, so part of it can be selected from the
 * keyboard (Shift and the arrow keys), which the article text itself does not allow without
 * caret browsing; "Keep only the selected part" then narrows the passage to that part.
 *
 * A lead who lowers this person's role (or revokes the invite) meanwhile leaves a claim or
 * speaker they typed on screen, read-only, with why it cannot be made a card; a form left as
 * it opened (the passage's words) goes, as nothing of theirs is in it.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useBoardActions } from '../board/boardActions';
import { SPEAKER_LIST_ID } from '../board/SpeakerSuggestions';
import { useTextLimit } from '../ui/useTextLimit';
import { MAX_PASSAGE, type Passage, trimmedPassage } from './passageAt';

const claimFrom = (passage: string): string => passage.replace(/\s+/g, ' ').trim();

/** The part of `passage` selected in its text box, as offsets into the article; else null. */
function selectedPart(passage: Passage, box: HTMLTextAreaElement): Passage | null {
  const { selectionStart: from, selectionEnd: to } = box;
  if (to <= from || (from === 0 && to === passage.text.length)) return null;
  const part = trimmedPassage(passage.text, from, to);
  return part && { ...part, start: passage.start + part.start, end: passage.start + part.end };
}

export function NewCardForm({
  passage,
  onCreate,
  onNarrow,
  onCancel,
}: {
  passage: Passage;
  onCreate: (claim: string, speaker: string | null) => void;
  /** Replaces the passage by a part of it (the form is then made anew for that part). */
  onNarrow: (part: Passage) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const { announce, canEdit, lostRights } = useBoardActions();
  const claimRef = useRef<HTMLTextAreaElement>(null);
  const [claim, setClaim] = useState(() => claimFrom(passage.text));
  const [speaker, setSpeaker] = useState('');
  const [part, setPart] = useState<Passage | null>(null);
  const tooLong = passage.text.length > MAX_PASSAGE;
  const claimLimit = useTextLimit({ text: claim.trim(), field: 'claim', announce, ref: claimRef });
  const speakerLimit = useTextLimit<HTMLInputElement>({
    text: speaker.trim(),
    field: 'speaker',
    announce,
  });

  useEffect(() => claimRef.current?.focus(), []);
  const typed = claim !== claimFrom(passage.text) || speaker.trim() !== '';
  useEffect(() => {
    if (!canEdit && !typed) onCancel();
  }, [canEdit, typed, onCancel]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canEdit || !claim.trim() || tooLong) return;
    if (claimLimit.refuse() || speakerLimit.refuse()) return;
    onCreate(claim.trim(), speaker.trim() || null);
  };

  return (
    <form
      className="new-card-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={`${id}-title`}>New card from this passage</h3>
      {!canEdit && (
        <p role="alert" className="warning small">
          You can no longer make cards here ({lostRights.why}): what you typed is kept to copy until
          you cancel.
        </p>
      )}
      <label htmlFor={`${id}-passage`}>Source passage</label>
      {/* Not `readOnly`: Chromium gives a read-only box no caret, so nothing could be selected
          from the keyboard. Edits are refused instead, and aria-readonly says so. */}
      <textarea
        id={`${id}-passage`}
        className="source-sentence"
        aria-readonly="true"
        rows={Math.min(6, Math.max(2, Math.ceil(passage.text.length / 60)))}
        value={passage.text}
        aria-describedby={`${id}-narrow-how`}
        onBeforeInput={(e) => e.preventDefault()}
        onPaste={(e) => e.preventDefault()}
        onCut={(e) => e.preventDefault()}
        onDrop={(e) => e.preventDefault()}
        onChange={() => undefined}
        onSelect={(e) => setPart(selectedPart(passage, e.currentTarget))}
      />
      <p id={`${id}-narrow-how`} className="muted small">
        To quote only part of it, select that part (Shift and the arrow keys) and keep it.
      </p>
      <button
        type="button"
        className="button small"
        disabled={!part}
        onClick={() => part && onNarrow(part)}
      >
        Keep only the selected part
      </button>
      {tooLong && (
        <p role="alert" className="error">
          The passage is longer than {MAX_PASSAGE.toLocaleString()} characters: select less.
        </p>
      )}
      <label htmlFor={`${id}-claim`}>Claim</label>
      <textarea
        id={`${id}-claim`}
        {...claimLimit.field}
        rows={3}
        readOnly={!canEdit}
        value={claim}
        onChange={(e) => setClaim(e.target.value)}
      />
      {claimLimit.note}
      <label htmlFor={`${id}-speaker`}>Who said it (optional)</label>
      <input
        id={`${id}-speaker`}
        {...speakerLimit.field}
        list={SPEAKER_LIST_ID}
        readOnly={!canEdit}
        value={speaker}
        onChange={(e) => setSpeaker(e.target.value)}
      />
      {speakerLimit.note}
      <div className="row">
        {canEdit && (
          <button
            type="submit"
            className="button primary small"
            disabled={!claim.trim() || tooLong}
          >
            Create card
          </button>
        )}
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
