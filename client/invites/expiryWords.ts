/**
 * An invite's expiry as Invite people offers and shows it: the choices when inviting, and a
 * row's "Expires 13 Dec, 14:02" or "Expired 2 Dec, 14:02" (in this browser's time zone).
 */
import { formatTime } from '../review/formatTime';

/** The expiries a lead picks from when inviting: days from now, or never (null). */
export const EXPIRY_CHOICES: readonly { readonly days: number | null; readonly label: string }[] = [
  { days: null, label: 'Never' },
  { days: 1, label: '1 day' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
];

/** How long "Extend" gives an invite, from now. */
export const EXTEND_DAYS = 7;

/** Whether the invite's expiry has passed: it no longer opens the board. */
export const hasExpired = (expiresAt: number | null, now = Date.now()): boolean =>
  expiresAt !== null && expiresAt <= now;

/** "Expires 13 Dec, 14:02", "Expired 2 Dec, 14:02", or '' for an invite that never expires. */
export function expiryWords(expiresAt: number | null): string {
  if (expiresAt === null) return '';
  const now = Date.now();
  return `${hasExpired(expiresAt, now) ? 'Expired' : 'Expires'} ${formatTime(expiresAt, now)}`;
}
