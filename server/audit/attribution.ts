/**
 * Who a transaction on a room's doc is attributed to. The sync server applies a client's update
 * with its connection as the origin and a server-side change with a ServerChange; both carry
 * the actor the server knows (the invite, or the system), never anything from the update.
 */
import type { Actor } from '../../shared/board/actor';

/** What a server change is for, when its history needs to say more than the doc shows. */
export interface ChangeIntent {
  /**
   * The card this change puts back after its deletion: its history says "restored", where
   * the doc shows only a card that appeared, as a new one does.
   */
  readonly restoresCard?: string;
}

export class ServerChange {
  constructor(
    readonly actor: Actor,
    readonly intent: ChangeIntent = {},
  ) {}
}

/** A derived event's type, as the change's origin explains it. */
export function eventTypeFor(draft: { cardId: string | null; type: string }, origin: unknown) {
  if (
    draft.type === 'card.created' &&
    origin instanceof ServerChange &&
    origin.intent.restoresCard === draft.cardId
  ) {
    return 'card.restored';
  }
  return draft.type;
}

export function actorOf(origin: unknown): Actor | null {
  if (typeof origin !== 'object' || origin === null) return null;
  const actor = (origin as { actor?: unknown }).actor;
  if (typeof actor !== 'object' || actor === null) return null;
  const { id, name } = actor as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null;
}
