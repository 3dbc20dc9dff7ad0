// The name an article gave a study, survey or poll before it calls it "the study": "the
// Whitehall II study", "a Gallup poll", "the UK Biobank study". Read from the text, since the
// name may be many sentences back, beyond what "the report" otherwise looks back to.
const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'This', 'That', 'Its', 'Their', 'Our']);

/**
 * The last name given before `before` in `text` to a document of the kind `noun` ("study"):
 * capitalised words, one to five, between "the", "a" or "an" and the noun. Null when there is
 * none: "a large study" names none.
 */
export function namedDocument(text: string, before: number, noun: string): string | null {
  const kind = `${noun}|${noun[0]!.toUpperCase()}${noun.slice(1)}`;
  const named = new RegExp(
    `\\b(?:[Tt]he|[Aa]n?)\\s+((?:[\\p{Lu}\\d][\\p{L}\\d'’&.-]*\\s+){1,5})(?:${kind})\\b`,
    'gu',
  );
  let last: string | null = null;
  for (const m of text.slice(0, before).matchAll(named)) {
    const words = m[1]!.trim().split(/\s+/);
    if (!words.some((w) => FUNCTION_WORDS.has(w))) last = `${m[1]!.trim()} ${noun}`;
  }
  return last;
}
