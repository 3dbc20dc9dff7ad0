// Evidence, gathered over a whole article, of what kind of thing each name is. A name is
// typed by its company: a title or role before it, an appositive after it, a place
// preposition, and — the same in every language — a surname that the article later uses on
// its own ("Osiris Luna" … "Luna"), which marks a person in both forms. findNames (English)
// and findSpanishNames share this book; each language brings its own cue words.

export type Cues = { person: number; organization: number; place: number };

export interface SurnameCandidate {
  /** The run's text, lower case and with single spaces: the key cues are filed under. */
  key: string;
  /** The last word, lower case. */
  surname: string;
  /** Words in the run. */
  size: number;
  /** The last words of a body's name and of acronyms ("NHS England") are never surnames. */
  excluded: boolean;
  /** The article also writes the last word in lower case, as a common word ("water"). */
  common?: boolean;
}

export class NameCues {
  private readonly cues = new Map<string, Cues>();

  add(key: string, kind: keyof Cues): void {
    const c = this.cues.get(key) ?? { person: 0, organization: 0, place: 0 };
    c[kind]++;
    this.cues.set(key, c);
  }

  get(key: string): Cues | undefined {
    return this.cues.get(key);
  }

  /**
   * Marks runs of two to four words whose surname the article also uses alone as people. A
   * common word ("Severn Vale Water" … "Water companies") only where the full name is shown
   * to be a person's otherwise ("Lena Park, who runs …" … "Park said"; the article's "park"
   * is another word).
   */
  markReusedSurnames(runs: SurnameCandidate[]): void {
    const singles = new Set(runs.filter((r) => r.size === 1).map((r) => r.key));
    for (const r of runs) {
      const place = (this.cues.get(r.surname)?.place ?? 0) > 0;
      const common = r.common && !((this.cues.get(r.key)?.person ?? 0) > 0);
      if (
        r.size >= 2 &&
        r.size <= 4 &&
        singles.has(r.surname) &&
        !r.excluded &&
        !place &&
        !common
      ) {
        this.add(r.key, 'person');
        this.add(r.surname, 'person');
      }
    }
  }
}
