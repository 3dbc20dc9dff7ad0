/**
 * "Export as of…": the moment picked in a `datetime-local` input (the browser's local time,
 * to the second) and the `at` query value it becomes. Left at the moment the dialog opened,
 * the export is of the board as it is; only an earlier moment sends `at`.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm:ss` in local time, the value a `datetime-local` input with step 1 takes. */
export function toLocalInputValue(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** The local input value as ms since the epoch; NaN when it is not a complete date and time. */
export function fromLocalInputValue(value: string): number {
  // `new Date('YYYY-MM-DDTHH:mm[:ss]')` without an offset is local time (ECMA-262 Date.parse).
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return NaN;
  return new Date(value).getTime();
}

export type AsOf =
  | { readonly ok: true; readonly at: string | null }
  | { readonly ok: false; readonly error: string };

/**
 * The `at` to send: null for "now" (the input untouched, or set to now or later by a second),
 * an ISO time for a past moment, or why the value cannot be used.
 */
export function asOfParam(value: string, touched: boolean, now: number): AsOf {
  if (!touched) return { ok: true, at: null };
  const ms = fromLocalInputValue(value);
  if (Number.isNaN(ms)) return { ok: false, error: 'Enter a complete date and time.' };
  if (ms > now + 1000) return { ok: false, error: 'The moment is in the future.' };
  // Within the current second the picked moment is "now": the input cannot say more.
  if (ms > now - 1000) return { ok: true, at: null };
  return { ok: true, at: new Date(ms).toISOString() };
}
