import type { Peer, PresenceUser } from '../sync/presence';
import { Avatar } from './Avatar';

/** Everyone on the board (one avatar per person, however many tabs they have open). */
export function PresenceBar({ me, peers }: { me: PresenceUser; peers: readonly Peer[] }) {
  const people = new Map<string, PresenceUser>();
  for (const p of peers) if (p.user.id !== me.id) people.set(p.user.id, p.user);
  const others = [...people.values()];
  return (
    <div className="presence-bar">
      <ul aria-label="People on this board">
        <li>
          <Avatar user={me} size="large" />
          <span className="visually-hidden">{me.name} (you)</span>
        </li>
        {others.map((u) => (
          <li key={u.id}>
            <Avatar user={u} size="large" />
            <span className="visually-hidden">{u.name}</span>
          </li>
        ))}
      </ul>
      <span className="presence-count">
        {others.length === 0 ? 'Only you' : `${others.length + 1} here`}
      </span>
    </div>
  );
}
