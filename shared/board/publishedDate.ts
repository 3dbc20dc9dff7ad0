/**
 * An article's publication day (schema ARTICLE_KEYS.published): an ISO calendar date,
 * `YYYY-MM-DD`, with no time and no zone, since a dateline names a day where the story was
 * printed and nothing more. The same rules hold for a command's input, a raw client's write
 * (fieldRules) and a JSON import.
 */

/** No newspaper story a board checks is older (and a typo of 0021 for 2021 is caught). */
export const EARLIEST_PUBLISHED = '1800-01-01';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar day ("2021-02-30" is not), not before 1800: the reader's rule. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  if (!m || value < EARLIEST_PUBLISHED) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A day an article can have been published on, as of `now`: a calendar day (isCalendarDay) no
 * later than tomorrow in UTC, a day's grace for a story dated in a time zone ahead of the
 * writer's. Checked on writes only: a reader that checked the clock too would read the same doc
 * differently on two machines whose clocks differ (B4).
 */
export function isPublishedDate(value: unknown, now = Date.now()): value is string {
  return isCalendarDay(value) && Date.parse(`${value}T00:00:00Z`) <= now + DAY_MS;
}
