import type { EvidenceView } from '../../shared/board/view';
import { httpHref } from './commentSegments';

/** Where an evidence item comes from, as people name it: its link's host. */
export function sourceName(e: Pick<EvidenceView, 'url'>): string {
  const href = httpHref(e.url);
  return href ? new URL(href).hostname : 'an unlinked source';
}
