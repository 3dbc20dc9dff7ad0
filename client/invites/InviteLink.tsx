/**
 * A new invite's link with a Copy button. The link carries the invitee's token and is shown
 * only this once, so the field is selected for copying by hand when the clipboard refuses.
 * Several may be on screen (every link made while Invite people is open), so the button's name
 * says whose link it copies. `onCopied` tells the dialog the link was copied, by its button or
 * by hand (the field's `copy` event, Ctrl+C or the context menu, fired where the clipboard API
 * is refused too), so that closing asks about links not copied only.
 */
import { type Ref, useEffect, useId, useRef, useState } from 'react';
import type { Role } from '../../shared/roles';
import { ROLE_LABELS } from '../app/roleLabels';

export function InviteLink({
  invite,
  copyRef,
  onCopied,
}: {
  invite: { name: string; role: Role; url: string };
  /** The Copy button, where focus goes back when closing asks about this link. */
  copyRef: Ref<HTMLButtonElement>;
  onCopied: () => void;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const copiedNow = () => {
    setCopied('Link copied. Send it to them privately: it is their key to this board.');
    onCopied();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invite.url);
      copiedNow();
    } catch {
      inputRef.current?.select();
      setCopied('Copying was blocked: the link is selected, press Ctrl+C (or Cmd+C) to copy it.');
    }
  };

  return (
    <div className="invite-link">
      <label className="field" htmlFor={`${id}-url`}>
        Invite link for {invite.name} ({ROLE_LABELS[invite.role]})
      </label>
      <div className="row">
        <input
          id={`${id}-url`}
          ref={inputRef}
          className="invite-url"
          readOnly
          value={invite.url}
          onFocus={(e) => e.currentTarget.select()}
          onCopy={(e) => {
            // Only the whole link sends someone to the board: a part copied is not it.
            const { selectionStart, selectionEnd, value } = e.currentTarget;
            if (selectionStart === 0 && selectionEnd === value.length) copiedNow();
          }}
        />
        <button
          ref={copyRef}
          type="button"
          className="button small"
          aria-label={`Copy link for ${invite.name} (${ROLE_LABELS[invite.role]})`}
          onClick={() => void copy()}
        >
          Copy link
        </button>
      </div>
      <p className="muted small" role="status">
        {copied ?? 'The link is shown only now. Copy it and send it to them.'}
      </p>
    </div>
  );
}
