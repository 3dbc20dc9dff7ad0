/**
 * The start page's "Import a board": a JSON export (from this or another Factboard server)
 * becomes a new board, and the person importing it its lead, exactly as when creating one:
 * the lead token is kept in this browser and the board opens. The server checks the file
 * and lists every problem it finds; nothing is created from a file it refuses.
 *
 * The upload shows its progress (a slow link took 29 s for a 750 KB file, with nothing but
 * "Importing…" to see), can be cancelled, and one that stalls is given up with a Retry
 * (uploadBoardImport, UploadProgressBar): nothing is created from a file the server did not
 * receive whole. One sent whole and never answered (UploadUnanswered) may have made the board:
 * it says so, with Retry, which its Idempotency-Key (uploadBoardImport) makes answer with that
 * board rather than make a second.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { rememberBoard } from '../app/knownBoards';
import { navigate } from '../app/router';
import { errorMessage } from '../ui/errorMessage';
import { type UploadProgress, UploadStalled, UploadUnanswered } from '../app/uploadWithProgress';
import { UploadProgressBar } from '../ui/UploadProgressBar';
import { RequestRefused } from './exportApi';
import { uploadBoardImport } from './uploadBoardImport';
import './export.css';

/** Enough to see what is wrong; the server may list hundreds for a foreign file. */
const MAX_DETAILS = 8;

interface Failure {
  readonly message: string;
  readonly details: readonly string[];
  /** The same file may go again as it is (a stalled or lost upload, not a refused file). */
  readonly retry: boolean;
}

export function ImportBoardForm({ name }: { name: string }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [note, setNote] = useState('');
  const upload = useRef<AbortController | null>(null);
  const importRef = useRef<HTMLButtonElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);

  const start = async () => {
    if (busy || !file) return;
    setBusy(true);
    setFailure(null);
    setNote('');
    setProgress({ sent: 0, total: file.size });
    const controller = new AbortController();
    upload.current = controller;
    try {
      const created = await uploadBoardImport(await file.text(), name, {
        onProgress: setProgress,
        signal: controller.signal,
      });
      rememberBoard(created.leadToken, created.title);
      navigate(`/b/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setBusy(false);
      setProgress(null);
      if (controller.signal.aborted) {
        // Cancel goes once the whole file is sent (UploadProgressBar): up to then the server
        // has not got the whole file, and builds nothing from part of one.
        setNote('Import cancelled: no board was created.');
        importRef.current?.focus();
        return;
      }
      const refused = err instanceof RequestRefused;
      // The whole file went and no answer came: the server may have made the board, whose
      // only link was in the answer. Sent again with the same Idempotency-Key, it is answered
      // with that board's link.
      const unanswered = err instanceof UploadUnanswered;
      // A file the server refused goes again only where the server was busy or failed.
      const retry = err instanceof UploadStalled || !refused || err.status >= 500;
      setFailure({
        message: unanswered
          ? 'The file reached the server but no answer came: the board may have been made. Retry sends it again, and it is made only once.'
          : refused && err.code === 'invalid_export'
            ? 'This file is not a Factboard JSON export this server can read.'
            : `The import failed: ${errorMessage(err)}`,
        details: refused ? err.details : [],
        retry,
      });
      // Retry is the next step after a stall (focused once shown, below); after a refusal,
      // another file.
      if (!retry) fileRef.current?.focus();
    } finally {
      upload.current = null;
    }
  };

  useEffect(() => {
    if (failure?.retry) retryRef.current?.focus();
  }, [failure]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start();
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
            setNote('');
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
      {progress && (
        <UploadProgressBar
          label={`Uploading ${file?.name ?? 'the export'}`}
          progress={progress}
          serverWork="Building the board…"
          onCancel={() => upload.current?.abort()}
        />
      )}
      <p role="status" className="small">
        {note}
      </p>
      {/* Busy, aria-disabled: disabled, it dropped focus to the page, where a refusal left
          the keyboard user (submit ignores a second press). */}
      <div className="import-board-actions">
        <button
          ref={importRef}
          type="submit"
          className="button primary"
          disabled={!file}
          aria-disabled={busy}
        >
          {busy ? 'Importing…' : 'Import board'}
        </button>
        {failure?.retry && !busy && (
          <button ref={retryRef} type="button" className="button" onClick={() => void start()}>
            Retry
          </button>
        )}
      </div>
    </form>
  );
}
