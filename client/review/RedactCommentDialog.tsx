/**
 * "Redact this comment's text?": a lead takes a comment's words out for good (a source's name,
 * personal data posted by mistake). Says what goes and that it cannot be undone before anyone
 * confirms. Focus starts on Cancel, the harmless answer; Escape cancels too, except while the
 * server works.
 */
import { useRef, useState } from 'react';
import { ModalDialog } from '../ui/ModalDialog';
import { errorMessage } from '../ui/errorMessage';

export function RedactCommentDialog({
  author,
  onRedact,
  onCancel,
}: {
  /** Whose comment it is, as the thread names them. */
  author: string;
  /** Asks the server; rejects with what to tell the lead. */
  onRedact: () => Promise<void>;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const redact = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRedact();
    } catch (err) {
      setError(`The text could not be redacted: ${errorMessage(err)}`);
      setBusy(false);
    }
  };
  return (
    <ModalDialog
      title={`Redact ${author}’s comment text?`}
      focus={cancel}
      closeButton={false}
      closeDisabled={busy}
      className="redact-comment-dialog"
      onClose={onCancel}
    >
      <div className="dialog-body">
        <p>
          Its text is removed for good: from the card, from Activity and the card’s history, from
          exports (also those “as of” an earlier moment) and from everything the server stores. The
          comment stays deleted.
        </p>
        <p>
          <strong>This cannot be undone.</strong> Activity will say that you redacted it, and when.
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            className="button danger"
            // aria-disabled: disabled, it dropped focus to the page, and a refusal left the
            // keyboard user there.
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void redact();
            }}
          >
            {busy ? 'Redacting…' : 'Redact text'}
          </button>
          <button
            ref={cancel}
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) onCancel();
            }}
          >
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
