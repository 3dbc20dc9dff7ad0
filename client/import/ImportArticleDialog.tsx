/**
 * "Import article": pasted text or a file (.txt, .md, .html), an optional title, source URL and
 * publication day (proposed from a date near the top of the text, said where it was found, for
 * the person to keep or change: articleDateIn), sent to POST /api/boards/:id/articles with the member's token. The server's refusals
 * (400 empty, 413 too large, 415 not text, 503 too many imports at once: try again in a few
 * seconds) are shown in the dialog in its words (a 503 while it stops: that it is restarting,
 * errorMessage), what was typed kept for another try; on success it says how many claims
 * became cards, or why none did, lists those it left out because their card had been deleted,
 * to restore (DeletedBeforeList), and offers the article view, and "Undo import" for an article
 * it added: the import is the server's write, not in the person's Ctrl+Z history, and a wrong
 * paste is best taken back at once (removeArticle: the article with the cards nobody worked on
 * yet, in one step that the notice's Undo, or Ctrl+Z, brings back).
 *
 * The upload shows its progress, "Uploading notes.txt" or "Uploading pasted article" (an
 * article of a few MB over a slow link took minutes with nothing but "Importing…" to see, or
 * for good when the link stalled), with "Cancel upload" until every byte is sent, then "Finding
 * claims…" while the server extracts them; one that sends nothing and hears nothing for 15 s is
 * given up with Retry (uploadWithProgress, UploadProgressBar). The server adds nothing from an
 * article it did not receive whole, so a cancelled, stalled or cut upload adds nothing.
 *
 * A modal dialog (ModalDialog): focus moves to the text field, Escape closes it unless an
 * import is on its way (asking first when an article is pasted and not imported), and cancels
 * the upload while "Cancel upload" is offered; the opener gets focus back (ArticleTools).
 *
 * A lead who lowers this person's role (or revokes the invite) while an article is pasted and
 * not imported leaves it on screen, read-only, with why it cannot be imported; with nothing
 * pasted the dialog closes, as its button goes.
 */
import {
  type ClipboardEvent,
  type FormEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ArticleRemoval } from '../../shared/board';
import { LIMITS } from '../../shared/board/inputs';
import { EARLIEST_PUBLISHED, isPublishedDate } from '../../shared/board/publishedDate';
import { type ArticleDate, articleDateIn } from '../../shared/extract/articleDate';
import { hasVisibleText } from '../../shared/visibleText';
import {
  sentWhole,
  type UploadProgress,
  UploadStalled,
  UploadUnanswered,
} from '../app/uploadWithProgress';
import { useBoardActions } from '../board/boardActions';
import { errorMessage } from '../ui/errorMessage';
import { plural } from '../ui/plural';
import { useLeaveAsks } from '../ui/DiscardQuestion';
import { ModalDialog } from '../ui/ModalDialog';
import { UploadProgressBar } from '../ui/UploadProgressBar';
import { useTextLimit } from '../ui/useTextLimit';
import { withScheme } from '../ui/withScheme';
import { latestPublished, PUBLISHED_RULE } from '../article/publishedBounds';
import { addressInsteadOfText } from './addressInsteadOfText';
import { fileDateOf } from './fileDateOf';
import { articleTextTooLarge } from './articleTextTooLarge';
import { DeletedBeforeList } from './DeletedBeforeList';
import { importSummary } from './importSummary';
import { type ImportedArticle, postArticle } from './postArticle';
import './import.css';
import { quoted } from '../ui/quoted';

/** The server names the offending field by its JSON key; the form calls it by its label. */
function friendly(err: unknown): string {
  // Sent whole, unanswered: it may be on the board. Its Idempotency-Key (postArticle) makes a
  // Retry add it at most once.
  if (err instanceof UploadUnanswered) {
    return 'The article reached the server but no answer came: it may have been added. Retry sends it again, and it is added only once.';
  }
  return errorMessage(err)
    .replace(/^url: /, 'Source URL: ')
    .replace(/^title: /, 'Title: ')
    .replace(/^published: /, 'Published: ');
}

export function ImportArticleDialog({
  boardId,
  token,
  onClose,
  onShowArticle,
}: {
  boardId: string;
  token: string;
  onClose: () => void;
  onShowArticle: (articleId: string) => void;
}) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const publishedRef = useRef<HTMLInputElement>(null);
  const chosenFile = useRef<File | null>(null);
  const id = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  /** The day typed or picked; null until the person touches the field (then the proposal goes). */
  const [typedDay, setTypedDay] = useState<string | null>(null);
  /** The date near the top of the chosen file (read in the browser), if it has one. */
  const [fileDate, setFileDate] = useState<ArticleDate | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportedArticle | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  /** The last upload stalled or went unanswered: the same article may go again as it is. */
  const [stalled, setStalled] = useState(false);
  const [note, setNote] = useState('');
  const upload = useRef<AbortController | null>(null);
  const importRef = useRef<HTMLButtonElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  // Escape or Close with a pasted article not yet imported asks first (found by QA: it was
  // gone, and the card and rating-scale dialogs ask). A chosen file is still on the disk.
  const asks = useLeaveAsks();
  const actions = useBoardActions();
  const { announce } = actions;
  const [undoError, setUndoError] = useState<string | null>(null);
  // Counted as postArticle sends it. A pasted link past the limit is kept whole and told: one
  // cut short would link the article to a wrong page without a word.
  const urlLimit = useTextLimit<HTMLInputElement>({
    text: withScheme(url.trim()),
    field: 'url',
    announce,
  });
  // Proposed from the text's dateline or date line (articleDateIn), shown pre-filled and said
  // where it came from, until the person picks or clears a day themselves.
  const pastedDate = useMemo(() => (file ? null : articleDateIn(text)), [file, text]);
  const proposal = typedDay === null ? (file ? fileDate : pastedDate) : null;
  const published = typedDay ?? proposal?.day ?? '';
  const typed = done
    ? []
    : [
        ...(hasVisibleText(text) ? ['the article text'] : []),
        ...(hasVisibleText(title) || hasVisibleText(url) ? ['the title and source URL'] : []),
      ];
  const requestClose = () => asks.leave(typed, onClose);
  // The role a lead may lower meanwhile: the form stays to copy from, and imports nothing.
  const mayImport = actions.canEdit;
  const nothingTyped = typed.length === 0 && file === null;
  useEffect(() => {
    if (!mayImport && !done && nothingTyped) onClose();
  }, [mayImport, done, nothingTyped, onClose]);

  const start = async () => {
    if (busy || !mayImport) return;
    if (!file && !hasVisibleText(text)) {
      setError('Paste the article text or choose a file.');
      textRef.current?.focus();
      return;
    }
    const address = file ? null : addressInsteadOfText(text);
    if (address !== null) {
      // Said before anything is stored: the address goes where it belongs, the text is kept.
      const moved = !hasVisibleText(url);
      if (moved) setUrl(address);
      setError(
        `This is a web address, not the article: Factboard does not open pages. Open it in your browser, copy the story’s text and paste it here, or save the page and choose the file.${moved ? ' The address is now in Source URL.' : ''}`,
      );
      textRef.current?.focus();
      return;
    }
    if (urlLimit.refuse()) {
      setError(null); // an earlier refusal's words no longer apply
      return;
    }
    if (published !== '' && !isPublishedDate(published)) {
      setError(`Published: ${PUBLISHED_RULE}`);
      publishedRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setStalled(false);
    setNote('');
    const controller = new AbortController();
    upload.current = controller;
    try {
      const source = file
        ? {
            kind: 'file' as const,
            name: file.name,
            type: file.type,
            bytes: await file.arrayBuffer(),
          }
        : { kind: 'text' as const, text };
      setProgress({ sent: 0, total: file ? file.size : text.length });
      setDone(
        await postArticle(
          boardId,
          token,
          source,
          { title, url, published: published || undefined },
          { onProgress: setProgress, signal: controller.signal },
        ),
      );
    } catch (err) {
      if (controller.signal.aborted) {
        // Cancel goes once the whole article is sent (UploadProgressBar): up to then the
        // server has not got all of it, and adds nothing from part of one.
        setNote('Import cancelled: nothing was added to the board.');
        importRef.current?.focus();
        return;
      }
      setError(friendly(err));
      setStalled(err instanceof UploadStalled || err instanceof UploadUnanswered);
    } finally {
      upload.current = null;
      setBusy(false);
      setProgress(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start();
  };

  // Retry is the next step after a stall.
  useEffect(() => {
    if (stalled) retryRef.current?.focus();
  }, [stalled]);

  /** Takes the article just added off the board; the board's notice offers Undo. */
  const undoImport = (article: ImportedArticle) => {
    let removal: ArticleRemoval;
    try {
      removal = actions.commands.removeArticle(article.articleId);
    } catch (err) {
      // Shown here: the board's notice is behind this dialog.
      setUndoError(`Could not undo the import: ${errorMessage(err)}`);
      return;
    }
    // The cards a colleague worked on stay; those another article has the sentence of move there.
    const stayed = removal.kept.length - removal.moved.length;
    const kept = stayed
      ? `; ${plural(stayed, 'card stays', 'cards stay')}: a colleague worked on ${stayed === 1 ? 'it' : 'them'}`
      : '';
    const moved = removal.moved.length
      ? `; ${plural(removal.moved.length, 'card moves', 'cards move')} to another article that has ${removal.moved.length === 1 ? 'its sentence' : 'their sentences'}`
      : '';
    actions.notify(
      `Import undone: ${quoted(removal.title)} removed with ${plural(removal.removed.length, 'card', 'cards')}${kept}${moved}`,
      true,
    );
    onClose();
  };

  /**
   * Text past the article limit is refused before it lands in the field (articleTextTooLarge),
   * what is there kept: a paste is measured from the clipboard; what comes otherwise (typing,
   * a drop) is measured as the field's change, which React then undoes.
   */
  const refused = (next: string, added?: string): boolean => {
    const tooLarge = articleTextTooLarge(next, added);
    if (tooLarge) setError(tooLarge);
    return tooLarge !== null;
  };
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    if (!mayImport) return; // read-only: nothing lands
    const field = e.currentTarget;
    // The field keeps line breaks as \n, whatever the clipboard holds.
    const pasted = e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
    const next =
      field.value.slice(0, field.selectionStart) + pasted + field.value.slice(field.selectionEnd);
    if (refused(next, pasted)) e.preventDefault();
  };

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setFileDate(null);
    // Read as it comes, for the file still chosen then (not one changed or removed meanwhile).
    chosenFile.current = chosen;
    if (chosen) {
      void fileDateOf(chosen).then((found) => {
        if (chosenFile.current === chosen) setFileDate(found);
      });
    }
  };
  const clearFile = () => {
    setFile(null);
    setFileDate(null);
    chosenFile.current = null;
    if (fileRef.current) fileRef.current.value = '';
    fileRef.current?.focus();
  };

  return (
    <ModalDialog
      title="Import article"
      className="import-dialog"
      focus={textRef}
      closeDisabled={busy}
      onClose={requestClose}
      // Escape cancels the upload as its "Cancel upload" does, while that is offered.
      onBusyEscape={() => {
        if (progress && !sentWhole(progress)) upload.current?.abort();
      }}
    >
      {asks.question}
      {/* Mounted, empty, from the start: a status region that appears already holding its
          text is often not read at all (found by QA), and focus moves to "Show the article"
          at the same moment. */}
      <p role="status" className={done ? 'import-result' : note ? 'small' : 'visually-hidden'}>
        {done ? importSummary(done) : note}
      </p>
      {done ? (
        <div className="dialog-body">
          {done.title && <p className="muted">{done.title}</p>}
          {done.deletedBefore.length > 0 && (
            <DeletedBeforeList boardId={boardId} token={token} cards={done.deletedBefore} />
          )}
          <div className="row">
            <button
              type="button"
              className="button primary"
              autoFocus
              onClick={() => onShowArticle(done.articleId)}
            >
              Show the article
            </button>
            <button type="button" className="button" onClick={onClose}>
              Done
            </button>
            {done.created && (
              <button type="button" className="button" onClick={() => undoImport(done)}>
                Undo import
              </button>
            )}
          </div>
          {undoError && (
            <p role="alert" className="error import-error">
              {undoError}
            </p>
          )}
        </div>
      ) : (
        <form className="dialog-body import-form" onSubmit={submit} aria-busy={busy} noValidate>
          {!mayImport && (
            <p role="alert" className="warning">
              You can no longer import articles here ({actions.lostRights.why}): what you typed is
              kept to copy until you close this.
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-text`}>Article text</label>
            <textarea
              id={`${id}-text`}
              ref={textRef}
              rows={10}
              value={text}
              readOnly={!mayImport}
              disabled={file !== null}
              aria-describedby={`${id}-text-hint`}
              onPaste={onPaste}
              onChange={(e) => {
                if (!refused(e.target.value)) setText(e.target.value);
              }}
            />
            <p id={`${id}-text-hint`} className="muted small">
              {file
                ? 'The chosen file is imported instead of pasted text.'
                : 'Paste the text of a news article, or choose a file below.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>Or a file (.txt, .md, .html)</label>
            <div className="row">
              <input
                id={`${id}-file`}
                ref={fileRef}
                type="file"
                disabled={!mayImport}
                accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              />
              {file && (
                <button type="button" className="button small" onClick={clearFile}>
                  Remove file
                </button>
              )}
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-headline`}>Title (optional)</label>
            <input
              id={`${id}-headline`}
              value={title}
              readOnly={!mayImport}
              maxLength={LIMITS.title}
              placeholder="Taken from the article when empty"
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-url`}>Source URL (optional)</label>
            <input
              {...urlLimit.field}
              id={`${id}-url`}
              type="url"
              value={url}
              readOnly={!mayImport}
              placeholder="https://…"
              onChange={(e) => setUrl(e.target.value)}
            />
            {urlLimit.note}
          </div>
          <div className="field">
            <label htmlFor={`${id}-published`}>Published (optional)</label>
            <input
              id={`${id}-published`}
              ref={publishedRef}
              type="date"
              value={published}
              readOnly={!mayImport}
              min={EARLIEST_PUBLISHED}
              max={latestPublished()}
              aria-describedby={`${id}-published-hint`}
              onChange={(e) => setTypedDay(e.target.value)}
            />
            <p id={`${id}-published-hint`} className="muted small">
              {proposal
                ? `Found near the top of the article: ${quoted(proposal.words)}. Change it if the story was published another day.`
                : 'The day the article was published, which its fact-checks give as the claim’s date.'}
            </p>
          </div>
          {progress && (
            <UploadProgressBar
              label={`Uploading ${file?.name ?? 'pasted article'}`}
              progress={progress}
              serverWork="Finding claims…"
              onCancel={() => upload.current?.abort()}
            />
          )}
          {error && (
            <p role="alert" className="error import-error">
              {error}
            </p>
          )}
          <div className="row">
            {/* aria-disabled, not disabled, while busy: a focused button that becomes disabled
                drops focus to the page, and the server's refusal is read to nobody's place. */}
            {mayImport && (
              <button ref={importRef} type="submit" className="button primary" aria-disabled={busy}>
                {busy ? 'Importing…' : 'Import'}
              </button>
            )}
            {stalled && mayImport && !busy && (
              <button ref={retryRef} type="button" className="button" onClick={() => void start()}>
                Retry
              </button>
            )}
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => {
                if (!busy) onClose();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
