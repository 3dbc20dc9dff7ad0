// Names in Spanish text, without part-of-speech tags: runs of capitalised words, with the
// particles names hold inside ("Centro de Confinamiento del Terrorismo", and in organisations
// "Ministerio de Justicia y Seguridad Pública"). Spanish writes roles in lower case ("el
// ministro Gustavo Villatoro"), so a role is a cue before the name, not part of it; a
// capitalised role is dropped ("Presidente Nayib Bukele" → "Nayib Bukele").
//
// A capital at the start of a sentence or quotation proves nothing. There, a run keeps its
// first word only when the article shows it belongs to the name: the same run elsewhere in
// mid-sentence ("El Salvador" after "de El Salvador"), or a first word never written in lower
// case ("Noah Bullock"); "Según Villatoro" becomes "Villatoro", "La Policía Nacional Civil"
// "Policía Nacional Civil", and a lone initial word ("Hemos", "Muchas") is a name only if the
// article capitalises it in mid-sentence too ("Cristosal").
import type { Token } from '../analyzeText';
import type { NameRun } from '../findNames';
import { NameCues } from '../NameCues';
import { isNewsAgency } from '../newsAgencies';
import type { SentenceSpan } from '../segmentSentences';
import type { EntityType } from '../types';
import { isCapitalised, spanishWords, type SpanishWord } from './SpanishWord';
import {
  NAME_CONNECTORS,
  ORGANIZATION_CONNECTORS,
  ORGANIZATION_HEADS,
  ORGANIZATION_ROLES,
  ROLE_WORDS,
} from './spanishWords';

interface Run {
  sentence: number;
  /** Indexes into the sentence's words, inclusive. */
  first: number;
  last: number;
  initial: boolean;
}

// Marks after which a capital proves nothing: quotations, questions, dashes, a wire dateline.
const OPENING = /^[«“([—–¿¡:‘-]$|^\.-$/;
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'lo']);
// Words that open sentences and are never names, even if the article never writes them in
// lower case.
const OPENERS = new Set(
  (
    'según de del en con por para desde tras durante ante sin sobre entre hasta hacia además ' +
    'también pero aunque mientras cuando este esta estos estas ese esa esos esas aquel otro otra ' +
    'unos unas al su sus y o no ya hoy ayer así si como'
  ).split(' '),
);
const PLACE_PREPOSITIONS = new Set(['en', 'desde', 'hacia', 'hasta']);
const ACRONYM = /^\p{Lu}{2,6}$/u;
// Common nouns Spanish capitalises by convention: "el Estado", "el Gobierno" alone name no one
// in particular.
const CONVENTIONAL_CAPITALS = new Set([
  'estado',
  'gobierno',
  'ejecutivo',
  'legislativo',
  'judicial',
]);

/** At the start of the sentence or of a quotation, question or dash inside it. */
function opensClause(ws: SpanishWord[], k: number): boolean {
  const prev = ws[k - 1];
  if (!prev) return true;
  if (OPENING.test(prev.value)) return true;
  return /^["']$/.test(prev.value) && prev.end === ws[k]!.start; // an opening straight quote
}

// "EE.UU." is read as "EE", ".", "UU", ".": an abbreviation of a place, not two names.
const isNameWord = (w: SpanishWord | undefined) =>
  !!w && /^\p{Lu}[\p{L}'’.-]*$/u.test(w.value) && w.value !== 'EE' && w.value !== 'UU';

/** The run's head: its first word after an article ("La Prensa Gráfica" → "prensa"). */
function headOf(ws: SpanishWord[], first: number): string {
  const w = ws[first]!;
  return ARTICLES.has(w.lower) && ws[first + 1] ? ws[first + 1]!.lower : w.lower;
}

function runsIn(ws: SpanishWord[], sentence: number): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!isNameWord(ws[i])) continue;
    const organization = ORGANIZATION_HEADS.has(headOf(ws, i));
    const connectors = organization ? ORGANIZATION_CONNECTORS : NAME_CONNECTORS;
    let last = i;
    for (let k = i + 1; ;) {
      let j = k;
      while (j < ws.length && j - k < 3 && connectors.has(ws[j]!.value)) j++;
      if (!isNameWord(ws[j])) break;
      last = j;
      k = j + 1;
    }
    let first = i;
    // A capitalised role before a name is not part of it: "Presidente Nayib Bukele", "El Sr.
    // Pérez".
    const role = (k: number) =>
      ROLE_WORDS.has(ws[k]!.lower) ||
      (ARTICLES.has(ws[k]!.lower) && ROLE_WORDS.has(ws[k + 1]?.lower ?? ''));
    // "Comisionado Nacional de los Derechos Humanos" is an office: its particles say so.
    const office = ws.slice(i, last + 1).some((w) => !isCapitalised(w));
    while (first < last && !office && role(first) && isNameWord(ws[first + 1])) first++;
    const alone = first === last;
    if (!(
      alone &&
      (ROLE_WORDS.has(ws[first]!.lower) || CONVENTIONAL_CAPITALS.has(ws[first]!.lower))
    )) {
      runs.push({ sentence, first, last, initial: first === i && opensClause(ws, i) });
    }
    i = last;
  }
  return runs;
}

const keyOf = (ws: SpanishWord[], r: { first: number; last: number }) =>
  ws
    .slice(r.first, r.last + 1)
    .map((w) => w.lower)
    .join(' ');

function typeOf(ws: SpanishWord[], r: Run, cues: NameCues): EntityType {
  const first = ws[r.first]!.value;
  if (ORGANIZATION_HEADS.has(headOf(ws, r.first))) return 'organization';
  const c = cues.get(keyOf(ws, r)) ?? { person: 0, organization: 0, place: 0 };
  // "informó Reuters": an agency, as in English (findNames), unless cues make it a person.
  if (c.person === 0 && isNewsAgency(keyOf(ws, r))) return 'organization';
  if (c.person > 0 && c.person >= c.place && c.person >= c.organization) return 'person';
  if (c.organization > 0 || (r.first === r.last && ACRONYM.test(first))) return 'organization';
  if (c.place > 0) return 'place';
  return 'name';
}

/** Names in each of the given sentences, typed with cues from all of them. */
export function findSpanishNames(
  text: string,
  tokens: Token[],
  sentences: SentenceSpan[],
): NameRun[][] {
  const words = sentences.map((s) => spanishWords(tokens, s.first, s.last));
  const raw = words.map((ws, si) => runsIn(ws, si));

  // What the article shows: words it writes in lower case, runs and words it capitalises in
  // mid-sentence.
  const lowerCase = new Set([...ARTICLES, ...OPENERS]);
  for (const ws of words) for (const w of ws) if (!isCapitalised(w)) lowerCase.add(w.lower);
  const midRuns = new Set<string>();
  const midWords = new Set<string>();
  raw.forEach((runs, si) =>
    runs
      .filter((r) => !r.initial)
      .forEach((r) => {
        midRuns.add(keyOf(words[si]!, r));
        for (let k = r.first; k <= r.last; k++) midWords.add(words[si]![k]!.lower);
      }),
  );
  const runs = raw.map((list, si) => {
    const ws = words[si]!;
    return list.flatMap((r): Run[] => {
      if (!r.initial || midRuns.has(keyOf(ws, r))) return [r];
      if (r.first === r.last) {
        const word = ws[r.first]!.lower;
        return midWords.has(word) && !lowerCase.has(word) ? [r] : [];
      }
      if (!lowerCase.has(ws[r.first]!.lower)) return [r];
      let first = r.first + 1;
      while (first < r.last && !isCapitalised(ws[first])) first++;
      return [{ ...r, first, initial: false }];
    });
  });

  const cues = new NameCues();
  runs.forEach((list, si) => {
    const ws = words[si]!;
    for (const r of list) {
      const key = keyOf(ws, r);
      const before = ws[r.first - 1]?.lower ?? '';
      const before2 = ws[r.first - 2]?.lower ?? '';
      if (ROLE_WORDS.has(before)) cues.add(key, 'person');
      if (ORGANIZATION_ROLES.has(before)) cues.add(key, 'organization');
      // "Noah Bullock, director de Cristosal" / "Bukele, quien …"
      const next = ws[r.last + 1]?.value;
      const role = ARTICLES.has(ws[r.last + 2]?.lower ?? '') ? ws[r.last + 3] : ws[r.last + 2];
      if (
        next === ',' &&
        (ROLE_WORDS.has(role?.lower ?? '') || ws[r.last + 2]?.lower === 'quien')
      ) {
        cues.add(key, 'person');
      }
      // "La directora del Comité …, Daysi Oseguera, afirmó": a name set beside a role.
      const besideRole =
        before === ',' &&
        next === ',' &&
        ws.slice(Math.max(0, r.first - 12), r.first).some((w) => ROLE_WORDS.has(w.lower));
      if (besideRole) cues.add(key, 'person');
      if (
        PLACE_PREPOSITIONS.has(before) ||
        (ARTICLES.has(before) && PLACE_PREPOSITIONS.has(before2))
      ) {
        cues.add(key, 'place');
      }
    }
  });
  cues.markReusedSurnames(
    runs.flatMap((list, si) =>
      list.map((r) => {
        const ws = words[si]!;
        return {
          key: keyOf(ws, r),
          surname: ws[r.last]!.lower,
          size: r.last - r.first + 1,
          excluded:
            ORGANIZATION_HEADS.has(headOf(ws, r.first)) ||
            ACRONYM.test(ws[r.first]!.value) ||
            ws.slice(r.first, r.last + 1).some((w) => !isCapitalised(w)),
        };
      }),
    ),
  );

  return runs.map((list, si) => {
    const ws = words[si]!;
    return list.map((r) => {
      const start = ws[r.first]!.start;
      const end = ws[r.last]!.end;
      return {
        first: ws[r.first]!.index,
        last: ws[r.last]!.index,
        start,
        end,
        text: text.slice(start, end),
        type: typeOf(ws, r, cues),
      };
    });
  });
}
