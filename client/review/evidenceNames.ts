import type { EvidenceView } from '../../shared/board/view';
import { clip } from '../ui/clip';
import { quoted } from '../ui/quoted';
import { toldApart } from '../ui/toldApart';
import { httpHref } from './commentSegments';

/** Short: the words are heard on every Tab to the item's Edit and Remove (QA24). */
const WHERE_CHARS = 40;
const QUOTE_CHARS = 30;

/** An item by its link's host and path ("example.org/e/45"), else its quote's first words. */
function itemWords(e: EvidenceView): string {
  const href = httpHref(e.url);
  if (href) {
    const url = new URL(href);
    return `from ${clip(`${url.hostname}${url.pathname.replace(/\/+$/, '')}`, WHERE_CHARS)}`;
  }
  const quote = e.quote.trim();
  return quote ? `quoting ${quoted(quote, QUOTE_CHARS)}` : 'from an unlinked source';
}

/**
 * What tells each item of a card's evidence from the others in its controls' names ("Edit
 * evidence from example.org/e/45", "Edit evidence 2 of 2 from example.org/e/45" when two
 * would still read alike). Two items from one site were "Edit evidence from example.org"
 * twice, which a screen reader user could not tell apart.
 */
export function evidenceNames(items: readonly EvidenceView[]): (e: EvidenceView) => string {
  return toldApart(items, itemWords);
}
