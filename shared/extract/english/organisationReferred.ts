// What "the company", "the agency" or "the ministry" refers to in English: a body named in the
// sentence or the sentences before, of the kind the noun says (findAttribution).
import type { Token } from '../analyzeText';
import { LOOKBACK_SENTENCES, recentSpeaker, type AttributionMemory } from '../AttributionMemory';
import { ORG_HEADS, type NameRun } from '../findNames';
import { afterDateline } from './afterDateline';
import { BODY_DESCRIPTIONS } from './attributionWords';
import { low, type Span } from './Span';

// Kinds of institution whose names say what they are ("Ministry of Finance", "Supreme Court"):
// "the ministry" is a ministry the article named, never the central bank that spoke before it.
const NAMED_KINDS = new Set(
  'ministry department office authority court commission council'.split(' '),
);
// Kinds a name often does not say ("the agency" after "the FDA said"): a name that says no
// kind may be one, a name that says another never ("the Environment Agency" is no bank).
const UNNAMED_KINDS = new Set(['agency', 'bank']);

/** Whether a body named `name` can be what "the `noun`" means. */
function isOfKind(name: string, noun: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  if (words.includes(noun)) return true;
  if (NAMED_KINDS.has(noun)) return false;
  // "the bureau" after "The FBI's … report": an acronym hides its kind, "the Federal Reserve"
  // says another.
  if (noun === 'bureau') return /^\p{Lu}{2,6}$/u.test(name);
  if (UNNAMED_KINDS.has(noun)) return ![words[0], words.at(-1)].some((w) => ORG_HEADS.has(w!));
  // "the company" after the Census Bureau spoke is some company, not the bureau.
  if (BUSINESS_KINDS.has(noun)) return !words.some((w) => PUBLIC_BODY_WORDS.has(w));
  return true;
}
const BUSINESS_KINDS = new Set('company firm airline carrier retailer lender insurer'.split(' '));
const PUBLIC_BODY_WORDS = new Set(
  (
    'bureau ministry department office agency authority court commission council committee ' +
    'police army navy congress assembly senate parliament government administration ' +
    'treasury nations university institute service'
  ).split(' '),
);

/**
 * The body among the names of the sentence before that "the `noun`" may mean: one whose name
 * holds the noun ("the ministry", "Agriculture Ministry"), else the organisation, else the
 * name of no known kind, which is what the sentence is about ("JPMorgan Chase raised its
 * forecast … . The bank said …", "Wells Fargo", "Acme Foods"); never a person or a place.
 * AMBIGUOUS when two bodies fit as well (oneBody).
 */
function bodyNamedBefore(
  memory: AttributionMemory,
  sentence: number,
  fits: (name: string) => boolean,
  kind: RegExp,
  known: string | undefined,
): { sentence: number; name: string } | typeof AMBIGUOUS | null {
  if (memory.previous.sentence !== sentence - 1) return null;
  const bodies = memory.previous.names.filter(
    (r) => r.type !== 'person' && r.type !== 'place' && fits(r.text),
  );
  const name = oneBody(bodies, kind, known);
  return name === AMBIGUOUS || name === null ? name : { sentence: sentence - 1, name };
}

const AMBIGUOUS = Symbol('ambiguous');

/**
 * The one body among `bodies` that "the `noun`" means: one whose name holds the noun, else an
 * organisation, else a name of no known kind. Two such bodies are AMBIGUOUS ("Harbour Foods
 * agreed to buy Atlas Dairy … . The company said …" may be either), unless the article already
 * called one of them by this noun (`known`).
 */
function oneBody(
  bodies: NameRun[],
  kind: RegExp,
  known: string | undefined,
): string | typeof AMBIGUOUS | null {
  const ofKind = bodies.filter((r) => kind.test(r.text));
  const organisations = bodies.filter((r) => r.type === 'organization');
  const pool = ofKind.length > 0 ? ofKind : organisations.length > 0 ? organisations : bodies;
  const names = [...new Set(pool.map((r) => r.text))];
  if (names.length <= 1) return names[0] ?? null;
  return known && names.includes(known) ? known : AMBIGUOUS;
}

/**
 * What "the company" or "the agency" refers to: an organisation named earlier in the sentence
 * ("Supermarket chain Tesco said …, the company said"; a name in brackets after it, a ticker,
 * is none), else the most recent organisation that spoke or was named in the sentences before
 * (in the sentence just before, also a name of no known kind: bodyNamedBefore). One whose name
 * holds the description's noun comes first: "the ministry" after "the Agriculture Ministry said
 * …" and "…, according to the Farmers' Union" is the ministry, not the union that spoke last. A
 * body of another kind is none (isOfKind): "the ministry" after "the Central Bank said" is no
 * bank. Null when there is none: it stays as written.
 */
export function organisationReferred(
  text: string,
  ws: Token[],
  np: Span,
  names: NameRun[],
  memory: AttributionMemory,
  sentence: number,
  bracketed: (start: number) => boolean,
): string | null {
  const [the, ...rest] = ws.slice(np.first, np.last + 1);
  const noun = rest.pop();
  // "The Seattle-based company", "the London-listed lender", "the British company": where it
  // is or whose it is tells no other body ("the state environmental agency" may be a new one).
  const where = rest.map((w) => w.value).join('');
  if (
    low(the) !== 'the' ||
    !BODY_DESCRIPTIONS.has(low(noun)) ||
    (rest.length > 0 &&
      (!/^\p{Ll}/u.test(noun!.value) ||
        !/^(\p{Lu}\p{Ll}+|[\p{L}-]+-(based|owned|listed|headquartered|run))$/u.test(where)))
  ) {
    return null;
  }
  const description = low(noun);
  // "The bank said …. The company also announced …": the company the article called so before,
  // not the bank that spoke last. A body the article has called by another noun is not what
  // this one means once this noun has been used for a body (a first "the lender" after "the
  // bank" may still be the bank).
  const before = memory.described.get(description);
  const otherwise = new Set([...memory.described.values()].map((d) => d.name));
  const fits = (name: string) =>
    isOfKind(name, description) && (!before || name === before.name || !otherwise.has(name));
  const referred = (name: string | null) => {
    if (name) memory.described.set(description, { sentence, name });
    return name;
  };
  // A name in a wire dateline, "LONDON (Reuters) -", is not one the sentence gives.
  const from = afterDateline(text, ws)[0]?.start ?? ws[0]!.start;
  const inSentence = names.filter(
    (r) =>
      r.start >= from &&
      r.end <= the!.start &&
      r.type !== 'person' &&
      r.type !== 'place' &&
      !bracketed(r.start) &&
      fits(r.text),
  );
  const kind = new RegExp(`\\b${low(noun)}\\b`, 'i');
  // A one-word name that opens the sentence is no second body beside another: in "Profits at
  // Unilever rose 5%, the company said", "Profits" has its capital from its place.
  const opener = (r: NameRun) =>
    r.start === from && r.type === 'name' && !/\s/.test(r.text) && !/.\p{Lu}/u.test(r.text);
  const inSentenceBody = oneBody(
    inSentence.length > 1 ? inSentence.filter((r) => !opener(r)) : inSentence,
    kind,
    before?.name,
  );
  if (inSentenceBody === AMBIGUOUS) return null;
  if (inSentenceBody) return referred(inSentenceBody);
  const organisation = (m: AttributionMemory['recent'][number]) =>
    m.person === false && !m.isSource && fits(m.attribution.speaker);
  const spokeOfKind = recentSpeaker(
    memory,
    sentence,
    (m) => organisation(m) && kind.test(m.attribution.speaker),
  );
  const spoke = recentSpeaker(memory, sentence, organisation);
  const justBefore = bodyNamedBefore(memory, sentence, fits, kind, before?.name);
  // Of two bodies named just before, the one that spoke there: "Harbour Foods said it agreed to
  // buy Atlas Dairy … . The company said …".
  if (justBefore === AMBIGUOUS) {
    const there = recentSpeaker(
      memory,
      sentence,
      (m) =>
        m.sentence === sentence - 1 &&
        !m.isSource &&
        memory.previous.names.some((r) => r.text === m.attribution.speaker && r.type !== 'person'),
    );
    return there ? referred(there.attribution.speaker) : null;
  }
  const named =
    justBefore ??
    (memory.organization && fits(memory.organization.name) ? memory.organization : null);
  if (before) {
    // The body this noun last meant, unless one spoke since, the sentence just before is about
    // one ("Bolt Motors said …. The company said …"), or one named since holds the noun.
    const since = spokeOfKind ?? spoke;
    const newer = named && named.sentence > before.sentence;
    if (newer && (named === justBefore || kind.test(named.name))) return referred(named.name);
    return referred(
      since && since.sentence > before.sentence ? since.attribution.speaker : before.name,
    );
  }
  if (named && sentence - named.sentence <= LOOKBACK_SENTENCES) {
    const namedOfKind = kind.test(named.name);
    if (namedOfKind && (!spokeOfKind || named.sentence > spokeOfKind.sentence)) {
      return referred(named.name);
    }
    if (!spokeOfKind && (!spoke || named.sentence > spoke.sentence)) return referred(named.name);
  }
  return referred((spokeOfKind ?? spoke)?.attribution.speaker ?? null);
}
