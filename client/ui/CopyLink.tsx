/**
 * A button that puts a link on the clipboard and says so. Where the browser refuses the
 * clipboard (a permission denied, or a page served over plain http, where there is no
 * Clipboard API), the link shows in a read-only field, selected, to copy by hand. Used for a
 * card's own address (CopyCardLink) and for a person's own invite link (client/access/OwnLink).
 */
import { useEffect, useId, useRef, useState } from 'react';

export function CopyLink({
  link,
  button,
  field,
  copied,
  note,
  className,
}: {
  /** An absolute URL. */
  link: string;
  /** The button's text (and name). */
  button: string;
  /** The hand-copy field's label. */
  field: string;
  /** What the status says once the link is on the clipboard. */
  copied: string;
  /** What to know before copying it, shown by the button and read as its description. */
  note?: string;
  className: string;
}) {
  const id = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  const [byHand, setByHand] = useState(false);
  useEffect(() => {
    if (!byHand) return;
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [byHand]);

  const copy = async () => {
    // Emptied first, so that a second copy is said again.
    setSaid('');
    try {
      await navigator.clipboard.writeText(link);
      setSaid(copied);
    } catch {
      setByHand(true);
      fieldRef.current?.select();
      setSaid(
        'Copying was blocked: the link is selected below, press Ctrl+C (or Cmd+C) to copy it.',
      );
    }
  };

  return (
    <div className={className}>
      <button
        type="button"
        className="button small"
        aria-describedby={note ? `${id}-note` : undefined}
        onClick={() => void copy()}
      >
        {button}
      </button>
      {note && (
        <p id={`${id}-note`} className="muted small">
          {note}
        </p>
      )}
      {byHand && (
        <label className="field">
          <span>{field}</span>
          <input
            ref={fieldRef}
            className="invite-url"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
      <p className="muted small" role="status">
        {said}
      </p>
    </div>
  );
}
