/**
 * A new invite's link with a Copy button. The link carries the invitee's token and is shown
 * only this once, so the field is selected for copying by hand when the clipboard refuses.
 * Several may be on screen (every link made while Invite people is open), so the button's name
 * says whose link it copies.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Role } from '../../shared/roles';
import { ROLE_LABELS } from '../app/roleLabels';

export function InviteLink({ invite }: { invite: { name: string; role: Role; url: string } }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied('Link copied. Send it to them privately: it is their key to this board.');
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
        />
        <button
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
