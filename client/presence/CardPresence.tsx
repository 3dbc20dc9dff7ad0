import type { Peer } from '../sync/presence';
import { Avatar } from './Avatar';

/** Who else has this card open or in hand, as avatars with a sentence for screen readers. */
export function CardPresence({ id, peers }: { id: string; peers: readonly Peer[] }) {
  if (peers.length === 0) return null;
  const holding = peers.filter((p) => p.carrying);
  const open = peers.filter((p) => !p.carrying);
  const parts = [
    holding.length > 0 ? `moved by ${holding.map((p) => p.user.name).join(', ')}` : '',
    open.length > 0 ? `open by ${open.map((p) => p.user.name).join(', ')}` : '',
  ].filter(Boolean);
  return (
    <span className="card-presence" id={id}>
      <span className="visually-hidden">{parts.join('; ')}</span>
      {peers.map((p) => (
        <span key={p.clientId} className={p.carrying ? 'holding' : undefined}>
          <Avatar user={p.user} />
        </span>
      ))}
    </span>
  );
}
