/**
 * Who a transaction on a room's doc is attributed to. The sync server applies a client's update
 * with its connection as the origin and a server-side change with a ServerChange; both carry
 * the actor the server knows (the invite, or the system), never anything from the update.
 */
import type { Actor } from '../../shared/board/actor';
import type { HistoryDraft } from './observeHistory';

/** What a server change is for, when its history needs to say more than the doc shows. */
export interface ChangeIntent {
  /** The card this change puts back after its deletion (the doc shows it as card.restored). */
  readonly restoresCard?: string;
  /**
   * Evidence added into that card in the same change (its restorer's, which the board never
   * kept): the doc shows only the card, so its history would not say who added it.
   */
  readonly readdsEvidence?: readonly {
    readonly id: string;
    readonly url: string;
    readonly stance: string;
  }[];
}

export class ServerChange {
  constructor(
    readonly actor: Actor,
    readonly intent: ChangeIntent = {},
  ) {}
}

/**
 * A derived event as the change's origin explains it: a card that a restore put back comes
 * with the evidence its restorer added to it.
 */
export function eventsFor(draft: HistoryDraft, origin: unknown): HistoryDraft[] {
  if (
    (draft.type !== 'card.created' && draft.type !== 'card.restored') ||
    !(origin instanceof ServerChange) ||
    origin.intent.restoresCard !== draft.cardId
  ) {
    return [draft];
  }
  const added = (origin.intent.readdsEvidence ?? []).map(({ id, url, stance }) => ({
    cardId: draft.cardId,
    type: 'evidence.added',
    data: { evidenceId: id, stance, url },
  }));
  return [{ ...draft, type: 'card.restored' }, ...added];
}

export function actorOf(origin: unknown): Actor | null {
  if (typeof origin !== 'object' || origin === null) return null;
  const actor = (origin as { actor?: unknown }).actor;
  if (typeof actor !== 'object' || actor === null) return null;
  const { id, name } = actor as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null;
}
