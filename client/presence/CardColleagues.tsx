/**
 * In a card's dialog: the colleagues who have the same card open or in hand, as its row on the
 * board shows them ("open by Ana"), so two people know they are working on one card. Names
 * are text, never markup.
 */
import { Avatar } from './Avatar';
import { useBoardPeers } from './boardPeers';
import { cardPresenceWords } from './cardPresenceWords';

export function CardColleagues({ cardId, myId }: { cardId: string; myId: string }) {
  // This person's other tabs are not colleagues.
  const here = useBoardPeers().filter(
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
