// One name per organisation across an article. News copy names a body in full once ("the US
// Treasury Department", "el Ministerio de Justicia y Seguridad Pública") and short after that
// ("Treasury said", "the ministry said", "informó el ministerio", "the El Faro media group");
// as speakers those would be two bodies in the board's speaker filter and in exports. A short
// form takes the fuller name the article gives, but only where the article gives exactly one
// body it can mean: with a Ministry of Health and a Ministry of Finance, "the ministry" stays as
// written, and "Reuters" is never the "Thomson Reuters Foundation".
import { NAME_PARTICLES } from './nameParticles';
import { ORG_HEADS, PLACE_ACRONYMS } from './findNames';
import { ORGANIZATION_CONNECTORS, ORGANIZATION_HEADS } from './spanish/spanishWords';

// "El Faro" and "La Prensa Gráfica" keep their article: only "el" in lower case is one.
const DETERMINERS = new Set(['the', 'The', 'el', 'la', 'los', 'las']);
const HEADS = new Set([...ORG_HEADS, ...ORGANIZATION_HEADS]);
// Nouns that say what kind of body a name is, after the name: "the El Faro news site", "the
// Cristosal rights group". The description is no part of the name.
const KINDS = new Set([
  ...ORG_HEADS,
  ...'site website outlet newspaper daily weekly magazine broadcaster channel watchdog'.split(' '),
]);
// Words a body's full name may have around its short name and still be that body: its kind
// ("Department", "Ministerio de"), its country ("US") and particles. Any other word makes
// another body: "Harvard Medical School" is not Harvard.
const FILLER = new Set([
  ...HEADS,
  ...NAME_PARTICLES,
  ...ORGANIZATION_CONNECTORS,
  ...[...PLACE_ACRONYMS].map((a) => a.toLowerCase()),
  'and',
  'for',
  'on',
]);

const capitalised = (word: string) => /^\p{Lu}/u.test(word);
/** Lower case, without a possessive: "Treasury's" → "treasury". */
const key = (word: string) => word.toLowerCase().replace(/['’]s?$/u, '');

/** A name written as one: every word capitalised but its particles ("Ministerio de Hacienda"). */
function isName(words: string[]): boolean {
  return (
    words.length > 0 &&
    capitalised(words[0]!) &&
    words.every((w) => capitalised(w) || FILLER.has(w.toLowerCase()))
  );
}

const withoutDeterminer = (words: string[]) =>
  DETERMINERS.has(words[0]!) ? words.slice(1) : words;

/** Whether `inner` occurs in `outer` as consecutive words. */
function containsRun(outer: string[], inner: string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, k) => outer[i + k] === w)) return true;
  }
  return false;
}

/**
 * A function from an organisation's name as a speaker to the article's name for it, or null
 * when the article gives no fuller name for it (or more than one). `forms` are the names of
 * bodies the article writes: its organisation name runs and the speakers it gives.
 */
export function canonicalBody(forms: Iterable<string>): (speaker: string) => string | null {
  const bodies = new Map<string, string[]>();
  // Bodies the article describes without naming them, "the city's engineering department":
  // another department "the department" may mean.
  const described: string[] = [];
  for (const form of forms) {
    const words = form.split(/\s+/);
    if (isName(words)) bodies.set(form, words.map(key));
    else if (HEADS.has(key(words.at(-1)!)))
      described.push(withoutDeterminer(words).map(key).join(' '));
  }
  /** The one fullest of `candidates`, each of whose words the others are part of. */
  const fullest = (candidates: string[]): string | null => {
    const words = (form: string) => new Set(bodies.get(form));
    const within = (a: string, b: string) => [...words(a)].every((w) => words(b).has(w));
    const widest = candidates.filter(
      (a) => !candidates.some((b) => b !== a && within(a, b) && !within(b, a)),
    );
    const [first] = widest;
    return first !== undefined && widest.every((w) => within(w, first)) ? first : null;
  };
  const resolve = (written: string[]): string | null => {
    const words = written.map(key);
    const text = written.join(' ');
    // "the ministry", "el ministerio", "Policía": a kind of body, which any body of that kind
    // the article names could be, the kind at either end of its name ("Policía Nacional Civil",
    // "Ministry of Justice", "National Police"; not "National Police Academy") or before its
    // complement ("Joint Council for Qualifications").
    const head = words.findLast((w) => HEADS.has(w));
    const generic = head !== undefined && (words.length === 1 || !written.some(capitalised));
    const describedOther = described.some((d) => d !== words.join(' ') && d.endsWith(` ${head}`));
    if (generic && describedOther) return null;
    const candidates = [...bodies].filter(([form, full]) => {
      if (form === text || full.length <= words.length) return false;
      const beforeParticle = full.some((w, k) => w === head && /^(for|of|on)$/.test(full[k + 1]!));
      if (generic && (full[0] === head || full.at(-1) === head || beforeParticle)) {
        return words.every((w) => full.includes(w));
      }
      // "Treasury" in "US Treasury Department", "Hacienda" in "Ministerio de Hacienda".
      return (
        isName(written) &&
        containsRun(full, words) &&
        full.every((w) => words.includes(w) || FILLER.has(w))
      );
    });
    return fullest(candidates.map(([form]) => form));
  };
  return (speaker) => {
    const written = withoutDeterminer(speaker.split(/\s+/));
    if (written.length === 0) return null;
    // "El Faro media group" → "El Faro", when the article has El Faro as a name.
    const kind = written.findIndex((w) => !capitalised(w) && !NAME_PARTICLES.has(w));
    const name = written.slice(0, kind);
    if (
      kind > 0 &&
      written.slice(kind).every((w) => !capitalised(w)) &&
      KINDS.has(written.at(-1)!.toLowerCase()) &&
      bodies.has(name.join(' '))
    ) {
      return resolve(name) ?? name.join(' ');
    }
    return resolve(written);
  };
}
