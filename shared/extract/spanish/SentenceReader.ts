/**
 * One Spanish sentence's words as findSpanishAttribution reads them: by index, with the name
 * runs found in it, and the phrases and speakers they make.
 */
import type { NameRun } from '../findNames';
import { ARTICLES, DEMONSTRATIVES, OF } from './attributionWords';
import { onlyRole } from './onlyRole';
import { isPunctuation, type SpanishWord } from './SpanishWord';
import { ORGANIZATION_ROLES, ROLE_WORDS, SOURCE_NOUNS } from './spanishWords';

const PUBLISHED = new Set(
  'publicado publicada publicados publicadas difundido difundida divulgado divulgada'.split(' '),
);

/** "un estudio publicado en la revista …", "un informe difundido por …": the name is its publisher. */
function publishedIn(before: string[]): boolean {
  let k = 0;
  while (ARTICLES.has(before[k] ?? '')) k++;
  if (!SOURCE_NOUNS.has(before[k] ?? '') || !PUBLISHED.has(before[k + 1] ?? '')) return false;
  if (!/^(en|por)$/.test(before[k + 2] ?? '')) return false;
  return before.slice(k + 3).every((w) => ARTICLES.has(w) || ORGANIZATION_ROLES.has(w));
}

export class SentenceReader {
  readonly n: number;
  /** Name runs by the index of their first word in `ws`. */
  private readonly runs = new Map<number, { last: number; run: NameRun }>();

  constructor(
    private readonly text: string,
    readonly ws: SpanishWord[],
    names: NameRun[],
  ) {
    this.n = ws.length;
    const byToken = new Map(ws.map((w, i) => [w.index, i]));
    for (const run of names) {
      const first = byToken.get(run.first);
      const last = byToken.get(run.last);
      if (first !== undefined && last !== undefined) this.runs.set(first, { last, run });
    }
  }

  low(k: number): string {
    return this.ws[k]?.lower ?? '';
  }

  /** The first name run starting in [from, to). */
  nameIn(from: number, to: number): { first: number; last: number } | null {
    for (let k = from; k < to; k++) {
      const r = this.runs.get(k);
      if (r) return { first: k, last: r.last };
    }
    return null;
  }

  isNameRun(from: number, to: number): boolean {
    return this.runs.get(from)?.last === to;
  }

  /** The words from..to as the article writes them, a sentence-initial article lower-cased. */
  phrase(from: number, to: number): { first: number; last: number; text: string } {
    const text = this.text
      .slice(this.ws[from]!.start, this.ws[to]!.end)
      .replace(/\s+/g, ' ')
      .replace(/^(El|La|Los|Las|Un|Una)\s/, (a) => a.toLowerCase());
    return { first: from, last: to, text };
  }

  /**
   * Who a noun phrase names: the name in it when the words before the name only introduce it
   * ("el ministro Gustavo Villatoro", "la organización Cristosal", "cifras del Ministerio de
   * Justicia"), else the phrase itself ("el gobierno de El Salvador", "el director del penal").
   */
  speaker(from: number, to: number): { first: number; last: number; text: string } | null {
    while (to >= from && (isPunctuation(this.ws[to]) || ARTICLES.has(this.low(to)))) to--;
    if (to < from) return null;
    const name = this.nameIn(from, to + 1);
    if (name && name.last <= to) {
      const before = this.ws.slice(from, name.first).map((w) => w.lower);
      while (ARTICLES.has(before.at(-1) ?? '')) before.pop();
      const apposition = onlyRole(before) && name.last === to;
      const ofSource =
        OF.has(before.at(-1) ?? '') &&
        before.slice(0, -1).every((w) => ARTICLES.has(w) || SOURCE_NOUNS.has(w));
      if (apposition || ofSource || publishedIn(before)) {
        return this.phrase(name.first, name.last);
      }
    }
    return this.phrase(from, to);
  }

  /** The first organisation named before word k. */
  organizationBefore(k: number): { first: number; last: number; text: string } | null {
    for (const [first, { last, run }] of [...this.runs].sort((a, b) => a[0] - b[0])) {
      if (last < k && run.type === 'organization') return this.phrase(first, last);
    }
    return null;
  }

  /** A definite role alone, "el funcionario", "la ministra": it refers to someone named before. */
  isBareRole(from: number, to: number): boolean {
    return to === from + 1 && ARTICLES.has(this.low(from)) && ROLE_WORDS.has(this.low(to));
  }

  /** "el informe", "ese mismo informe": a document named before. */
  isSourceAnaphor(from: number, to: number): boolean {
    let k = from;
    while (k < to && (DEMONSTRATIVES.has(this.low(k)) || this.low(k) === 'mismo')) k++;
    return k === to && k > from && SOURCE_NOUNS.has(this.low(to));
  }

  /** Index of the word that ends a run of words at `from` (the next punctuation), exclusive. */
  wordsUntilPunctuation(from: number): number {
    let k = from;
    while (k < this.n && !isPunctuation(this.ws[k])) k++;
    return k;
  }
}
