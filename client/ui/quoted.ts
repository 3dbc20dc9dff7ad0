import { closeBidi } from '../../shared/export/closeBidi';
import { clip } from './clip';
import { isolateRightToLeft } from '../../shared/isolateRightToLeft';

/**
 * A person's text quoted in one of our sentences: in curly quotes, cut to `max` characters
 * (clip), and with what it leaves open of right-to-left overrides closed (closeBidi). Without
 * that, an unclosed U+202E in a claim or a comment would reverse the rest of the sentence
 * after it: the closing quote, "was deleted", a time. Right-to-left text is isolated in the
 * quotes (isolateRightToLeft), so the closing quote and a time after it stay where they belong.
 */
export function quoted(text: string, max?: number): string {
  return `“${isolateRightToLeft(closeBidi(max === undefined ? text : clip(text, max)))}”`;
}
