/**
 * `text` with each bidi embedding, override and isolate it opens (U+202A, U+202B, U+202D,
 * U+202E; U+2066–U+2068) closed at once by a PDF or PDI: every character of the text stays,
 * in its order, but none of them reorders what follows it. An unclosed U+202E in an imported
 * sentence made "U+202E eslaf si siht" read "this is false", so an exported claim or source could
 * read as something else than what was stored and checked; one closed only at the end of its
 * line still reversed the rest of the sentence. The app shows such controls with a label
 * (client/ui/ShownBidiControls); a text export (CSV, Markdown, ClaimReview) and a plain text of
 * the app (a tab's title, a question, a quote in a sentence) cannot, and keep them, made inert:
 * one way for all, so none reads a hostile text otherwise than another.
 */
export function inertBidi(text: string): string {
  return text
    .replace(/[\u202a\u202b\u202d\u202e]/g, '$&\u202c')
    .replace(/[\u2066-\u2068]/g, '$&\u2069');
}
