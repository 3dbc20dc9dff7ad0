/**
 * Who made the latest change to one field of a card, or deleted it, as the card's history
 * records it: the name a lost-edit notice gives the colleague whose write was kept (or who
 * deleted the card) when presence does not name them (the usual case after an offline edit:
 * they closed the tab long ago; a deletion names nobody in Yjs). Null when the history names
 * nobody but `me`.
 */
import type { HistoryEvent } from '../history/historyEvent';
import type { FieldRef } from '../sync/LostEditWatch';

/** Who deleted the card last, as its history records it. */
export function whoDeleted(
  events: readonly HistoryEvent[],
  cardId: string,
  meId: string,
): string | null {
  const deletion = events.findLast(
    (e) => e.cardId === cardId && e.type === 'card.deleted' && e.actor.id !== meId,
  );
  return deletion?.actor.name ?? null;
}

function touches(event: HistoryEvent, ref: FieldRef): boolean {
  const fields = Array.isArray(event.data.fields) ? (event.data.fields as unknown[]) : [];
  if (ref.evidenceId !== null) {
    return (
      event.type === 'evidence.edited' &&
      event.data.evidenceId === ref.evidenceId &&
      fields.includes(ref.field)
    );
  }
  if (ref.field === 'pos') return event.type === 'card.moved';
  if (ref.field === 'verdict') return event.type === 'verdict.set';
  return event.type === 'card.edited' && fields.includes(ref.field);
}

export function whoWroteLast(
  events: readonly HistoryEvent[],
  ref: FieldRef,
  meId: string,
): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.cardId === ref.cardId && event.actor.id !== meId && touches(event, ref)) {
      return event.actor.name;
    }
  }
  return null;
}
