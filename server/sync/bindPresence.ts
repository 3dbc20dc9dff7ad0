/**
 * A presence state with its `user` id and name set from the connection's invite. Presence is
 * how colleagues see who has a card open or in hand, so nobody may appear there under another
 * person's name. Other fields (colour, open card, card in hand) stay as sent; 'null' (leaving)
 * and states that are not objects pass unchanged (clients ignore those).
 */
import type { Actor } from '../../shared/board/actor';
import { isRecord } from '../../shared/isRecord';

export function bindPresence(state: string, actor: Actor): string {
  const parsed: unknown = JSON.parse(state);
  if (!isRecord(parsed)) return state;
  const user = isRecord(parsed.user) ? parsed.user : {};
  return JSON.stringify({ ...parsed, user: { ...user, id: actor.id, name: actor.name } });
}
