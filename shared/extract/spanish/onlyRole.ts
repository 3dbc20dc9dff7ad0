import { ARTICLES, PREPOSITIONS } from './attributionWords';
import { ORGANIZATION_ROLES, ROLE_WORDS } from './spanishWords';

// Words that qualify a role before it: "el ex presidente", "el entonces ministro".
const ROLE_MODIFIERS = new Set('ex actual entonces nuevo nueva futuro futura'.split(' '));

/**
 * Whether the words before a name only give the person's role, so that the name is who
 * spoke: articles, a role or an organisation's kind ("el ministro", "la organización", "el ex
 * presidente", "el señor presidente"), then what the role is of, without an article or a
 * second role ("la jefa de policía", "el jefe de bomberos", "el director ejecutivo"). In "el
 * abogado del exministro Juan Pérez" and "la vocera de la familia Pérez" the name is someone
 * else's, and so it is after a final "de" ("el gobierno de El Salvador").
 */
export function onlyRole(before: string[]): boolean {
  let k = 0;
  while (k < before.length && (ARTICLES.has(before[k]!) || ROLE_MODIFIERS.has(before[k]!))) k++;
  if (k === before.length) return true;
  if (!ROLE_WORDS.has(before[k]!) && !ORGANIZATION_ROLES.has(before[k]!)) return false;
  k++;
  while (k < before.length && ROLE_WORDS.has(before[k]!)) k++;
  const of = before.slice(k);
  return (
    of.at(-1) !== 'de' &&
    of.every((w) => w === 'de' || !(ARTICLES.has(w) || ROLE_WORDS.has(w) || PREPOSITIONS.has(w)))
  );
}
