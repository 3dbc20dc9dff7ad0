import { type FormEvent, useEffect, useRef, useState } from 'react';
import { RESTORED_NOTE } from './keptTyping';
import { useUnsavedPrompt } from './useUnsavedPrompt';
import { FoldToggle } from '../ui/FoldToggle';
import { useFold } from '../ui/useFold';
import { useTextLimit } from '../ui/useTextLimit';
import { useBoardActions } from './boardActions';
import { SPEAKER_LIST_ID } from './SpeakerSuggestions';

const KEPT_NOTE_ID = 'new-claim-kept';
const CLAIM_LABEL = 'New claim';
const SPEAKER_LABEL = 'Who said it';

/**
 * Adds a claim at the end of Unverified; keeps focus here for the next one. Stays on the board
 * for everyone, showing nothing to those who may not add claims, so that what an editor typed
 * outlives a lower role (QA5 F3): read-only to copy, with why, until they may add it again or
 * discard it, as a card dialog keeps its typed text.
 */
export function AddClaimForm({
  canAdd,
  onAdded,
}: {
  /** Whether this person may add claims now (their role). */
  canAdd: boolean;
  onAdded: (cardId: string) => void;
}) {
  const actions = useBoardActions();
  const { keptTyping, announce } = actions;
  // What was typed here before the page went (the browser's Back), kept on the device; the
  // board says it is back (useKeptTyping), and the form shows so while it holds it.
  const [back] = useState(() => keptTyping.load('new-claim'));
  const backOf = (label: string) => back.find((d) => d.label === label)?.text ?? '';
  const [claim, setClaim] = useState(() => backOf(CLAIM_LABEL));
  const [speaker, setSpeaker] = useState(() => backOf(SPEAKER_LABEL));
  useUnsavedPrompt(claim.trim() !== '');
  useEffect(
    () =>
      keptTyping.save('new-claim', [
        { label: CLAIM_LABEL, text: claim, saves: 'card' },
        { label: SPEAKER_LABEL, text: speaker, saves: 'card' },
      ]),
    [keptTyping, claim, speaker],
  );
  const restored = back.length > 0 && claim === backOf(CLAIM_LABEL) && claim !== '';
  // In a short window (styles.css) the form folds behind "New claim", as its 144 px left
  // Unverified's cards less room than one card takes above a notice; it starts open with
  // typed text back, which the board focuses (useKeptTyping).
  const fold = useFold(back.length > 0);

  const claimRef = useRef<HTMLTextAreaElement>(null);
  // Read-only, the boxes say why (the note below them).
  const describedBy = canAdd ? undefined : KEPT_NOTE_ID;
  const claimLimit = useTextLimit({
    text: claim.trim(),
    field: 'claim',
    announce,
    ref: claimRef,
    describedBy,
  });
  const speakerLimit = useTextLimit<HTMLInputElement>({
    text: speaker.trim(),
    field: 'speaker',
    announce,
    describedBy,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canAdd || !claim.trim()) return;
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
  const discard = () => {
    setClaim('');
    setSpeaker('');
    actions.announce('The claim you had typed is discarded.');
  };

  if (!canAdd && !claim && !speaker) return null;

  return (
    <div className="add-claim-fold">
      {/* Opened, straight into the claim's box. */}
      <FoldToggle fold={fold} className="add-claim-toggle" unfoldInto={claimRef}>
        New claim
      </FoldToggle>
      <form
        {...fold.panel('add-claim')}
        onSubmit={submit}
        aria-label="Add a claim"
        onKeyDown={fold.foldOnEscape}
      >
        <label className="visually-hidden" htmlFor="new-claim">
          New claim
        </label>
        <textarea
          id="new-claim"
          {...claimLimit.field}
          placeholder="New claim…"
          rows={2}
          value={claim}
          readOnly={!canAdd}
          onChange={(e) => setClaim(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {claimLimit.note}
        {restored && <p className="restored-note muted small">{RESTORED_NOTE}</p>}
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
            readOnly={!canAdd}
            onChange={(e) => setSpeaker(e.target.value)}
          />
          {canAdd ? (
            <button type="submit" className="button primary small" aria-disabled={!claim.trim()}>
              Add claim
            </button>
          ) : (
            <button type="button" className="button small" onClick={discard}>
              Discard typed claim
            </button>
          )}
        </div>
        {speakerLimit.note}
        {!canAdd && (
          <p className="muted" id={KEPT_NOTE_ID}>
            You can no longer add claims ({actions.lostRights.why}): this is what you had typed, to
            copy.
            {actions.lostRights.mayReturn && ' It can be added once you may edit the board again.'}
          </p>
        )}
      </form>
    </div>
  );
}
