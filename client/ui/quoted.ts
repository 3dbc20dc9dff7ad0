import { inertBidi } from '../../shared/export/inertBidi';
import { clip } from './clip';
import { isolateRightToLeft } from '../../shared/isolateRightToLeft';

/**
 * A person's text quoted in one of our sentences: in curly quotes, cut to `max` characters
 * (clip), and with each text-direction control in it closed where it stands (inertBidi). Left
 * open, a U+202E in a claim or a comment reversed the rest of the sentence after it (the
 * closing quote, "was deleted", a time); closed only at the closing quote, it still made the
 * quoted text read otherwise than it is stored and than its card shows it (ShownBidiControls). Right-to-left text is isolated in the
 * quotes (isolateRightToLeft), so the closing quote and a time after it stay where they belong.
 */
export function quoted(text: string, max?: number): string {
  return `“${isolateRightToLeft(inertBidi(max === undefined ? text : clip(text, max)))}”`;
}
