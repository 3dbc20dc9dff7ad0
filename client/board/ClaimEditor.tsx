import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { Actor } from '../../shared/board/actor';
import { EditConflict } from '../ui/EditConflict';
import { fieldDraftState } from '../ui/useFieldDraft';
import { useTextLimit } from '../ui/useTextLimit';
import { useBoardActions } from './boardActions';
import type { ClaimEdits } from './claimEdits';

/**
 * Edits a claim in place: Enter saves, Shift+Enter breaks the line, Escape cancels. If a
 * colleague changes the claim meanwhile, the editor stays open and says so: "Keep mine" saves
 * this person's text over theirs, "Use theirs" closes the editor on the colleague's. A claim
 * over its limit is not saved and not cut: the editor stays open, saying by how much. The draft
 * lives in `edits`, not here: a colleague moving the card mounts the editor again in the other
 * column, with the draft, and with focus and the caret where they were.
 * Once this person may no longer edit cards (their invite revoked, a lower role), the editor
 * goes read-only, keeping what they typed to copy, with why it was not saved, until they
 * discard it or (a role raised again) may save it, as New claim does (AddClaimForm); with
 * nothing typed it simply closes. Enter there says why instead of "Claim saved." (QA15 F1, F3),
 * and so does Escape, which discards nothing there (QA16 F2).
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
  const { announce, canEdit, lostRights } = useBoardActions();
  const keptNoteId = `claim-kept-${cardId}`;
  const keptNote = `You can no longer edit claims (${lostRights.why}), so this was not saved: copy it${
    lostRights.mayReturn ? ', or save it once you may edit the board again' : ''
  }.`;
  const limit = useTextLimit({
    text: shown.claim.trim(),
    field: 'claim',
    announce,
    ref: area,
    describedBy: canEdit ? undefined : keptNoteId,
  });
  const typed = shown.claim.trim() !== current;
  // Nothing typed to keep: the editor goes with the right to save it.
  useEffect(() => {
    if (!canEdit && !typed) onCancel();
  });
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
  /** `blur`: the person left the editor, which keeps it open if it cannot save. */
  const finish = (keep: boolean, { overTheirs = false, blur = false } = {}) => {
    if (done.current) return;
    if (keep && !canEdit) {
      // Kept where it is, to copy: Enter says why it stays; leaving the field says nothing.
      if (!blur) announce(keptNote);
      return;
    }
    if (keep && conflicts.length > 0 && !overTheirs) return; // the conflict is shown: they choose
    // Too long: shown next to the field, and said as it went over; Enter says it again.
    if (keep && (blur ? limit.error !== null : limit.refuse())) return;
    done.current = true;
    const value = shown.claim.trim();
    if (keep && value && value !== current) onSave(value);
    else onCancel();
  };
  return (
    <>
      {/* The card's top row is a flex row: the field and its note stack in one cell of it. */}
      <div className="field claim-editor">
        <textarea
          {...limit.field}
          aria-label="Claim text"
          value={shown.claim}
          readOnly={!canEdit}
          rows={3}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => draft.edit({ claim: e.target.value })}
          onBlur={() => finish(true, { blur: true })}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              finish(true);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              // Read-only, the text is kept to copy: only "Discard typed claim" throws it away,
              // and Escape says why it stays, as Enter does (QA16 F2); New claim's kept form
              // does not discard on Escape either.
              finish(!canEdit);
            }
          }}
        />
        {limit.note}
        {!canEdit && (
          <>
            <p className="muted small" id={keptNoteId}>
              {keptNote}
            </p>
            <span className="row">
              <button type="button" className="button small" onClick={() => finish(false)}>
                Discard typed claim
              </button>
            </span>
          </>
        )}
      </div>
      {canEdit && (
        <EditConflict
          fields={conflicts.map(() => ({ name: 'the claim', theirs: current }))}
          by={updatedBy}
          onKeepMine={() => finish(true, { overTheirs: true })}
          onTakeTheirs={() => finish(false)}
        />
      )}
    </>
  );
}
