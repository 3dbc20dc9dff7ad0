import { type FormEvent, useRef, useState } from 'react';
import { useUnsavedPrompt } from './useUnsavedPrompt';
import { useTextLimit } from '../ui/useTextLimit';
import { useBoardActions } from './boardActions';
import { SPEAKER_LIST_ID } from './SpeakerSuggestions';

/** Adds a claim at the end of Unverified; keeps focus here for the next one. */
export function AddClaimForm({ onAdded }: { onAdded: (cardId: string) => void }) {
  const actions = useBoardActions();
  const [claim, setClaim] = useState('');
  const [speaker, setSpeaker] = useState('');
  useUnsavedPrompt(claim.trim() !== '');
  const claimRef = useRef<HTMLTextAreaElement>(null);
  const { announce } = actions;
  const claimLimit = useTextLimit({ text: claim.trim(), field: 'claim', announce, ref: claimRef });
  const speakerLimit = useTextLimit<HTMLInputElement>({
    text: speaker.trim(),
    field: 'speaker',
    announce,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!claim.trim()) return;
    if (claimLimit.refuse() || speakerLimit.refuse()) return;
    let id = '';
    const ok = actions.run('add the claim', () => {
      id = actions.commands.addClaim({ claim: claim.trim(), speaker: speaker.trim() || null });
    });
    if (!ok) return;
    setClaim('');
    setSpeaker('');
    actions.announce('Claim added to Unverified.');
    onAdded(id);
    // Ready for the next claim, whether this one was added with Enter or the button.
    claimRef.current?.focus();
  };

  return (
    <form className="add-claim" onSubmit={submit} aria-label="Add a claim">
      <label className="visually-hidden" htmlFor="new-claim">
        New claim
      </label>
      <textarea
        id="new-claim"
        {...claimLimit.field}
        placeholder="New claim…"
        rows={2}
        value={claim}
        onChange={(e) => setClaim(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      {claimLimit.note}
      <div className="row">
        <label className="visually-hidden" htmlFor="new-speaker">
          Who said it
        </label>
        <input
          id="new-speaker"
          {...speakerLimit.field}
          placeholder="Who said it? (optional)"
          list={SPEAKER_LIST_ID}
          value={speaker}
          onChange={(e) => setSpeaker(e.target.value)}
        />
        <button type="submit" className="button primary small" aria-disabled={!claim.trim()}>
          Add claim
        </button>
      </div>
      {speakerLimit.note}
    </form>
  );
}
