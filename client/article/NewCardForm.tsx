/**
 * Turns a passage of the article into a card: the claim starts as the passage (white space
 * folded, editable), the source span is the passage's exact offsets. Escape cancels.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../shared/board/inputs';
import { MAX_PASSAGE, type Passage } from './passageAt';

function claimFrom(passage: string): string {
  const folded = passage.replace(/\s+/g, ' ').trim();
  return folded.length <= LIMITS.claim ? folded : `${folded.slice(0, LIMITS.claim - 1)}…`;
}

export function NewCardForm({
  passage,
  onCreate,
  onCancel,
}: {
  passage: Passage;
  onCreate: (claim: string, speaker: string | null) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const claimRef = useRef<HTMLTextAreaElement>(null);
  const [claim, setClaim] = useState(() => claimFrom(passage.text));
  const [speaker, setSpeaker] = useState('');
  const tooLong = passage.text.length > MAX_PASSAGE;

  useEffect(() => claimRef.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!claim.trim() || tooLong) return;
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
      <blockquote className="source-sentence">
        {passage.text.length > 400 ? `${passage.text.slice(0, 400)}…` : passage.text}
      </blockquote>
      {tooLong && (
        <p role="alert" className="error">
          The passage is longer than {MAX_PASSAGE.toLocaleString()} characters: select less.
        </p>
      )}
      <label htmlFor={`${id}-claim`}>Claim</label>
      <textarea
        id={`${id}-claim`}
        ref={claimRef}
        rows={3}
        value={claim}
        maxLength={LIMITS.claim}
        onChange={(e) => setClaim(e.target.value)}
      />
      <label htmlFor={`${id}-speaker`}>Who said it (optional)</label>
      <input
        id={`${id}-speaker`}
        value={speaker}
        maxLength={LIMITS.speaker}
        onChange={(e) => setSpeaker(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="button primary small" disabled={!claim.trim() || tooLong}>
          Create card
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
