/**
 * How far an upload is (uploadWithProgress), as a named progress bar with its percentage and a
 * "Cancel upload" button; once every byte is sent, what the server is doing with it
 * (`serverWork`: "Building the board…", "Finding claims…"), in a live region mounted empty
 * with the bar so that it is read when it fills: the wait that follows is the server's, not the
 * link's, and a page that said nothing new at 100% looked stuck.
 *
 * From then on Cancel is unavailable (aria-disabled, so that focus stays on it): the server has
 * the whole body and may already be writing what it makes of it, and an answer dropped then
 * would leave a board no link in this browser opens, or cards the dialog said were not added.
 */
import { useId } from 'react';
import { sentWhole, type UploadProgress } from '../app/uploadWithProgress';

/** Whole percent sent, 100 only once every byte is. */
const percent = ({ sent, total }: UploadProgress) =>
  total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0;

export function UploadProgressBar({
  label,
  progress,
  serverWork,
  onCancel,
}: {
  label: string;
  progress: UploadProgress;
  serverWork: string;
  onCancel: () => void;
}) {
  const id = useId();
  const done = percent(progress);
  const sent = sentWhole(progress);
  return (
    <div className="upload-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={done}
        className="upload-bar"
      >
        <span style={{ width: `${done}%` }} />
      </div>
      <span className="small">{done}%</span>
      {/* Live, polite and atomic as a status is, without its role: the dialog or form around
          it keeps the one status region, which holds its result. */}
      <span aria-live="polite" aria-atomic="true" id={`${id}-work`} className="small">
        {sent ? serverWork : ''}
      </span>
      <button
        type="button"
        className="button small"
        aria-disabled={sent}
        aria-describedby={sent ? `${id}-work` : undefined}
        onClick={() => {
          if (!sent) onCancel();
        }}
      >
        Cancel upload
      </button>
    </div>
  );
}
