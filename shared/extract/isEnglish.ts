// Cheap language check: the share of English function words. English running text has
// 25–40 % of them; Spanish, French, German or Portuguese text has almost none, because the
// list leaves out words those languages share with English ("a", "in", "on", "as", "no").
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the and of to is was were are be been being has have had that this these those with for ' +
    'from by at it its which who whom their they them he she his her we our you your not but ' +
    'or will would could should can said says after before than more about into over also ' +
    'there what when where while because if all'
  ).split(' '),
);

const WORD = /\p{L}+/gu;

export function englishRatio(text: string): number {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / words.length;
}

/**
 * True unless the text is long enough to judge (`minWords`) and has too few English
 * function words. Short fragments are given the benefit of the doubt.
 */
export function isEnglish(text: string, minWords = 12, threshold = 0.1): boolean {
  const words = text.match(WORD)?.length ?? 0;
  return words < minWords || englishRatio(text) >= threshold;
}
