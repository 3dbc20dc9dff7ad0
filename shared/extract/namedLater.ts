// A person the article describes first and names later: "A spokesperson for the ministry
// said … . The spokesperson, Ana Ruiz, added that …" is one person, whom the speaker filter and
// the exports should list once, by name. Joined only where nothing else could be meant: one
// description of that role before the naming (a bare "the spokesperson" aside), one name given
// for the role, and an owner before the role in the naming ("The ministry's spokesperson")
// that the description holds too. English: "The …, Name," is the form joined.

/** A speaker as found and the sentence it was found in (text after any dateline). */
export interface FoundSpeaker {
  speaker: string;
  sentence: string;
}

const PREPOSITION = /^(for|at|of|in|from|with|to|on|by)$/;
// "The spokesperson, Ana Ruiz, added …", "The ministry's spokesperson, Ana Ruiz, said …".
const NAMING = /^(?:The|the) ((?:[\p{Ll}-]+['’]s |[\p{Ll}-]+ ){0,3})([\p{Ll}-]+), ([^,]+),/u;

/** "A spokesperson for the ministry" → its words and role; null for a name. */
function description(speaker: string): { role: string; words: string[]; bare: boolean } | null {
  const words = speaker.split(/\s+/);
  if (!/^(a|an|the|another)$/i.test(words[0] ?? '')) return null;
  const rest = words.slice(1);
  const end = rest.findIndex((w) => PREPOSITION.test(w));
  const head = end < 0 ? rest : rest.slice(0, end);
  if (head.length === 0 || !head.every((w) => /^[\p{Ll}-]+$/u.test(w))) return null;
  return { role: head.at(-1)!, words: rest.map((w) => w.toLowerCase()), bare: rest.length === 1 };
}

/**
 * The name each description among `found` (in text order) is joined to; a description that is
 * no key keeps its speaker.
 */
export function namedLater(found: readonly FoundSpeaker[]): Map<string, string> {
  /** Per role, the descriptions seen so far, and the names given it. */
  const described = new Map<string, Set<string>>();
  const named = new Map<string, { name: string; owners: string[]; before: Set<string> }[]>();
  for (const { speaker, sentence } of found) {
    const naming = NAMING.exec(sentence);
    if (naming && naming[3]!.includes(speaker)) {
      const role = naming[2]!;
      const owners = naming[1]!
        .split(' ')
        .filter((w) => w !== '')
        .map((w) => w.replace(/['’]s$/, ''));
      const list = named.get(role) ?? [];
      list.push({ name: speaker, owners, before: new Set(described.get(role)) });
      named.set(role, list);
      continue;
    }
    const d = description(speaker);
    if (!d) continue;
    const seen = described.get(d.role) ?? new Set();
    seen.add(speaker);
    described.set(d.role, seen);
  }
  const joins = new Map<string, string>();
  for (const list of named.values()) {
    if (new Set(list.map((n) => n.name)).size !== 1) continue;
    const { name, owners, before } = list[0]!;
    const full = [...before].filter((s) => !description(s)!.bare);
    if (full.length > 1) continue;
    const fits = (s: string) => owners.every((o) => description(s)!.words.includes(o));
    if (full.length === 1 && !fits(full[0]!)) continue;
    if (full.length === 0 && owners.length > 0) continue;
    for (const s of before) joins.set(s, name);
  }
  return joins;
}
