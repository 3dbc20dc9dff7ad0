// Cheap language check: the share of English function words. English running text has
// 25–40 % of them; Spanish, French, German or Portuguese text has almost none, because the
// list leaves out words those languages share with English ("a", "in", "on", "as", "no").
import { functionWordShare } from './functionWordShare';

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the and of to is was were are be been being has have had that this these those with for ' +
    'from by at it its which who whom their they them he she his her we our you your not but ' +
    'or will would could should can said says after before than more about into over also ' +
    'there what when where while because if all'
  ).split(' '),
);

/**
 * True unless the text is long enough to judge (`minWords` words outside names) and has too
 * few English function words. Short fragments are given the benefit of the doubt.
 */
export function isEnglish(text: string, minWords = 12, threshold = 0.1): boolean {
  const { words, share } = functionWordShare(text, ENGLISH_FUNCTION_WORDS);
  return words < minWords || share >= threshold;
}
