/**
 * Text in a right-to-left script (Hebrew, Arabic, Persian…) set in one of our left-to-right
 * sentences, as one isolated run (U+2068 first-strong isolate … U+2069): without it the bidi
 * algorithm joins the figures, quote marks and stops around it to its run, "commented: “6 ”.2023
 * هذا الرقم Dec, 13:46" for "commented: “هذا الرقم 2023.” 6 Dec, 13:46". Other text is returned
 * as it is, so what a screen reader or a test reads of it does not change. The Markdown export
 * isolates a person's name so, "last changed by بو, 2026-12-06T…", whose date would otherwise
 * read "06-12-2026".
 */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

export function isolateRightToLeft(text: string): string {
  return RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text;
}
