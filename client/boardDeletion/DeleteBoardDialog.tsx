/**
 * "Delete board?": says what goes (everything, for everyone, for good) and asks the lead to
 * type the board's title to confirm. Focus starts in that field; Enter deletes, Escape or
 * Cancel closes (focus back on "Delete board…", DeleteBoardTool). A title typed wrong is said
 * in the alert region and focus stays in the field; while the request runs, nothing closes it.
 */
import { useId, useRef, useState } from 'react';
import { errorMessage } from '../ui/errorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { quoted } from '../ui/quoted';
import { confirmationWord, confirms, deleteBoard } from './deleteBoard';

export function DeleteBoardDialog({
  title,
  boardId,
  token,
  onClose,
}: {
  /** The board's title as its page shows it now. */
  title: string;
  boardId: string;
  token: string;
  onClose: () => void;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const word = confirmationWord(title);

  const submit = async () => {
    if (busy) return;
    if (!confirms(typed, title)) {
      setError(`Type ${quoted(word)} to delete the board.`);
      field.current?.focus();
      return;
    }
    setError('');
    setBusy(true);
    try {
      // On success the app leaves the board page, this dialog with it.
      await deleteBoard(boardId, token);
    } catch (err) {
      setError(`The board was not deleted: ${errorMessage(err)}`);
      setBusy(false);
      field.current?.focus();
    }
  };

  return (
    <ModalDialog
      title={`Delete ${quoted(title || 'Untitled board')}?`}
      className="delete-board-dialog"
      describedBy={`${id}-what`}
      focus={field}
      closeButton={false}
      closeDisabled={busy}
      onClose={onClose}
    >
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p id={`${id}-what`}>
          This deletes the board for everyone, for good: its cards, evidence, verdicts, comments,
          articles, history and invites. Everyone who has it open is disconnected, and nobody can
          open it again. It cannot be undone: export the board first if you may need it.
        </p>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>Type {quoted(word)} to confirm</label>
          <input
            ref={field}
            id={`${id}-confirm`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            aria-invalid={error !== '' && !busy}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <div role="alert" className="error">
          {error}
        </div>
        <div className="row">
          <button
            type="submit"
            className="button danger"
            // aria-disabled, not disabled: a focused button that becomes disabled drops focus.
            aria-disabled={busy}
          >
            {busy ? 'Deleting board…' : 'Delete board'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => !busy && onClose()}
            aria-disabled={busy}
          >
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
