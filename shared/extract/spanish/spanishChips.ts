// Chips for the figures and dates of a Spanish sentence, found in its text (wink's entity
// recogniser is English: it reads "US$ 1,5" without "millones" and never "5 de marzo"), and
// for its names. Figures are written either way in Latin America ("110.000" and "110,000",
// "2,4" and "2.4"), so a number is any run of digits with dots and commas inside.
import type { NameRun } from '../findNames';
import type { EntityChip, EntityType } from '../types';
import { MONTHS, WEEKDAYS } from './spanishWords';

const NUMBER = String.raw`\d(?:[\d.,]*\d)?`;
const SCALE = String.raw`(?:\s(?:mil\s)?(?:millones|millón|billones|billón)|\smil(?!\s(?:millones|millón)))`;
const CURRENCY = String.raw`(?:dólares|dólar|euros|colones|pesos|quetzales|lempiras|córdobas|bolívares|soles|reales|bitcoins?)`;
const MONTH = `(?:${MONTHS})`;
const YEAR = String.raw`(?:1[89]|20)\d{2}`;

// In order of precedence: a figure inside a money amount is not a number of its own.
const PATTERNS: Array<[EntityType, RegExp]> = [
  [
    'money',
    new RegExp(String.raw`(?:US\$|USD|\$|€)\s?${NUMBER}${SCALE}?(?:\sde\s${CURRENCY})?`, 'gu'),
  ],
  ['money', new RegExp(String.raw`${NUMBER}${SCALE}?\s(?:de\s)?${CURRENCY}`, 'giu')],
  ['percent', new RegExp(String.raw`${NUMBER}\s?(?:%|por\s?ciento|puntos porcentuales)`, 'giu')],
  [
    'date',
    new RegExp(
      String.raw`(?:(?:el\s)?(?:${WEEKDAYS})(?:\s\d{1,2})?(?:\sde\s${MONTH})?|\d{1,2}\sde\s${MONTH}|${MONTH})(?:\s(?:de|del)\s${YEAR})?`,
      'giu',
    ),
  ],
  ['date', new RegExp(String.raw`(?<![\d.,])${YEAR}(?![\d]|[.,]\d)`, 'gu')],
  [
    'duration',
    new RegExp(String.raw`${NUMBER}\s(?:años|meses|semanas|días|horas|décadas|siglos)`, 'giu'),
  ],
  ['number', new RegExp(String.raw`(?<![\p{L}\d])${NUMBER}${SCALE}?`, 'gu')],
];

// "mayo" is a month; "Mayo" in "Plaza de Mayo" is part of a name, and a lone lower-case month
// inside a word is impossible thanks to the word boundaries below.
const WORD_EDGE = /[\p{L}\d]/u;

export function spanishChips(
  text: string,
  start: number,
  end: number,
  names: NameRun[],
): EntityChip[] {
  const sentence = text.slice(start, end);
  const taken = new Uint8Array(sentence.length);
  const chips: EntityChip[] = names.map((n) => {
    taken.fill(1, n.start - start, n.end - start);
    return { text: n.text, type: n.type, start: n.start, end: n.end };
  });
  for (const [type, pattern] of PATTERNS) {
    for (const m of sentence.matchAll(pattern)) {
      const from = m.index;
      const to = from + m[0].length;
      if (WORD_EDGE.test(sentence[from - 1] ?? '') || WORD_EDGE.test(sentence[to] ?? '')) continue;
      if (taken.subarray(from, to).some((x) => x === 1)) continue;
      taken.fill(1, from, to);
      chips.push({ text: m[0], type, start: start + from, end: start + to });
    }
  }
  return chips.sort((a, b) => a.start - b.start);
}
