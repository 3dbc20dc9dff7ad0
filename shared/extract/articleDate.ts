// The day an article was published, as its top says it: a dateline or a date line under the
// headline ("September 1, 2021", "Sept. 1, 2021", "1 September 2021", "2021-09-01", "1 de
// septiembre de 2021"). The import form proposes it for the person to confirm or change; it is
// never stored unseen. The months are the furniture rules' (a date line above the body is
// furniture there, as it is no claim).
import { isPublishedDate } from '../board/publishedDate';
import { MONTH, SPANISH_MONTHS } from './furnitureRules';

/** How far into the text a date is the article's own: past the headline, byline and dateline. */
export const DATE_REACH = 600;

const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
/** Each way of writing a day, with the places of its year, month and day among the groups. */
const FORMS: readonly {
  readonly pattern: RegExp;
  readonly y: number;
  readonly m: number;
  readonly d: number;
}[] = [
  { pattern: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, 'u'), y: 1, m: 2, d: 3 },
  { pattern: new RegExp(`\\b(${MONTH})\\s+${DAY},?\\s+${YEAR}\\b`, 'iu'), y: 4, m: 1, d: 3 },
  { pattern: new RegExp(`\\b${DAY}\\s+(${MONTH}),?\\s+${YEAR}\\b`, 'iu'), y: 4, m: 2, d: 1 },
  {
    pattern: new RegExp(
      `\\b(\\d{1,2})\\s+de\\s+(${SPANISH_MONTHS.join('|')}|setiembre)(?:\\s+de)?\\s+${YEAR}\\b`,
      'iu',
    ),
    y: 3,
    m: 2,
    d: 1,
  },
];

/** A month's number (1-12) from its name or a cut of at least three letters of it, else 0. */
function monthNumber(word: string): number {
  const name = word.toLowerCase().replace(/\.$/, '');
  if (/^\d{2}$/.test(name)) return Number(name);
  if (name === 'setiembre') return 9;
  const spanish = (SPANISH_MONTHS as readonly string[]).indexOf(name);
  if (spanish >= 0) return spanish + 1;
  if (name.length < 3) return 0;
  return ENGLISH_MONTHS.findIndex((m) => m.startsWith(name)) + 1;
}

export interface ArticleDate {
  /** The day, `YYYY-MM-DD`. */
  readonly day: string;
  /** The words it was read from, as the text has them ("Sept. 1, 2021"). */
  readonly words: string;
}

/**
 * The first date in the first DATE_REACH characters of `text` that is a day an article can
 * have been published on (isPublishedDate, as of `now`), else null.
 */
export function articleDateIn(text: string, now = Date.now()): ArticleDate | null {
  const top = text.slice(0, DATE_REACH);
  let best: (ArticleDate & { readonly at: number }) | null = null;
  for (const { pattern, y, m, d } of FORMS) {
    const found = pattern.exec(top);
    if (!found || (best && best.at <= found.index)) continue;
    const month = monthNumber(found[m] ?? '');
    const day = `${found[y]}-${String(month).padStart(2, '0')}-${(found[d] ?? '').padStart(2, '0')}`;
    if (month > 0 && isPublishedDate(day, now)) best = { day, words: found[0], at: found.index };
  }
  return best && { day: best.day, words: best.words };
}
