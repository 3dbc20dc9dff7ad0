/**
 * Writing a comment, a reply or an edit: a labelled text area, Ctrl/Cmd+Enter to send (said
 * under the field, and as its description), and (for replies and edits) Escape to cancel
 * without closing the dialog around it. Typing @ and a few letters suggests members to mention
 * (useMentionAutocomplete); while the suggestions show, Enter, Tab, the arrows and Escape are
 * theirs.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useBoardActions } from '../board/boardActions';
import { useEscapeAsks } from '../ui/DiscardQuestion';
import { SubmitRow } from '../ui/SubmitRow';
import { useTextLimit } from '../ui/useTextLimit';
import { useTextBack, useUnsavedDraft } from '../ui/unsavedDrafts';
import { MentionSuggestions } from './MentionSuggestions';
import { useMentionAutocomplete } from './useMentionAutocomplete';

export function CommentForm({
  label,
  form,
  submitLabel,
  initial = '',
  members,
  autoFocus = false,
  onSubmit,
  onCancel,
  onTextChange,
}: {
  label: string;
  /**
   * The form's own name for taking back what it held (unsavedDrafts), where its label is not
   * its own: every comment's edit is "Edit comment".
   */
  form?: string;
  submitLabel: string;
  initial?: string;
  /** The names @ suggests. */
  members: readonly string[];
  autoFocus?: boolean;
  /** Returns false when the command was refused (the text stays). */
  onSubmit: (text: string) => boolean;
  onCancel?: () => void;
  /** Told of the text as it is typed: to keep it should the form go from under its person. */
  onTextChange?: (text: string) => void;
}) {
  const hintId = useId();
  // What was typed here before a lead took the right to comment away, and gave it back. An
  // edit takes it only by its own form name: by its label, another comment's would.
  const back = useTextBack(form ?? (initial ? null : label), 'comment');
  const [text, setText] = useState(back ?? initial);
  const dirty = text.trim() !== initial.trim();
  useUnsavedDraft(label, dirty, text, { saves: 'comment', form });
  const escape = useEscapeAsks(dirty, () => onCancel?.());
  const own = useRef<HTMLTextAreaElement>(null);
  const mention = useMentionAutocomplete({ text, setText, members, textarea: own });
  const { announce } = useBoardActions();
  const limit = useTextLimit({
    text: text.trim(),
    field: 'comment',
    announce,
    ref: own,
    describedBy: hintId,
  });
  useEffect(() => {
    if (autoFocus) own.current?.focus();
  }, [autoFocus]);
  useEffect(() => onTextChange?.(text), [text, onTextChange]);

  /**
   * What Ctrl+Enter on an empty field says (the button is disabled then, and the last
   * "Comment posted." would be all there is to hear), until the person types.
   */
  const [empty, setEmpty] = useState(false);
  useEffect(() => {
    if (text.trim()) setEmpty(false);
  }, [text]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    if (limit.refuse()) return;
    const fromHere = own.current?.form?.contains(document.activeElement) ?? false;
    if (!onSubmit(text.trim())) return;
    setText('');
    // The button pressed is disabled now the field is empty: a keyboard user would be left on
    // a control that does nothing. Back to the field, for the next one (a reply's or an edit's
    // form closes, and moves focus on itself).
    if (fromHere) own.current?.focus();
  };

  return (
    <form
      className="comment-form"
      aria-label={label}
      onSubmit={submit}
      // On the form, not the text: Escape on the question's buttons is the form's too.
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) escape.onEscape(e);
      }}
    >
      <div className="mention-field">
        <textarea
          {...mention.inputProps}
          {...limit.field}
          aria-label={label}
          rows={2}
          value={text}
          placeholder="Write a comment. Mention someone with @name."
          onChange={(e) => mention.onTextChange(e.target.value)}
          onKeyDown={(e) => {
            if (mention.onKeyDown(e)) return;
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <MentionSuggestions mention={mention} />
      </div>
      {limit.note}
      {/* One grid row for both: the note, empty, takes no room (and stays in the page: a live
          region that appears is not announced). */}
      <div>
        <p className="small" aria-live="polite">
          {empty && `Write ${submitLabel.includes('reply') ? 'a reply' : 'a comment'} first.`}
        </p>
        <p id={hintId} className="muted small">
          Ctrl+Enter (⌘Enter on a Mac): {submitLabel.toLowerCase()}.
        </p>
      </div>
      {escape.question}
      <SubmitRow
        label={submitLabel}
        disabled={!text.trim()}
        other={onCancel && { label: 'Cancel', onClick: onCancel }}
      />
    </form>
  );
}
