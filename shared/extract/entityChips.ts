// Chips for the numbers, dates and names a sentence contains, in text order.
import type { Analysis, NlpEntity } from './analyzeText';
import type { NameRun } from './findNames';
import type { SentenceSpan } from './segmentSentences';
import type { EntityChip, EntityType } from './types';

const CALENDAR_WORD =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

function chipType(entity: NlpEntity, value: string): EntityType | null {
  switch (entity.type) {
    case 'DATE':
      return 'date';
    case 'TIME':
      return 'time';
    case 'MONEY':
      return 'money';
    case 'PERCENT':
      return 'percent';
    case 'CARDINAL':
      return /^(one|a|an)$/i.test(value) ? null : 'number';
    case 'ORDINAL':
      return /\d/.test(value) ? 'number' : null; // "first" is usually an adverb, "3rd" a fact
    case 'DURATION':
      // "Since October" is a date; "12 years" a duration; "in recent years" neither.
      if (CALENDAR_WORD.test(value)) return 'date';
      return /\d/.test(value) ? 'duration' : null;
    default:
      return null; // URLs, e-mails, hashtags, emoji: not claims' anchors
  }
}

export function entityChips(
  text: string,
  analysis: Analysis,
  span: SentenceSpan,
  entities: NlpEntity[],
  names: NameRun[],
): EntityChip[] {
  const { tokens } = analysis;
  const chips: EntityChip[] = [];
  const covered = new Uint8Array(span.last - span.first + 1);
  for (const e of entities) {
    const start = tokens[e.first]!.start;
    const end = tokens[e.last]!.end;
    const value = text.slice(start, end);
    const type = chipType(e, value);
    if (!type) continue;
    covered.fill(1, e.first - span.first, e.last - span.first + 1);
    chips.push({ text: value, type, start, end });
  }
  // Figures wink did not group into an entity ("1.2m units", "Q3 2021").
  for (let i = span.first; i <= span.last; i++) {
    const t = tokens[i]!;
    if (!covered[i - span.first] && t.pos === 'NUM' && /\d/.test(t.value)) {
      chips.push({ text: t.value, type: 'number', start: t.start, end: t.end });
    }
  }
  for (const n of names) chips.push({ text: n.text, type: n.type, start: n.start, end: n.end });
  return chips.sort((a, b) => a.start - b.start);
}
