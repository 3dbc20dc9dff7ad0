import { useRef } from 'react';
import { LIMITS } from '../../shared/board/inputs';
import { EditConflict } from '../ui/EditConflict';
import { useFieldDraft } from '../ui/useFieldDraft';
import { useUnsavedPrompt } from './useUnsavedPrompt';

/**
 * Edits a claim in place: Enter saves, Shift+Enter breaks the line, Escape cancels. If a
 * colleague changes the claim meanwhile, the editor stays open and says so: "Keep mine" saves
 * this person's text over theirs, "Use theirs" closes the editor on the colleague's.
 */
export function ClaimEditor({
  current,
  onSave,
  onCancel,
}: {
  /** The claim as it is now, kept live. */
  current: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const draft = useFieldDraft({ claim: current });
  const { shown, conflicts } = draft;
  useUnsavedPrompt(draft.dirty);
  // Enter, Escape and blur may all fire for one edit (blur when the editor unmounts).
  const done = useRef(false);
  const finish = (keep: boolean, overTheirs = false) => {
    if (done.current) return;
    if (keep && conflicts.length > 0 && !overTheirs) return; // the conflict is shown: they choose
    done.current = true;
    const value = shown.claim.trim();
    if (keep && value && value !== current) onSave(value);
    else onCancel();
  };
  return (
    <>
      <textarea
        className="claim-editor"
        aria-label="Claim text"
        value={shown.claim}
        maxLength={LIMITS.claim}
        rows={3}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => draft.edit({ claim: e.target.value })}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            finish(true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            finish(false);
          }
        }}
      />
      <EditConflict
        fields={conflicts.map(() => ({ name: 'the claim', theirs: current }))}
        onKeepMine={() => finish(true, true)}
        onTakeTheirs={() => finish(false)}
      />
    </>
  );
}
