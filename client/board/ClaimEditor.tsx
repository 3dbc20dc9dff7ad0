import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { Actor } from '../../shared/board/actor';
import { LIMITS } from '../../shared/board/inputs';
import { EditConflict } from '../ui/EditConflict';
import { fieldDraftState } from '../ui/useFieldDraft';
import type { ClaimEdits } from './claimEdits';

/**
 * Edits a claim in place: Enter saves, Shift+Enter breaks the line, Escape cancels. If a
 * colleague changes the claim meanwhile, the editor stays open and says so: "Keep mine" saves
 * this person's text over theirs, "Use theirs" closes the editor on the colleague's. The draft
 * lives in `edits`, not here: a colleague moving the card mounts the editor again in the other
 * column, with the draft, and with focus and the caret where they were.
 */
export function ClaimEditor({
  cardId,
  current,
  updatedBy,
  edits,
  onSave,
  onCancel,
}: {
  cardId: string;
  /** The claim as it is now, kept live. */
  current: string;
  /** Who changed the card last, for a conflict (EditConflict). */
  updatedBy: Actor;
  edits: ClaimEdits;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const edit = useSyncExternalStore(edits.subscribe, () => edits.get(cardId));
  const draft = fieldDraftState(
    { claim: current },
    edit?.draft ?? { base: {}, mine: {} },
    (update) => edits.setDraft(cardId, update),
  );
  const { shown, conflicts } = draft;
  const area = useRef<HTMLTextAreaElement>(null);
  // Enter, Escape and blur may all fire for one edit.
  const done = useRef(false);
  // Takes focus as the edit starts or comes back to a new row with it; says, as the row goes
  // (before its elements leave the page), whether it had focus and where the caret was. A
  // blur while the row goes is not the person leaving the editor: it saves nothing.
  useLayoutEffect(() => {
    const el = area.current;
    done.current = false;
    const focus = edits.get(cardId)?.focus ?? null;
    if (el && focus) {
      el.focus();
      if (focus !== 'all') el.setSelectionRange(focus.start, focus.end);
    }
    return () => {
      done.current = true;
      const had = el !== null && document.activeElement === el;
      edits.setFocus(cardId, had ? { start: el.selectionStart, end: el.selectionEnd } : null);
    };
  }, [edits, cardId]);
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
        ref={area}
        className="claim-editor"
        aria-label="Claim text"
        value={shown.claim}
        maxLength={LIMITS.claim}
        rows={3}
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
        by={updatedBy}
        onKeepMine={() => finish(true, true)}
        onTakeTheirs={() => finish(false)}
      />
    </>
  );
}
