/**
 * Article text that is a web address and nothing else: a newsroom used to tools that import a
 * story from its link (Meedan Check) pastes the link into Article text. Factboard does not
 * fetch pages, so that "article" was stored as it was, one line with no claim, and the dialog
 * said only that it found no checkable claims (found by QA61). Returns the address, with a
 * scheme as Source URL would take it (withScheme), or null for anything else.
 */
import { withScheme } from '../ui/withScheme';

export function addressInsteadOfText(text: string): string | null {
  const address = withScheme(text.trim());
  return /^https?:\/\/\S+$/i.test(address) ? address : null;
}
