// List items and table rows that state a figure are claim candidates (QA item 6); headings
// stay headings.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

const TEXT = [
  'Budget cuts hit transit',
  'The Springfield City Council voted 7–2 on Monday to approve a $4.2 billion budget, the largest in the city’s history.',
  'Key numbers in the budget:',
  '• Police: $1.1 billion, up 6%\n• Schools: $950 million\n- Parks: $48 million',
  'Patients leaving without being seen: 7.4%',
  '| Department | 2024 | 2025 |\n|---|---|---|\n| Police | $1.04bn | $1.1bn |\n| Transit | $247m | $210m |',
  'Methodology',
  'Chapter 3: The reckoning',
  'Officials said the city’s population grew by 2.3 percent last year, to about 412,000 residents.',
].join('\n\n');

describe('figures in lists and tables', () => {
  const result = extractClaims(TEXT);
  const claimOn = (line: string) => result.claims.find((c) => c.sentence === line);
  const kindOf = (line: string) => result.sentences.find((s) => s.text === line)?.kind;

  it('proposes a list item that states a figure, without its bullet in the claim', () => {
    for (const [line, claim] of [
      ['• Police: $1.1 billion, up 6%', 'Police: $1.1 billion, up 6%.'],
      ['• Schools: $950 million', 'Schools: $950 million.'],
      ['- Parks: $48 million', 'Parks: $48 million.'],
      ['Patients leaving without being seen: 7.4%', 'Patients leaving without being seen: 7.4%.'],
    ]) {
      expect(kindOf(line!)).toBe('body');
      const card = claimOn(line!);
      expect(card?.claim).toBe(claim);
      expect(card?.signals).toContain('list_item');
      expect(TEXT.slice(card!.start, card!.end)).toBe(line);
    }
  });

  it('proposes a table row with its header in the claim, not the header row', () => {
    const row = claimOn('| Police | $1.04bn | $1.1bn |');
    expect(row?.claim).toBe('Police — 2024: $1.04bn; 2025: $1.1bn.');
    expect(row?.signals).toContain('table_row');
    expect(TEXT.slice(row!.start, row!.end)).toBe('| Police | $1.04bn | $1.1bn |');
    expect(claimOn('| Transit | $247m | $210m |')?.claim).toBe(
      'Transit — 2024: $247m; 2025: $210m.',
    );
    expect(result.claims.some((c) => c.sentence.includes('Department'))).toBe(false);
    expect(kindOf('| Department | 2024 | 2025 |')).toBe('heading');
  });

  it('keeps real headings headings, and proposes none of them', () => {
    for (const heading of [
      'Budget cuts hit transit',
      'Key numbers in the budget:',
      'Methodology',
      'Chapter 3: The reckoning',
    ]) {
      expect(kindOf(heading)).not.toBe('body');
      expect(claimOn(heading)).toBeUndefined();
    }
  });

  it('lists the row’s cells when its table has no header', () => {
    const text =
      'The council published its spending figures for the year on Monday, officials said.\n\n' +
      '| Police | $1.04bn | $1.1bn |\n| Transit | $247m | $210m |';
    const card = extractClaims(text).claims.find((c) => c.sentence.startsWith('| Transit'));
    expect(card?.claim).toBe('Transit — $247m, $210m.');
  });

  it('pairs the figures under a header with an empty cell, the corner or a column', () => {
    const text =
      'The council published its spending figures for the year on Monday, officials said.\n\n' +
      '|  | 2024 | 2025 |\n|---|---|---|\n| Police | $1.04bn | $1.1bn |\n\n' +
      '| Department |  | 2025 |\n|---|---|---|\n| Transit | $247m | $210m |';
    const { claims } = extractClaims(text);
    const claimOn = (line: string) => claims.find((c) => c.sentence === line)?.claim;
    expect(claimOn('| Police | $1.04bn | $1.1bn |')).toBe('Police — 2024: $1.04bn; 2025: $1.1bn.');
    expect(claimOn('| Transit | $247m | $210m |')).toBe('Transit — $247m; 2025: $210m.');
  });

  it('gives a row the title written above its table, so the card says what the figures are', () => {
    const text = [
      'The prison population has grown every year since 2019, the ministry said on Monday.',
      'Inmates in El Salvador, by year',
      '| Year | Inmates | Change |\n|---|---|---|\n| 2019 | 1,200 | 3.4% |',
      'Spending per department:',
      '| Police | $1.04bn | $1.1bn |',
      'The council published its spending figures for the year on Monday, officials said.',
      '| Transit | $247m | $210m |',
      '- Parks: $48 million',
      '| Schools | $950m | $990m |',
    ].join('\n\n');
    const { claims } = extractClaims(text);
    const claimOn = (line: string) => claims.find((c) => c.sentence === line)?.claim;
    expect(claimOn('| 2019 | 1,200 | 3.4% |')).toBe(
      'Inmates in El Salvador, by year: 2019 — Inmates: 1,200; Change: 3.4%.',
    );
    expect(claimOn('| Police | $1.04bn | $1.1bn |')).toBe(
      'Spending per department: Police — $1.04bn, $1.1bn.',
    );
    // A sentence or a list item above a table is no title.
    expect(claimOn('| Transit | $247m | $210m |')).toBe('Transit — $247m, $210m.');
    expect(claimOn('| Schools | $950m | $990m |')).toBe('Schools — $950m, $990m.');
    // The title is no claim of its own.
    expect(claims.some((c) => c.sentence === 'Inmates in El Salvador, by year')).toBe(false);
  });

  it('proposes no listicle title: its number counts what another story holds', () => {
    const text = [
      'The Springfield City Council voted 7–2 on Monday to approve a $4.2 billion budget.',
      '- 5 things to know\n• Top 10 charts of 2024\n1. The 3 biggest takeaways from the debate',
      'Explainer: 5 things to know about the vote',
      '- 12 schools closed in March',
    ].join('\n\n');
    const { claims, removed, sentences } = extractClaims(text);
    expect(claims.map((c) => c.claim)).toEqual([
      'The Springfield City Council voted 7–2 on Monday to approve a $4.2 billion budget.',
      '12 schools closed in March.',
    ]);
    const teasers = removed
      .filter((r) => r.reason === 'teaser')
      .map((r) => text.slice(r.start, r.end));
    expect(teasers).toEqual([
      '- 5 things to know',
      '• Top 10 charts of 2024',
      '1. The 3 biggest takeaways from the debate',
    ]);
    const kicker = sentences.find((s) => s.text.startsWith('Explainer'));
    expect(kicker?.kind).toBe('heading');
  });

  it('still cuts a paragraph with a colon into its sentences', () => {
    const text =
      'Rep. Alexandria Ocasio-Cortez (D-N.Y.) said: “We passed a bill that leaves out 60% of ' +
      'what we promised. That is not a victory.”';
    const first = extractClaims(text).claims.find((c) => c.sentence.includes('60%'));
    expect(first?.claim).toBe('We passed a bill that leaves out 60% of what we promised.');
  });
});

describe('a list introduced by a line that names its source', () => {
  const text = [
    'A&E waits hit record as winter pressures mount',
    'Emergency departments in England had their worst March on record, as more patients waited longer than 12 hours than in any month since 2010.',
    'According to NHS England figures:',
    '- 7.4% of patients left A&E without being seen in March\n- Ambulance handovers took 52 minutes on average\n- 2.2 million people attended emergency departments',
    'The Royal College of Emergency Medicine said on Tuesday:',
    '• 1 in 8 patients waited more than 12 hours\n• 14,000 extra deaths were linked to long waits in 2024',
    'Key numbers for the winter:',
    '- 3,000 beds were closed in January\n- 12 hospitals were on their highest alert level',
    'Hospitals treated 2.2 million patients in March, a 4% rise on last year.',
  ].join('\n\n');
  const { claims } = extractClaims(text);
  const speakerOf = (fragment: string) => {
    const found = claims.filter((c) => c.sentence.includes(fragment));
    expect(found).toHaveLength(1);
    return found[0]!.speaker;
  };

  it('gives each item the source of the line above the list, its claim the item alone', () => {
    expect(speakerOf('7.4% of patients')).toBe('NHS England');
    expect(speakerOf('52 minutes')).toBe('NHS England');
    expect(speakerOf('2.2 million people')).toBe('NHS England');
    expect(speakerOf('1 in 8 patients')).toBe('Royal College of Emergency Medicine');
    expect(speakerOf('14,000 extra deaths')).toBe('Royal College of Emergency Medicine');
    const item = claims.find((c) => c.sentence.includes('7.4%'))!;
    expect(item.claim).toBe('7.4% of patients left A&E without being seen in March.');
    expect(text.slice(item.attribution!.start, item.attribution!.end)).toBe('NHS England');
    // The introducing line is read for its source, and is no card itself.
    expect(claims.some((c) => c.sentence.startsWith('According to'))).toBe(false);
  });

  it('gives none to a list whose line names no source, nor to the paragraph after a list', () => {
    expect(speakerOf('3,000 beds')).toBeNull();
    expect(speakerOf('12 hospitals')).toBeNull();
    expect(speakerOf('Hospitals treated')).toBeNull();
  });

  it('reads an item that names its own source as the sentence it is, without its marker', () => {
    const list = extractClaims(
      [
        'Trusts closed wards across England over the winter, the latest returns show.',
        'Key numbers for the winter:',
        '- NHS England said 3,000 beds were closed in January\n• The King’s Fund estimated 14,000 extra deaths in 2024\n1. NHS Providers said that 40 wards shut in 2024',
      ].join('\n\n'),
    ).claims;
    const cardOn = (fragment: string) => list.find((c) => c.sentence.includes(fragment))!;
    expect(cardOn('3,000 beds').speaker).toBe('NHS England');
    expect(cardOn('14,000 extra deaths').speaker).toBe('King’s Fund');
    expect(cardOn('40 wards').speaker).toBe('NHS Providers');
    expect(cardOn('40 wards').claim).toBe('40 wards shut in 2024.');
  });

  it('gives the items the body whose publishing the line names before "The figures show:"', () => {
    const items = (line: string) =>
      extractClaims(
        [
          'Activity levels fell across England for a third year, the latest survey suggests.',
          line,
          '- 34% of adults do less than 30 minutes of activity a week\n- 1 in 4 children are classed as inactive',
        ].join('\n\n'),
      ).claims.filter((c) => c.sentence.startsWith('- '));
    const published = items(
      'NHS England published its monthly activity figures on Thursday. The figures show:',
    );
    expect(published.map((c) => c.speaker)).toEqual(['NHS England', 'NHS England']);
    // The line itself is read for its source, and is no card; a body that did not publish
    // the figures is not their source.
    const other = items('NHS England cut its waiting lists on Thursday. The figures show:');
    expect(other.map((c) => c.speaker)).toEqual([null, null]);
  });

  it('gives "the report" the body that published it in the sentence before', () => {
    const { claims } = extractClaims(
      'NHS England released its annual report on Thursday. The report found that 34% of adults ' +
        'do less than 30 minutes of activity a week.',
    );
    expect(claims.find((c) => c.sentence.includes('34%'))!.speaker).toBe('NHS England');
  });

  it('reads a Spanish list the same way', () => {
    const es = extractClaims(
      [
        'Las urgencias de los hospitales públicos atendieron en marzo a más pacientes que en ningún otro mes desde 2010.',
        'Según datos del Ministerio de Sanidad:',
        '- 1.200 plazas de médicos rurales quedaron vacantes en 2024\n- La espera media en urgencias fue de 52 minutos',
        'Los hospitales atendieron a 2,2 millones de pacientes en marzo, un 4 % más que el año pasado.',
      ].join('\n\n'),
    );
    expect(es.language).toBe('es');
    const speaker = (fragment: string) =>
      es.claims.find((c) => c.sentence.includes(fragment))?.speaker;
    expect(speaker('1.200 plazas')).toBe('Ministerio de Sanidad');
    expect(speaker('52 minutos')).toBe('Ministerio de Sanidad');
    expect(speaker('2,2 millones')).toBeNull();
  });
});
