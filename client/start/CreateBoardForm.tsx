import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../shared/board/inputs';
import { hasVisibleText } from '../../shared/visibleText';
import { createBoard } from '../app/api';
import { rememberBoard } from '../app/knownBoards';
import { navigate } from '../app/router';
import { errorMessage } from '../ui/errorMessage';

/** Creates a board on the server; its creator becomes the lead and goes straight to it. */
export function CreateBoardForm({
  name,
  autoFocus = false,
}: {
  name: string;
  /** Right after the visitor gave their name: creating a board is the next step. */
  autoFocus?: boolean;
}) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!hasVisibleText(title) || busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createBoard(title.trim(), name);
      rememberBoard(created.leadToken, created.title);
      navigate(`/b/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="create-board-title">
      <h2 id="create-board-title">Create a board</h2>
      <p className="muted">You become its lead: you can invite editors, reviewers and viewers.</p>
      <label className="field">
        <span>Board title</span>
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={LIMITS.title}
          placeholder="e.g. Election night debate"
          required
          autoFocus={autoFocus}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {/* aria-disabled while creating, not disabled: a focused button that becomes disabled
          drops focus to the page, and a refusal ("The server cannot be reached") left a
          keyboard user there. */}
      <button
        type="submit"
        className="button primary"
        disabled={!hasVisibleText(title)}
        aria-disabled={busy}
      >
        {busy ? 'Creating…' : 'Create board'}
      </button>
    </form>
  );
}
