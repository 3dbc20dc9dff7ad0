/**
 * A board worker's side of a card read (boardWorker): one card from a board's stored content,
 * or null. Building a 10,000-card board into a doc takes about a second that cannot be split
 * (one Y.applyUpdate of the snapshot), which would hold every room's sync on the event loop.
 */
import * as Y from 'yjs';
import { readCard } from '../../shared/board/readCard';
import { cardsMap } from '../../shared/board/schema';
import type { CardView } from '../../shared/board/view';
import { applyStoredContent } from '../storage/applyStoredContent';
import type { CardAtJob } from './readCardInWorker';

export function readCardAt({ snapshot, updates, cardId }: CardAtJob): CardView | null {
  const doc = new Y.Doc();
  applyStoredContent(doc, { snapshot, updates });
  const card = cardsMap(doc).get(cardId);
  const view = card instanceof Y.Map ? readCard(card, cardId, []) : null;
  doc.destroy();
  return view;
}
