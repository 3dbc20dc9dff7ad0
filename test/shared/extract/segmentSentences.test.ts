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

  it('keeps a quotation of two or three sentences with the reporting clause that closes it', () => {
    const text =
      'Riverton’s bridge will cost $48 million, up from the $34 million approved in 2022, the ' +
      'council said on Monday. Taxpayers’ association chair Rob Hale said residents had been ' +
      'misled.\n\n' +
      '"Taxpayers were promised a $34 million project. Now they are being asked for $48 million," ' +
      'Hale said.\n\n' +
      '“We asked for the contracts. We got a summary. Is that transparency?” said Ana Ruiz, ' +
      'a councillor.\n\n' +
      'The mayor, Dana Whitfield, told the Ledger: “The first estimate left out the approach ' +
      'roads. That is $9 million on its own.”\n\n' +
      '"Steel went up 30% in 2023. Labour went up 12%. Insurance doubled. The river moved ' +
      'too," said Tom Lund, the city engineer.\n\n' +
      '"Construction starts in May. It will take two years."';
    expect(sentencesOf(text)).toEqual([
      'Riverton’s bridge will cost $48 million, up from the $34 million approved in 2022, the council said on Monday.',
      'Taxpayers’ association chair Rob Hale said residents had been misled.',
      '"Taxpayers were promised a $34 million project. Now they are being asked for $48 million," Hale said.',
      '“We asked for the contracts. We got a summary. Is that transparency?” said Ana Ruiz, a councillor.',
      // The quotation follows its speaker and no clause closes it: each sentence is a claim.
      'The mayor, Dana Whitfield, told the Ledger: “The first estimate left out the approach roads.',
      'That is $9 million on its own.”',
      // Four sentences are a passage of several claims, each given the speaker by the tracker.
      '"Steel went up 30% in 2023.',
      'Labour went up 12%.',
      'Insurance doubled.',
      'The river moved too," said Tom Lund, the city engineer.',
      '"Construction starts in May.',
      'It will take two years."',
    ]);
    const { claims } = extractClaims(text);
    const hale = claims.find((c) => c.sentence.includes('Taxpayers were promised'));
    expect(hale?.speaker).toBe('Rob Hale');
    expect(hale?.claim).toBe(
      'Taxpayers were promised a $34 million project. Now they are being asked for $48 million.',
    );
    expect(claims.find((c) => c.sentence.startsWith('Labour went up'))?.speaker).toBe('Tom Lund');
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

describe('footnote markers', () => {
  // QA: "…Transit Authority.1" (a page's <sup>1</sup>) ran on into the next sentence and
  // stayed in the card's sentence; "statement[^1]." lost its speaker.
  it('ends a sentence before a marker after its full stop', () => {
    const text =
      'Ridership fell 31 percent between 2019 and 2023, according to figures from the Riverton Transit Authority.1 ' +
      "The transit authority's budget has grown by 18 percent since 2020, Fields said.2\n\n" +
      'Unemployment in Springfield fell to 3.8% in January, down from 5.1% a year earlier.¹\n\n' +
      'Bread prices have risen 15 percent since January, the Agriculture Ministry said in a statement.[^2]';
    expect(sentencesOf(text)).toEqual([
      'Ridership fell 31 percent between 2019 and 2023, according to figures from the Riverton Transit Authority.',
      "The transit authority's budget has grown by 18 percent since 2020, Fields said.",
      'Unemployment in Springfield fell to 3.8% in January, down from 5.1% a year earlier.',
      'Bread prices have risen 15 percent since January, the Agriculture Ministry said in a statement.',
    ]);
    const speakers = extractClaims(text).claims.map((c) => [c.sentence.slice(0, 12), c.speaker]);
    expect(speakers).toContainEqual(['Ridership fe', 'Riverton Transit Authority']);
    expect(speakers).toContainEqual(['The transit ', 'Fields']);
    expect(speakers).toContainEqual(['Bread prices', 'Agriculture Ministry']);
  });

  // "[1]" as a wiki or report copies it, "*" and "†" as a table's notes mark a figure: the
  // paragraph read as a heading (no claims), and "earlier.[1] Prices …" ran on.
  it('reads "[1]", "*" and "†" after a stop as markers', () => {
    const text =
      'Unemployment fell to 3.8% in January, down from 5.1% a year earlier.[1] Prices rose 5% in 2023, the bank said.[12]\n\n' +
      'Wages rose 3% in 2024, according to the Federal Statistical Office.*\n\n' +
      'Rents rose 14 percent in 2023, the housing ministry said.†\n\n' +
      '[1] Provisional figures.\n\n* Seasonally adjusted.';
    const { claims, sentences, removed } = extractClaims(text);
    expect(claims.map((c) => c.sentence)).toEqual(
      expect.arrayContaining([
        'Unemployment fell to 3.8% in January, down from 5.1% a year earlier.',
        'Prices rose 5% in 2023, the bank said.',
        'Wages rose 3% in 2024, according to the Federal Statistical Office.',
        'Rents rose 14 percent in 2023, the housing ministry said.',
      ]),
    );
    expect(claims).toHaveLength(4);
    expect(claims.find((c) => c.sentence.startsWith('Wages'))?.speaker).toBe(
      'Federal Statistical Office',
    );
    for (const c of claims) expect(c.entities.map((e) => e.text)).not.toContain('1');
    expect(removed.map((r) => text.slice(r.start, r.end))).toContain('[1] Provisional figures.');
    expect(sentences.some((s) => s.text.includes('[12]'))).toBe(false);
  });

  it('reads the attribution and figures of a sentence with a marker before its stop', () => {
    const text =
      'Imports are expected to reach 4.2 million tonnes, roughly double the 2025 figure, the ministry said in a statement[^1].';
    const [claim] = extractClaims(text).claims;
    expect(claim?.speaker).toBe('the ministry');
    expect(claim?.claim).toBe(
      'Imports are expected to reach 4.2 million tonnes, roughly double the 2025 figure.',
    );
    expect(claim?.entities.map((e) => e.text)).not.toContain('1');
  });

  it('keeps a number after a stop that is no marker', () => {
    expect(sentencesOf('The vote was 7-2. 12 members abstained from the second vote.')).toEqual([
      'The vote was 7-2.',
      '12 members abstained from the second vote.',
    ]);
  });
});
