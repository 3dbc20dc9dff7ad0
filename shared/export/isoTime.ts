/** Board times are ms since the epoch; exports write them as ISO 8601 UTC strings. */
const MAX_DATE_MS = 8.64e15;

/**
 * The ISO string of a board time. Readers already turn a missing or non-numeric time into 0;
 * a finite number outside the Date range (only a hostile client writes one) does the same,
 * so an export never throws on `toISOString`.
 */
export function isoTime(ms: number): string {
  return new Date(Math.abs(ms) <= MAX_DATE_MS ? ms : 0).toISOString();
}

/** The calendar day (UTC) of a board time, e.g. for file names and datePublished. */
export function isoDate(ms: number): string {
  return isoTime(ms).slice(0, 10);
}
