/**
 * Reads one card from a board's stored content, off the main thread: building a 10,000-card
 * board into a doc takes about a second that cannot be split (one Y.applyUpdate of the
 * snapshot), which would hold every room's sync on the event loop. Posts the card, or null.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { readCard } from '../../shared/board/readCard';
import { cardsMap } from '../../shared/board/schema';
import { applyStoredContent } from '../storage/applyStoredContent';
import type { CardAtJob } from './readCardInWorker';

const { snapshot, updates, cardId } = workerData as CardAtJob;
const doc = new Y.Doc();
applyStoredContent(doc, { snapshot, updates });
const card = cardsMap(doc).get(cardId);
parentPort?.postMessage(card instanceof Y.Map ? readCard(card, cardId, []) : null);
