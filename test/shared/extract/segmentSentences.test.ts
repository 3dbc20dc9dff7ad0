// Sentence segmentation: abbreviations, decimals, quotations, blocks, exact offsets.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

function sentencesOf(text: string): string[] {
  const { sentences } = extractClaims(text);
  for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  return sentences.map((s) => s.text);
}

describe('segmentSentences', () => {
  it('does not split at abbreviations such as U.S., Dec., Gen. and Maj.', () => {
    const text =
      'The U.S. Treasury said on Dec. 7 that Gen. Smith paid $3.5 million to contractors. ' +
      'Lt. Col. Ramírez and Maj. Gen. Ortiz met in Jan. 2020 with Rep. Diaz in Washington. ' +
      'Dr. Jones of St. Louis agreed with the findings of the inquiry.';
    expect(sentencesOf(text)).toEqual([
      'The U.S. Treasury said on Dec. 7 that Gen. Smith paid $3.5 million to contractors.',
      'Lt. Col. Ramírez and Maj. Gen. Ortiz met in Jan. 2020 with Rep. Diaz in Washington.',
      'Dr. Jones of St. Louis agreed with the findings of the inquiry.',
    ]);
  });

  it('does not split inside a run of initials such as "(D-N.Y.)"', () => {
    const text =
      'Rep. Alexandria Ocasio-Cortez (D-N.Y.) said the bill leaves out 60% of what was promised. ' +
      'Sen. Lindsey Graham (R-S.C.) voted against it on Tuesday.';
    expect(sentencesOf(text)).toEqual([
      'Rep. Alexandria Ocasio-Cortez (D-N.Y.) said the bill leaves out 60% of what was promised.',
      'Sen. Lindsey Graham (R-S.C.) voted against it on Tuesday.',
    ]);
  });

  it('keeps decimals, percentages and times inside one sentence', () => {
    const text =
      'Homicides fell 56.8% in 2022, from 1,147 to 495, officials said. ' +
      'The meeting ended at 5 p.m. on Friday. Inflation was 3.25 percent in the year to March.';
    expect(sentencesOf(text)).toEqual([
      'Homicides fell 56.8% in 2022, from 1,147 to 495, officials said.',
      'The meeting ended at 5 p.m. on Friday.',
      'Inflation was 3.25 percent in the year to March.',
    ]);
  });

  it('keeps a quotation with its attribution, also after "?" and "!"', () => {
    const text =
      '"Is this true?" he asked the minister during the hearing. ' +
      '"No!" she replied at once. ' +
      '“They lied to the court,” said María López, a lawyer. “We will appeal,” she added.';
    expect(sentencesOf(text)).toEqual([
      '"Is this true?" he asked the minister during the hearing.',
      '"No!" she replied at once.',
      '“They lied to the court,” said María López, a lawyer.',
      '“We will appeal,” she added.',
    ]);
  });

  it('never joins a heading or a line without punctuation to the next paragraph', () => {
    const text =
      'Prison Talks Under Scrutiny\n\nOfficials met gang leaders in 2020, the report said.\n' +
      'InSight Crime Analysis\nThe talks lowered homicides, analysts believe.';
    expect(sentencesOf(text)).toEqual([
      'Prison Talks Under Scrutiny',
      'Officials met gang leaders in 2020, the report said.',
      'InSight Crime Analysis',
      'The talks lowered homicides, analysts believe.',
    ]);
  });

  it('re-joins hard-wrapped lines and keeps exact offsets across the line breaks', () => {
    const text =
      'The ministry said on Tuesday that unemployment fell to 4.1 percent in\n' +
      'the second quarter, the lowest rate since records began in 1990. Economists\n' +
      'had expected a rate of 4.3 percent, according to a Reuters poll of analysts.\n';
    const { sentences } = extractClaims(text);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [0, 134],
      [135, text.trimEnd().length],
    ]);
    expect(sentences[0]!.text).toContain('in\nthe second quarter');
  });

  it('gives UTF-16 offsets that survive emoji and accented names before the sentence', () => {
    const text =
      'Pérez 🚨 said nothing.\n\nThe court fined Ñandú SA 2.5 million euros in May 2023.';
    const { sentences } = extractClaims(text);
    const last = sentences.at(-1)!;
    expect(text.slice(last.start, last.end)).toBe(
      'The court fined Ñandú SA 2.5 million euros in May 2023.',
    );
  });
});
