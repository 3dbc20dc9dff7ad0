import { initials, type PresenceUser } from '../sync/presence';

/** A person's initials on their presence colour; the name is the tooltip and the text. */
export function Avatar({ user, size = 'small' }: { user: PresenceUser; size?: 'small' | 'large' }) {
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ backgroundColor: user.colour }}
      title={user.name}
      aria-hidden="true"
    >
      {initials(user.name)}
    </span>
  );
}
