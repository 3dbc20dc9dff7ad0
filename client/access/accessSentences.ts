import { type Permission, PERMISSIONS, type Role } from '../../shared/roles';
import type { KnownBoard } from '../app/knownBoards';
import { ROLE_LABELS } from '../app/roleLabels';
import { formatClock, formatTime } from '../review/formatTime';
import { personName } from '../ui/personName';
import type { Revocation } from './fetchRevocation';
import type { Expiry } from './useExpiry';
import { PERMISSION_WORDS } from './permissionWords';

/** A role as a noun with its article: "a lead", "an editor". */
export function aRole(role: Role): string {
  const noun = ROLE_LABELS[role].toLowerCase();
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * What a role may and may not do on a board, as Your access says it, read from shared/roles.ts:
 * first what it may ("You can: …", in PERMISSIONS' order), then what it may not, grouped by the
 * roles that may ("Only a lead or an editor can: …").
 */
export function accessSentences(role: Role): string[] {
  const can: string[] = [];
  const others = new Map<string, string[]>();
  for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
    const roles: readonly Role[] = PERMISSIONS[permission];
    const words = PERMISSION_WORDS[permission];
    if (roles.includes(role)) {
      can.push(words('your'));
      continue;
    }
    const who = orList(roles.map(aRole));
    others.set(who, [...(others.get(who) ?? []), words('their')]);
  }
  return [
    can.length > 0
      ? `You can: ${can.join('; ')}.`
      : 'You can read this board and change nothing on it.',
    ...[...others].map(([who, words]) => `Only ${who} can: ${words.join('; ')}.`),
  ];
}

/** "a lead", "a lead or an editor", "a lead, an editor or a reviewer". */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * Who revoked this person's invite, and when, in their time zone, as a clause: "Ana Ruiz (lead)
 * revoked your invite at 14:02"; "a lead …" for one revoked before the server kept who did it.
 * The name is isolated (personName): a right-to-left one would carry "(lead)" and the time off.
 */
export function revokedClause(revocation: Revocation): string {
  return `${leadNamed(revocation.by)} revoked your invite at ${formatClock(revocation.at)}`;
}

/** A lead as these clauses name one: "Ana Ruiz (lead)", or "a lead" when the server could not say. */
const leadNamed = (name: string | null): string =>
  name === null ? 'a lead' : `${personName(name)} (lead)`;

/**
 * When this person's invite expired, and whom to ask, as two sentences: "Your invite expired at
 * 14:02 on 2 Dec. Ask Ana Ruiz (lead), who set it to expire, to extend it: …". The lead named is
 * the one who set the expiry (the board's lead when the server could not say).
 */
export function expiredSentences(expiry: Expiry): string {
  const who =
    expiry.by === null ? 'the board’s lead' : `${leadNamed(expiry.by)}, who set it to expire,`;
  return `Your invite expired at ${formatClock(expiry.at)}. Ask ${who} to extend it: this link then opens the board again.`;
}

/** The clause as a sentence's start: "A lead revoked …". */
export const sentenceStart = (clause: string): string =>
  clause.charAt(0).toUpperCase() + clause.slice(1);

/**
 * A role a lead gave this person, said once the page has it: "Ana Ruiz changed your role to
 * Reviewer at 14:02" (in their time zone), or "Your role is now Reviewer" when the server could
 * not say who (a change made before it kept that). The name is isolated as in revokedClause.
 * A lead who gave it to themselves (`ownInviteId` changed it, from this page or another) is not
 * named to themselves: "You changed your role to Reviewer at 14:02".
 */
export function roleChangedSentence(
  role: Role,
  change: KnownBoard['roleChange'],
  ownInviteId: string,
): string {
  const label = ROLE_LABELS[role];
  if (!change) return `Your role is now ${label}`;
  const who = change.byInviteId === ownInviteId ? 'You' : personName(change.by);
  return `${who} changed your role to ${label} at ${formatClock(change.at)}`;
}

const HOUR_MS = 60 * 60 * 1000;
/** How near its expiry an invite's holder is told once that it is coming (expiryNearSentence). */
export const EXPIRY_NEAR_MS = 24 * HOUR_MS;

/** "Your invite expires 14 Dec, 14:02", as Your access shows an invite that will expire. */
export const expiresWords = (at: number): string =>
  `Your invite expires ${formatTime(at, Date.now())}`;

/**
 * The notice within EXPIRY_NEAR_MS of the expiry: "Your invite expires in 3 hours; ask Lea Ruiz
 * (lead) to extend it" (minutes under an hour), the lead being the one who set it.
 */
export function expiryNearSentence(expiry: Expiry, now = Date.now()): string {
  const left = Math.max(0, expiry.at - now);
  const hours = Math.ceil(left / HOUR_MS);
  const minutes = Math.max(1, Math.ceil(left / 60_000));
  const within =
    left >= HOUR_MS
      ? `${hours} hour${hours === 1 ? '' : 's'}`
      : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `Your invite expires in ${within}; ask ${leadNamed(expiry.by)} to extend it`;
}
