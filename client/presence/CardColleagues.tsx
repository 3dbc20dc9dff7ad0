/**
 * In a card's dialog: the colleagues who have the same card open or in hand, as its row on the
 * board shows them ("open by Ana"), so two people know they are working on one card. Names
 * are text, never markup.
 */
import type { Peer } from '../sync/presence';
import { Avatar } from './Avatar';
import { cardPresenceWords } from './cardPresenceWords';

export function CardColleagues({
  cardId,
  myId,
  peers,
}: {
  cardId: string;
  myId: string;
  /** Everyone on the board, as the board page has them. */
  peers: readonly Peer[];
}) {
  // This person's other tabs are not colleagues.
  const here = peers.filter(
    (p) => p.user.id !== myId && (p.openCard === cardId || p.carrying === cardId),
  );
  if (here.length === 0) return null;
  return (
    <p className="card-colleagues">
      <span className="card-presence" aria-hidden="true">
        {here.map((p) => (
          <span key={p.clientId} className={p.carrying ? 'holding' : undefined}>
            <Avatar user={p.user} />
          </span>
        ))}
      </span>
      <span>Also on this card: {cardPresenceWords(here)}.</span>
    </p>
  );
}
