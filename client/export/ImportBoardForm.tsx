/**
 * The start page's "Import a board": a JSON export (from this or another Factboard server)
 * becomes a new board, and the person importing it its lead, exactly as when creating one:
 * the lead token is kept in this browser and the board opens. The server checks the file
 * and lists every problem it finds; nothing is created from a file it refuses.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { rememberBoard } from '../app/knownBoards';
import { navigate } from '../app/router';
import { errorMessage } from '../ui/errorMessage';
import { importBoardExport, RequestRefused } from './exportApi';
import './export.css';

/** Enough to see what is wrong; the server may list hundreds for a foreign file. */
const MAX_DETAILS = 8;

interface Failure {
  readonly message: string;
  readonly details: readonly string[];
}

export function ImportBoardForm({ name }: { name: string }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !file) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await importBoardExport(await file.text(), name);
      rememberBoard(created.leadToken, created.title);
      navigate(`/b/${encodeURIComponent(created.id)}`);
    } catch (err) {
      const refused = err instanceof RequestRefused;
      setFailure({
        message:
          refused && err.code === 'invalid_export'
            ? 'This file is not a Factboard JSON export this server can read.'
            : `The import failed: ${errorMessage(err)}`,
        details: refused ? err.details : [],
      });
      setBusy(false);
      fileRef.current?.focus();
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Import a board from a JSON export</h2>
      <p className="muted">
        A copy of an exported board, with its cards, evidence, comments and history. You become its
        lead.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>JSON export file</label>
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          aria-describedby={failure ? `${id}-error` : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFailure(null);
          }}
        />
      </div>
      <div role="alert" id={`${id}-error`}>
        {failure && (
          <>
            <p className="error">{failure.message}</p>
            {failure.details.length > 0 && (
              <ul className="import-board-errors small">
                {failure.details.slice(0, MAX_DETAILS).map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
                {failure.details.length > MAX_DETAILS && (
                  <li>and {failure.details.length - MAX_DETAILS} more</li>
                )}
              </ul>
            )}
          </>
        )}
      </div>
      {/* Busy, aria-disabled: disabled, it dropped focus to the page, where a refusal left
          the keyboard user (submit ignores a second press). */}
      <button type="submit" className="button primary" disabled={!file} aria-disabled={busy}>
        {busy ? 'Importing…' : 'Import board'}
      </button>
    </form>
  );
}
