/**
 * Who made the latest change to one field of a card, as the card's history records it: the
 * name a lost-edit notice gives the colleague whose write was kept when their presence is gone
 * (the usual case after an offline edit: they closed the tab long ago). Null when the history
 * names nobody but `me`.
 */
import type { HistoryEvent } from '../history/historyEvent';
import type { FieldRef } from '../sync/LostEditWatch';

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
