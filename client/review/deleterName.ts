/**
 * Who deleted a card, by name, read as the deletion notice reads it (deletedBy): for
 * words about a colleague's deletion told another way, as focus moving on from the deleted card.
 */
import type { CardView } from '../../shared/board';
import { latestEvents } from '../history/latestEvents';
import { deletedBy } from './colleagueNotice';

/**
 * The name of the colleague who deleted `card`; null when the history read does not say, or
 * when it was the reader themselves (`meId`, in another tab or window): "you" is not a name.
 */
export async function deleterName(
  access: { readonly id: string; readonly token: string },
  card: CardView,
  meId: string,
): Promise<string | null> {
  const [gone] = deletedBy(await latestEvents(access), [card]);
  if (!gone?.by || gone.by.id === meId) return null;
  return gone.by.name.trim() || null;
}
