import { type Permission, PERMISSIONS, type Role } from '../../shared/roles';
import { ROLE_LABELS } from '../app/roleLabels';
import { PERMISSION_WORDS } from './permissionWords';

/** A role as a noun with its article: "a lead", "an editor". */
export function aRole(role: Role): string {
  const noun = ROLE_LABELS[role].toLowerCase();
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

export interface AccessSummary {
  /** What this role may do, in PERMISSIONS' order. */
  readonly can: readonly string[];
  /** What it may not, grouped by the roles that may: "Only a lead or an editor can: …". */
  readonly others: readonly { readonly who: string; readonly words: readonly string[] }[];
}

/** What a role may and may not do on a board, in words, read from shared/roles.ts. */
export function accessSummary(role: Role): AccessSummary {
  const can: string[] = [];
  const others = new Map<string, string[]>();
  for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
    const roles: readonly Role[] = PERMISSIONS[permission];
    const words = PERMISSION_WORDS[permission];
    if (roles.includes(role)) {
      can.push(words);
      continue;
    }
    const who = orList(roles.map(aRole));
    others.set(who, [...(others.get(who) ?? []), words]);
  }
  return { can, others: [...others].map(([who, words]) => ({ who, words })) };
}

/** "a lead", "a lead or an editor", "a lead, an editor or a reviewer". */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
