// What an article tells of the gender of the people it names, so that "She said …" is not given
// to the man who spoke last. There is no list of first names (it would be culturally biased,
// and the names in our articles are often in none): only the article's own cues count, a
// title ("Mrs. Lopez", "la Sra. Pérez"), a gendered role beside the name ("spokeswoman Jane
// Doe", "la ministra de Salud, Ana Pérez", "Noah Bullock, director de Cristosal", "la
// portavoz Ana Ruiz") and, in English, the pronoun the article uses right after naming the
// person (`englishGenders`; Spanish possessives have none, `spanishGenders`). A person the
// article gives no cue for has no known gender, and one whose name has cues of both (two people
// who share a surname) has none either.
import { bisect } from './bisect';
import type { NameRun } from './findNames';

export type Gender = 'female' | 'male';

/** A language's words for gender cues, all lower case. */
export interface GenderWords {
  /** Titles and roles that say the gender: "mrs.", "spokeswoman", "ministra", "doña". */
  roles: ReadonlyMap<string, Gender>;
  /** Roles whose gender only the article before them shows: "la portavoz", "el fiscal". */
  neutralRoles: ReadonlySet<string>;
  /** Articles that say the gender: "la", "una", "el". */
  articles: ReadonlyMap<string, Gender>;
  /** Determiners that do not: "the", "a", "los". */
  determiners: ReadonlySet<string>;
  /** Words that may stand between a role and its article: "la nueva ministra". */
  modifiers: ReadonlySet<string>;
  /** What a role's complement opens with: the role in "an aide to the congresswoman" is not
   * the aide's, nor is "ministro" in "la asesora del ministro". */
  prepositions: ReadonlySet<string>;
  /** Words that open a clause, where an appositive ends: "Smith, who replaced his wife". */
  clauses: ReadonlySet<string>;
  /** A Spanish former holder is written with "ex" joined to the role: "la exministra". */
  exPrefix: boolean;
}

/** A word with its text and offsets, as either language's path has them. */
export interface CueWord {
  value: string;
  start: number;
  end: number;
}

const low = (w: CueWord | undefined) => w?.value.toLowerCase() ?? '';
const capitalised = (w: string) => /^\p{Lu}/u.test(w) && !w.endsWith('.');
/** How many words an appositive's role may be from the comma after the name. */
const APPOSITIVE_REACH = 4;
/** How many words of a complement may stand between a role and the name after it. */
const COMPLEMENT_REACH = 6;

const isDeterminer = (word: string, words: GenderWords) =>
  words.articles.has(word) || words.determiners.has(word);

/**
 * The words a person's cues are filed under: the surnames, that is the capitalised words but
 * the first of two or more, the last two of them ("Maria Lopez" → lopez; "Osiris Luna Meza" →
 * luna, meza, so "Luna" alone is the same person), or the one word of a name given alone.
 */
function keysOf(name: string, words: GenderWords): string[] {
  const capitals = name
    .split(/\s+/)
    .filter((w) => capitalised(w) && !isDeterminer(w.toLowerCase(), words));
  return (capitals.length > 1 ? capitals.slice(1) : capitals).slice(-2).map((w) => w.toLowerCase());
}

export class PersonGenders {
  /** null: cues of both genders. */
  private readonly byKey = new Map<string, Gender | null>();

  constructor(private readonly words: GenderWords) {}

  note(name: string, gender: Gender): void {
    for (const key of keysOf(name, this.words)) {
      const known = this.byKey.get(key);
      this.byKey.set(key, known === undefined || known === gender ? gender : null);
    }
  }

  /**
   * The gender of a speaker as the attribution memory holds it, a name ("Maria Lopez"), a role
   * ("the spokeswoman", "la ministra") or both ("Mrs. Lopez"); undefined when unknown or when
   * the cues disagree. Words after a preposition are someone else's: "a spokeswoman for
   * union negotiator Frank Lutz" is a woman.
   */
  of(speaker: string): Gender | undefined {
    // Offsets do not matter here: the role's article is read by position.
    const all = speaker.split(/\s+/).map((value) => ({ value, start: 0, end: 0 }));
    const cut = all.findIndex((w) => this.words.prepositions.has(low(w)));
    const head = cut >= 0 ? all.slice(0, cut) : all;
    const found = new Set<Gender | null>();
    head.forEach((_, k) => {
      const role = this.roleAt(head, k);
      if (role) found.add(role);
    });
    const name = head.map((w) => w.value).join(' ');
    for (const key of keysOf(name, this.words)) {
      const known = this.byKey.get(key);
      if (known !== undefined) found.add(known);
    }
    return found.size === 1 ? (found.values().next().value ?? undefined) : undefined;
  }

  /** The gender the role at word k says, by its form or by its article: "la portavoz". */
  private roleAt(ws: readonly CueWord[], k: number): Gender | undefined {
    let word = low(ws[k]);
    if (this.words.exPrefix && !this.words.roles.has(word)) word = word.replace(/^ex-?/, '');
    const gender = this.words.roles.get(word);
    if (gender) return gender;
    if (!this.words.neutralRoles.has(word)) return undefined;
    let a = k - 1;
    while (a >= 0 && this.words.modifiers.has(low(ws[a]))) a--;
    return this.words.articles.get(low(ws[a]));
  }

  /**
   * The role before a name, next to it ("spokeswoman Jane Doe", "la Sra. Pérez") or across the
   * comma of a name set beside it, with the role's complement between ("the city's
   * spokeswoman, Jane Doe,", "El director del penal, Juan Gómez,"), unless it is itself a
   * complement ("an aide to the congresswoman, Jane Doe,", "la asesora del ministro" is the
   * adviser's). A name after a comma that is not set beside anything is a clause's subject:
   * "… hired a new chairwoman, Smith said".
   */
  private roleBefore(ws: readonly CueWord[], first: number, last: number): Gender | undefined {
    if (ws[first - 1]?.value !== ',') return this.roleAt(ws, first - 1);
    if (last + 1 < ws.length && ws[last + 1]!.value !== ',' && /\p{L}/u.test(ws[last + 1]!.value))
      return undefined;
    for (let k = first - 2; k >= 0 && k >= first - 2 - COMPLEMENT_REACH; k--) {
      if (!/\p{L}/u.test(ws[k]!.value) || this.words.clauses.has(low(ws[k]))) return undefined;
      const gender = this.roleAt(ws, k);
      if (gender && !this.isComplement(ws, k)) return gender;
    }
    return undefined;
  }

  private complementWord(w: CueWord): boolean {
    const word = low(w);
    return this.words.prepositions.has(word) || isDeterminer(word, this.words);
  }

  /** "to the congresswoman", "del ministro": the role names someone else. */
  private isComplement(ws: readonly CueWord[], k: number): boolean {
    let a = k - 1;
    while (a >= 0 && (this.words.modifiers.has(low(ws[a])) || this.complementWord(ws[a]!))) {
      if (this.words.prepositions.has(low(ws[a]))) return true;
      a--;
    }
    return false;
  }

  /**
   * The role of an appositive after the name: "Jane Doe, a spokeswoman for …", "Jane Doe, 54,
   * the mayor's wife,", "Ana Pérez, directora de …", "Pérez, la portavoz del …".
   */
  private roleAfter(ws: readonly CueWord[], last: number): Gender | undefined {
    let k = last + 1;
    if (ws[k]?.value !== ',') return undefined;
    k++;
    if (/^\d+$/.test(ws[k]?.value ?? '') && ws[k + 1]?.value === ',') k += 2; // an age
    for (let n = 0; n < APPOSITIVE_REACH && k + n < ws.length; n++) {
      const w = ws[k + n]!;
      if (!/\p{L}/u.test(w.value)) return undefined;
      if (this.words.prepositions.has(low(w)) || this.words.clauses.has(low(w))) return undefined;
      const gender = this.roleAt(ws, k + n);
      if (gender) return gender;
    }
    return undefined;
  }

  /**
   * Reads the cues of one sentence: `ws` are its words, `names` its name runs. A title in the
   * run is its first word ("Mrs. Maria Lopez" where the name holds it).
   */
  readSentence(ws: readonly CueWord[], names: readonly NameRun[]): void {
    for (const run of names) {
      if (run.type !== 'person' && run.type !== 'name') continue;
      const first = bisect(ws.length, (k) => ws[k]!.start >= run.start);
      if (first === ws.length) continue;
      let last = first;
      while (last + 1 < ws.length && ws[last + 1]!.end <= run.end) last++;
      const gender =
        this.words.roles.get(low(ws[first])) ??
        this.roleBefore(ws, first, last) ??
        this.roleAfter(ws, last);
      if (gender) this.note(run.text, gender);
    }
  }
}
