import type { HistoryEvent } from './historyEvent';

/**
 * The deletions that offer "Restore", by seq: each deleted card's latest one (the server
 * restores the card as it was before it) unless the card came back since (restored, or its
 * deletion undone), and none from before the board was imported (an export carries the
 * history of deleted cards, not the cards). `events` come newest first.
 */
export function restorableDeletions(events: readonly HistoryEvent[]): ReadonlySet<number> {
  const seen = new Set<string>();
  const seqs = new Set<number>();
  for (const e of events) {
    if (e.type === 'board.imported') break;
    if (e.type === 'card.restored' && e.cardId) seen.add(e.cardId);
    if (e.type !== 'card.deleted' || !e.cardId || seen.has(e.cardId)) continue;
    seen.add(e.cardId);
    seqs.add(e.seq);
  }
  return seqs;
}
