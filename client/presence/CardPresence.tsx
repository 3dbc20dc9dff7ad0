import type { Peer } from '../sync/presence';
import { Avatar } from './Avatar';
import { cardPresenceWords } from './cardPresenceWords';

/** Who else has this card open or in hand, as avatars with a sentence for screen readers. */
export function CardPresence({ id, peers }: { id: string; peers: readonly Peer[] }) {
  if (peers.length === 0) return null;
  return (
    <span className="card-presence" id={id}>
      <span className="visually-hidden">{cardPresenceWords(peers)}</span>
      {peers.map((p) => (
        <span key={p.clientId} className={p.carrying ? 'holding' : undefined}>
          <Avatar user={p.user} />
        </span>
      ))}
    </span>
  );
}
