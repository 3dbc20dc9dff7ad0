/**
 * "Export" (leads): download the board as JSON, CSV, a Markdown report or ClaimReview
 * JSON-LD, now or as of an earlier moment, and set the organisation ClaimReview names.
 *
 * A modal dialog (ModalDialog): focus moves to its heading, Escape closes it; the opener gets
 * focus back (ExportTools). Results go to a status region, refusals to an alert region; both
 * stay in the page so screen readers announce their changes.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BoardView } from '../../shared/board/view';
import { ApiError } from '../app/api';
import { formatExactTime } from '../review/formatTime';
import { errorMessage } from '../ui/errorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { plural } from '../ui/plural';
import { ClaimReviewReadiness } from './ClaimReviewReadiness';
import { asOfParam, toLocalInputValue } from './asOfMoment';
import { type ExportChoice, EXPORT_CHOICES, fetchExport } from './exportApi';
import { OrganisationForm } from './OrganisationForm';
import { saveBlob } from './saveBlob';
import { unverifiedText } from './unverifiedText';
import './export.css';

/** Exports read what the server stored; a change still on its way would be missing. */
const SAVE_WAIT_MS = 5_000;

function placeholderText(placeholders: number): string {
  return placeholders === 1
    ? '1 review has a placeholder URL: replace it with the published fact-check’s before publishing.'
    : `${placeholders} reviews have a placeholder URL: replace them with the published fact-checks’ before publishing.`;
}

function cutCellsText(cells: number): string {
  return `${plural(cells, 'cell is', 'cells are')} longer than a spreadsheet cell holds (32,767 characters) and ${
    cells === 1 ? 'was' : 'were'
  } cut, marked where: the JSON and Markdown exports hold ${cells === 1 ? 'it' : 'them'} whole.`;
}

function skippedText(skipped: number, reviews: number | null, asOf: boolean): string {
  if (skipped === 0 && reviews === 0) {
    return `The file holds no review: no card ${asOf ? 'was' : 'is'} in Corroborated or Disputed${asOf ? ' at that moment' : ''}.`;
  }
  if (skipped === 0) return 'Every reviewed card was exported.';
  return `${plural(skipped, 'card', 'cards')} in Corroborated or Disputed ${
    skipped === 1 ? 'was' : 'were'
  } skipped: ${skipped === 1 ? 'it has no verdict label of its column' : 'they have no verdict label of their columns'} from the rating scale.`;
}

export function ExportDialog({
  board,
  boardId,
  token,
  unsaved,
  canExport,
  onClose,
}: {
  board: BoardView;
  boardId: string;
  token: string;
  /** Local changes the server has not acknowledged yet. */
  unsaved: boolean;
  /**
   * Whether the person is still a lead. Made editor or lower, the dialog closes, or, with an
   * organisation typed and not saved, keeps it read-only to copy, as Invite people does.
   */
  canExport: boolean;
  onClose: () => void;
}) {
  const id = useId();
  const orgNameRef = useRef<HTMLInputElement>(null);
  const [asOf, setAsOf] = useState(() => toLocalInputValue(Date.now()));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState<ExportChoice['format'] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [orgTyped, setOrgTyped] = useState(false);
  useEffect(() => {
    if (!canExport && !orgTyped) onClose();
  }, [canExport, orgTyped, onClose]);
  // Focus was on a download, gone with the role: it goes to why.
  const noLongerLead = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!canExport && document.activeElement === document.body) noLongerLead.current?.focus();
  }, [canExport]);
  const unsavedRef = useRef(unsaved);
  useEffect(() => {
    unsavedRef.current = unsaved;
  }, [unsaved]);

  const waitUntilSaved = async (): Promise<boolean> => {
    for (let waited = 0; unsavedRef.current && waited < SAVE_WAIT_MS; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return !unsavedRef.current;
  };

  const download = async (choice: ExportChoice) => {
    if (busy) return;
    const at = asOfParam(asOf, touched, Date.now());
    setStatus('');
    if (!at.ok) {
      setError(`Export as of: ${at.error}`);
      return;
    }
    setError('');
    setBusy(choice.format);
    try {
      if (unsavedRef.current) setStatus('Waiting for your last changes to be saved…');
      const saved = at.at !== null || (await waitUntilSaved());
      setStatus(`Preparing the ${choice.label} export…`);
      const file = await fetchExport(boardId, token, choice, at.at);
      saveBlob(file.blob, file.filename);
      const asOfText = at.at ? `, the board as of ${formatExactTime(Date.parse(at.at))}` : '';
      const parts = [`Downloaded ${file.filename}${asOfText}.`];
      if (file.skipped !== null)
        parts.push(skippedText(file.skipped, file.reviews, at.at !== null));
      if (file.placeholderUrls) parts.push(placeholderText(file.placeholderUrls));
      if (file.unverifiedVerdicts) {
        parts.push(unverifiedText(file.unverifiedVerdicts, at.at !== null));
      }
      if (file.cutCells) parts.push(cutCellsText(file.cutCells));
      if (!saved) parts.push('Some of your latest changes were not saved yet and are missing.');
      setStatus(parts.join(' '));
    } catch (err) {
      setStatus('');
      if (err instanceof ApiError && err.code === 'organisation_required') {
        setError(
          'ClaimReview needs your organisation: enter its name and website under Organisation, save, and export again.',
        );
        orgNameRef.current?.focus();
      } else {
        setError(`The ${choice.label} export failed: ${errorMessage(err)}`);
      }
    } finally {
      setBusy(null);
    }
  };

  const pastMoment = asOfParam(asOf, touched, Date.now());

  return (
    <ModalDialog title="Export board" className="export-dialog" focus="title" onClose={onClose}>
      <div className="dialog-body">
        {canExport ? (
          <>
            <p className="muted small">
              JSON, CSV and Markdown hold the whole board, whatever the filters show: every card
              with its evidence, verdict and comments. Every change, with who made it and when, is
              in JSON; the Markdown report gives each card's verdict history and the cards deleted.
              ClaimReview holds only the reviewed cards, without comments.
            </p>
            <div className="field">
              <label htmlFor={`${id}-at`}>Export as of…</label>
              <div className="row">
                <input
                  id={`${id}-at`}
                  type="datetime-local"
                  step={1}
                  value={asOf}
                  aria-describedby={`${id}-at-hint`}
                  onChange={(e) => {
                    setAsOf(e.target.value);
                    setTouched(true);
                  }}
                />
                <button
                  type="button"
                  className="button small"
                  onClick={() => {
                    setAsOf(toLocalInputValue(Date.now()));
                    setTouched(false);
                  }}
                >
                  Use now
                </button>
              </div>
              <p id={`${id}-at-hint`} className="muted small">
                {pastMoment.ok && pastMoment.at !== null
                  ? 'The export shows the board as it was at this moment.'
                  : 'The export shows the board as it is now. Pick an earlier moment to see it as it was then.'}
              </p>
            </div>
            <ul className="export-choices" aria-label="Formats" aria-busy={busy !== null}>
              {EXPORT_CHOICES.map((choice) => (
                <li key={choice.format}>
                  <button
                    type="button"
                    className="button"
                    aria-describedby={`${id}-${choice.format}`}
                    // aria-disabled, not disabled: a focused button that becomes disabled drops
                    // focus to the page, and the keyboard user starts again from the top.
                    aria-disabled={busy !== null}
                    onClick={() => void download(choice)}
                  >
                    {busy === choice.format
                      ? `Downloading ${choice.label}…`
                      : `Download ${choice.label}`}
                  </button>
                  <span id={`${id}-${choice.format}`} className="muted small">
                    {choice.description}
                  </span>
                  {choice.format === 'claimreview' && (
                    <ClaimReviewReadiness
                      board={board}
                      id={`${id}-readiness`}
                      asOf={pastMoment.ok && pastMoment.at !== null}
                    />
                  )}
                </li>
              ))}
            </ul>
            <div className="export-messages">
              <div role="status" className="export-status">
                {status}
              </div>
              <div role="alert" className="error">
                {error}
              </div>
            </div>
          </>
        ) : (
          <p ref={noLongerLead} role="alert" className="warning" tabIndex={-1}>
            You are no longer a lead on this board, so the organisation you typed was not saved. It
            is kept here to copy until you close this.
          </p>
        )}
        <OrganisationForm
          saved={board.meta.organisation}
          canSave={canExport}
          onTyped={setOrgTyped}
          nameRef={orgNameRef}
          onSaved={(message) => {
            setError('');
            setStatus(message);
          }}
        />
      </div>
    </ModalDialog>
  );
}
