// From a candidate's noun phrase to the speaker as the article writes it: the name after a
// description or a possessive, without an affiliation, the publisher of a document, and
// whether the phrase names a person. Apart from the candidate step because it runs on the
// chosen phrase only, and from findAttribution because the memory does not enter into it.
import type { Token } from '../analyzeText';
import { isPersonTitle, ORG_HEADS, type NameRun } from '../findNames';
import { SOURCE_NOUNS } from '../sourceNouns';
import { isDocumentName } from './nounPhrases';
import { joinsPossessive, POSSESSIVE } from '../possessiveName';
import { low, type Span } from './Span';

/**
 * Where the name that ends a noun phrase starts, when a possessive or a lower-case
 * description stands before it: "The FDA's Janet Ortiz" → Janet Ortiz, "health-data firm
 * IQVIA" → IQVIA, "Union negotiator Frank Lutz" → Frank Lutz, "Police chief Mia Lund" → Mia
 * Lund, "former President Jorge Mora" → President Jorge Mora (canonicalSpeaker drops a
 * capitalised title). "The Attorney General's Office" stays whole (the one word after the
 * possessive is an organisation's head), as does "analysts at Sea-Intelligence" (a
 * preposition, not a description, stands before the name), and so does a description after
 * a preposition, whose name is someone else's: "a spokesperson for union negotiator Frank
 * Lutz" is the spokesperson.
 */
function nameAfterDescription(ws: Token[], first: number, last: number): number {
  let k = last;
  while (k > first && ws[k]!.pos === 'PROPN') k--;
  // A possessive inside the name goes with it, "the charity Alzheimer's Research UK" →
  // Alzheimer's Research UK (joinsPossessive), and the name starts before its owner's words.
  while (
    k > first &&
    POSSESSIVE.test(ws[k]!.value) &&
    ws[k - 1]!.pos === 'PROPN' &&
    joinsPossessive(ws.slice(k + 1, last + 1).map((w) => w.value))
  ) {
    k--;
    while (k > first && ws[k]!.pos === 'PROPN') k--;
  }
  const name = k + 1;
  if (name > last || name === first || !/^\p{Lu}/u.test(ws[name]!.value)) return first;
  const before = ws[k]!;
  const possessive =
    /^['’]s?$/.test(before.value) &&
    last > name &&
    !ORG_HEADS.has(low(ws[last])) &&
    !joinsPossessive(ws.slice(name, last + 1).map((w) => w.value));
  // wink tags "chief" and "former" adjectives ("Police chief/ADJ Mia Lund"), and a title it
  // tags a noun is one whatever its case ("former President/NOUN Jorge Mora"). A title it tags
  // a proper noun opens the phrase ("General Motors"): canonicalSpeaker drops it, and only
  // before a person's name.
  const description =
    before.pos !== 'PROPN' &&
    (isPersonTitle(before.value) ||
      ((before.pos === 'NOUN' || before.pos === 'ADJ') && /^\p{Ll}/u.test(before.value))) &&
    !ws.slice(first, k).some((w) => w.pos === 'ADP');
  return possessive || description ? name : first;
}

export function speakerText(
  text: string,
  ws: Token[],
  np: Span,
): { speaker: string; start: number } {
  let first = nameAfterDescription(ws, np.first, np.last);
  // "the US Treasury Department" → "US Treasury Department"; "the spokesperson" stays, and so
  // does "the café owner": wink tags a lower-case word it does not know a proper noun.
  // So does "the Met Office", whose "Met" wink reads as a verb (backwardNP keeps it in the name).
  const name = ws[first + 1];
  const nameWord =
    name?.pos === 'PROPN' ||
    (name?.pos === 'VERB' && first + 2 <= np.last && /^\p{Lu}/u.test(ws[first + 2]!.value));
  if (low(ws[first]) === 'the' && nameWord && /^\p{Lu}/u.test(name.value)) first++;
  const start = ws[first]!.start;
  return { speaker: text.slice(start, ws[np.last]!.end).replace(/\s+/g, ' '), start };
}

/**
 * Whether a speaker's noun phrase names a person ("The FDA's Janet Ortiz" does): true for a
 * name the article types as a person's or that reads as one ("Frank Lutz"), false for an organisation or a place
 * ("Federal Statistical Office", "the agency"), undefined when it cannot tell ("officials").
 */
export function namesPerson(ws: Token[], np: Span, names: NameRun[]): boolean | undefined {
  const start = ws[nameAfterDescription(ws, np.first, np.last)]!.start;
  const end = ws[np.last]!.end;
  const runs = names.filter((r) => r.start >= start && r.end <= end);
  if (runs.some((r) => r.type === 'organization' || r.type === 'place')) return false;
  if (ORG_HEADS.has(low(ws[np.last]))) return false;
  if (runs.some((r) => r.type === 'person')) return true;
  const last = runs.at(-1);
  return last && last.end === end && last.last > last.first && last.type === 'name'
    ? true
    : undefined;
}

/**
 * A person's name followed by where they work: "Prof. Alan Krueger of Princeton University
 * said", "Helen Marsh of the University of Leeds", "Jane Doe at Harvard". The person spoke,
 * and the affiliation is no part of their name; "Bank of England" is one name and stays.
 */
export function withoutAffiliation(ws: Token[], np: Span, names: NameRun[]): Span {
  for (let k = np.first + 1; k < np.last; k++) {
    if (low(ws[k]) !== 'of' && low(ws[k]) !== 'at') continue;
    const name = names.find((r) => r.end === ws[k - 1]!.end);
    const person = name?.type === 'person' || (name?.type === 'name' && name.last > name.first);
    const place = ws[low(ws[k + 1]) === 'the' ? k + 2 : k + 1];
    return person && /^\p{Lu}/u.test(place?.value ?? '') ? { first: np.first, last: k - 1 } : np;
  }
  return np;
}

/**
 * The name of whoever published the document a noun phrase names: "New York Times reporting"
 * → New York Times, "a recent Reuters analysis" → Reuters, "Bureau of Labor Statistics data",
 * "the FDA's latest report", "Deloitte's annual football money report". The publisher said it; the document is where. Null when no name
 * stands before the phrase's first document noun ("court records", "a filing with the SEC").
 */
export function publicationOf(ws: Token[], np: Span, names: NameRun[]): Span | null {
  for (let k = np.first + 1; k <= np.last; k++) {
    // A word of a name is none: "the Census Bureau's annual survey".
    if (!SOURCE_NOUNS.has(low(ws[k])) || ws[k]!.pos === 'PROPN') continue;
    let last = k - 1;
    while (last > np.first && ['ADJ', 'NUM'].includes(ws[last]!.pos)) last--;
    // After a possessive, modifiers of any kind: "Deloitte's annual football money report",
    // "the FBI's most recent annual report".
    let owner = last;
    while (owner > np.first && ['ADJ', 'NUM', 'ADV', 'NOUN'].includes(ws[owner]!.pos)) owner--;
    if (/^['’]s$/.test(ws[owner]!.value)) last = owner;
    if (/^['’]s?$/.test(ws[last]!.value)) last--;
    if (last < np.first) return null;
    const name = names.find((r) => r.end === ws[last]!.end);
    let first = last;
    while (name && first > np.first && ws[first - 1]!.start >= name.start) first--;
    return name && !isDocumentName(ws, first, last) ? { first, last } : null;
  }
  return null;
}
