import { isolateRightToLeft } from '../../shared/isolateRightToLeft';

const SHOWN = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } as const;

/**
 * Made once: `toLocaleString` with options builds a formatter at each call, and a page formats
 * many times (1.3 s of a burst's profile with Activity open, before its rows were memoised).
 * A formatter keeps the time zone it was made in, which a page does not see change.
 */
let formatters:
  { readonly thisYear: Intl.DateTimeFormat; readonly other: Intl.DateTimeFormat } | undefined;

/**
 * A moment as people read it in the review UI: "12 Mar, 14:05" (with the year if not this one).
 * In a locale that writes it right to left it is isolated in our sentences (isolateRightToLeft):
 * otherwise the hour joins the month's run, "Lea, 6 15:45 ,בדצמ׳".
 */
export function formatTime(ms: number, now = Date.now()): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'unknown time';
  const date = new Date(ms);
  formatters ??= {
    thisYear: new Intl.DateTimeFormat(undefined, SHOWN),
    other: new Intl.DateTimeFormat(undefined, { ...SHOWN, year: 'numeric' }),
  };
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return isolateRightToLeft((sameYear ? formatters.thisYear : formatters.other).format(date));
}

let clock: Intl.DateTimeFormat | undefined;

/**
 * A moment as a clause's time, in this browser's time zone: "14:02" today, "14:02 on 6 Dec"
 * another day ("Ana Ruiz (lead) revoked your invite at 14:02").
 */
export function formatClock(ms: number, now = Date.now()): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'an unknown time';
  clock ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const date = new Date(ms);
  const time = isolateRightToLeft(clock.format(date));
  return date.toDateString() === new Date(now).toDateString()
    ? time
    : `${time} on ${formatDay(ms)}`;
}

let day: Intl.DateTimeFormat | undefined;

/** A day with its year ("5 Dec 2026"), for what happened once for good (a redaction). */
export function formatDay(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'an unknown day';
  day ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return isolateRightToLeft(day.format(new Date(ms)));
}

let exact: Intl.DateTimeFormat | undefined;

/**
 * A moment to the second, with its date and year ("3 Dec 2026, 12:39:07"): the tooltip of a
 * history entry's time, for the moment to ask an export "as of" between two changes made in
 * the same minute.
 */
export function formatExactTime(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'unknown time';
  exact ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return isolateRightToLeft(exact.format(new Date(ms)));
}

let calendarDay: Intl.DateTimeFormat | undefined;

/**
 * A calendar day given as `YYYY-MM-DD` (an article's publication day), in full as this
 * browser's language writes it: "1 September 2021", "September 1, 2021". Read in UTC, where
 * the day was made: in the browser's own zone, a day west of Greenwich read as the day before.
 */
export function formatCalendarDay(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(ms)) return day;
  calendarDay ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });
  return isolateRightToLeft(calendarDay.format(new Date(ms)));
}
