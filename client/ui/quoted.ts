import { clip } from './clip';
import { personName } from './personName';

/**
 * A person's text quoted in one of our sentences: in curly quotes, cut to `max` characters
 * (clip), and set as a name in our sentences is (personName): each text-direction control in it
 * closed where it stands (inertBidi), right-to-left text isolated in the quotes
 * (isolateRightToLeft). Left open, a U+202E in a claim or a comment reversed the rest of the
 * sentence after it (the closing quote, "was deleted", a time); closed only at the closing quote,
 * it still made the quoted text read otherwise than it is stored and than its card shows it
 * (ShownBidiControls). Not isolated, right-to-left text carried the closing quote and a time
 * after it out of place.
 */
export function quoted(text: string, max?: number): string {
  return `“${personName(max === undefined ? text : clip(text, max))}”`;
}
