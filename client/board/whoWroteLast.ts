/**
 * Who made the latest change to one field of a card, or deleted it or one of its evidence
 * items, as the card's history records it: whom a lost-edit notice names as the one whose write
 * was kept (or who deleted the card or the item) when presence does not name them (the usual case after an offline edit: they
 * closed the tab long ago; a deletion names nobody in Yjs). A colleague first; `me` only when
 * the history names nobody else, since then it was this person in another tab or window (their
 * own losing write is in the history too, so it cannot be told from theirs by order). Null
 * when the history names nobody.
 */
import type { Actor } from '../../shared/board/actor';
import type { HistoryEvent } from '../history/historyEvent';
import type { FieldRef } from '../sync/lostWork';

/** The latest actor of the matching events who is not `meId`, else `meId` if they are one. */
function latestActor(
  events: readonly HistoryEvent[],
  matches: (event: HistoryEvent) => boolean,
  meId: string,
): Actor | null {
  let me: Actor | null = null;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (!matches(event)) continue;
    if (event.actor.id !== meId) return event.actor;
    me ??= event.actor;
  }
  return me;
}

/** Who deleted the card last, as its history records it. */
export function whoDeleted(
  events: readonly HistoryEvent[],
  cardId: string,
  meId: string,
): Actor | null {
  return latestActor(events, (e) => e.cardId === cardId && e.type === 'card.deleted', meId);
}

/** Who removed an evidence item from the card last, as its history records it. */
export function whoRemoved(
  events: readonly HistoryEvent[],
  cardId: string,
  evidenceId: string,
  meId: string,
): Actor | null {
  return latestActor(
    events,
    (e) => e.cardId === cardId && e.type === 'evidence.removed' && e.data.evidenceId === evidenceId,
    meId,
  );
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
  if (ref.field === 'assignee') return event.type === 'card.assigned';
  return event.type === 'card.edited' && fields.includes(ref.field);
}

export function whoWroteLast(
  events: readonly HistoryEvent[],
  ref: FieldRef,
  meId: string,
): Actor | null {
  return latestActor(events, (e) => e.cardId === ref.cardId && touches(e, ref), meId);
}
