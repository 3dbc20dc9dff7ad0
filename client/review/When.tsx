/**
 * A moment in the review UI: "3 Dec, 14:05" as people read it (formatTime), to the second in
 * its tooltip (formatExactTime), and machine-readable. One element for history entries and a
 * card's Created and Last change, so the same moment reads the same everywhere.
 */
import { formatExactTime, formatTime } from './formatTime';

export function When({ at, className }: { at: number; className?: string }) {
  if (!Number.isFinite(at) || at <= 0) return <>{formatTime(at)}</>;
  return (
    <time className={className} dateTime={new Date(at).toISOString()} title={formatExactTime(at)}>
      {formatTime(at)}
    </time>
  );
}
