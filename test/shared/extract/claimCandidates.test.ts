// Claim candidates: speakers in each attribution form, entity chips, short claim, ranking.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';
import type { ClaimCandidate } from '../../../shared/extract/types';

function claimFor(text: string, fragment: string): ClaimCandidate {
  const claim = extractClaims(text).claims.find((c) => c.sentence.includes(fragment));
  if (!claim) throw new Error(`no candidate for "${fragment}"`);
  expect(text.slice(claim.start, claim.end)).toBe(claim.sentence);
  return claim;
}

describe('speaker attribution', () => {
  it.each([
    [
      'Unemployment fell to 6.1 percent in the first quarter, according to the national statistics office.',
      'the national statistics office',
      'according_to',
    ],
    [
      'Three journalists were detained in Managua last week, El Confidencial reported.',
      'El Confidencial',
      'reported',
    ],
    [
      '"The army killed 14 civilians in the raid," said Rosa Méndez, a human rights lawyer.',
      'Rosa Méndez',
      'reported',
    ],
    [
      'In a statement, the Interior Ministry said 2,300 officers would be deployed to the border.',
      'Interior Ministry',
      'subject',
    ],
    [
      'Health officials warned that dengue cases had tripled since January in the northern provinces.',
      'Health officials',
      'subject',
    ],
    [
      'Crime fell sharply in the capital under Mayor Ana Ruiz, who said on Monday that thefts had dropped 30 percent.',
      'Ana Ruiz',
      'relative',
    ],
    [
      'The minister was linked to the contracts in a 2022 Reuters investigation that cited 40 invoices.',
      'Reuters',
      'source',
    ],
  ])('%s → %s', (text, speaker, form) => {
    const claim = extractClaims(text).claims[0]!;
    expect(claim.speaker).toBe(speaker);
    expect(claim.attribution?.form).toBe(form);
    const { start, end } = claim.attribution!;
    expect(text.slice(start, end).endsWith(speaker.split(' ').at(-1)!)).toBe(true);
  });

  it('resolves "he added" to the previous speaker and "the report" to the previous source', () => {
    const text =
      '"We found 200 unregistered weapons in the depot," said Carlos Vega, the police chief. ' +
      '"More raids will follow in March," he added.\n\n' +
      'The figures were first published in a 2023 audit by the Comptroller General’s Office. ' +
      'The report also found that 30 percent of the contracts had no invoices.';
    expect(claimFor(text, 'More raids').speaker).toBe('Carlos Vega');
    expect(claimFor(text, 'More raids').attribution?.form).toBe('pronoun');
    expect(claimFor(text, 'The report also found').speaker).toContain('Comptroller General');
  });

  it('handles appositive subjects, trailing "figures show" and "she" after a named person', () => {
    const text =
      'Wes Streeting, the health secretary, said: "We have delivered 2m extra appointments." ' +
      'The waiting list fell below 7.5 million in January, official figures show.\n\n' +
      'President Claudia Sheinbaum, who took office on Oct. 1, met 300 mayors in Mexico City. ' +
      'She said on Monday that 8,400 suspects had been arrested since October.';
    expect(claimFor(text, 'Streeting').speaker).toBe('Wes Streeting');
    expect(claimFor(text, 'waiting list').speaker).toBe('official figures');
    const she = claimFor(text, '8,400');
    expect(she.speaker).toBe('Claudia Sheinbaum');
    expect(she.claim).toBe('8,400 suspects had been arrested since October.');
  });

  it('strips a news-agency dateline and keeps the rest of the sentence after the clause', () => {
    const text =
      "MEXICO CITY (AP) — Mexico's homicide rate fell 9.4% in 2024, the government said Tuesday, " +
      'though experts warned the figures may undercount disappearances.';
    const claim = claimFor(text, 'homicide rate');
    expect(claim.speaker).toBe('the government');
    expect(claim.claim).toBe(
      "Mexico's homicide rate fell 9.4% in 2024, though experts warned the figures may undercount disappearances.",
    );
  });

  it('does not take an object for a speaker, nor invent one', () => {
    expect(claimFor('The minister denied the claims were false in 2021.', 'minister').speaker).toBe(
      'The minister',
    );
    const plain = claimFor('The bridge collapsed in 2019, killing 43 people in Genoa.', 'bridge');
    expect(plain.speaker).toBeNull();
  });
});

describe('entity chips', () => {
  it('types numbers, money, percentages, dates and names with exact offsets', () => {
    const text =
      'Brazil’s central bank raised its benchmark rate by 0.5 percent to 11.25% on 7 May 2025, ' +
      'said Gabriel Galípolo, the bank’s governor, adding that $4.5 billion in reserves were sold.';
    const claim = claimFor(text, 'central bank');
    for (const chip of claim.entities) expect(text.slice(chip.start, chip.end)).toBe(chip.text);
    const types = Object.fromEntries(claim.entities.map((c) => [c.text, c.type]));
    expect(types).toMatchObject({
      '0.5 percent': 'percent',
      '11.25%': 'percent',
      '7 May 2025': 'date',
      'Gabriel Galípolo': 'person',
      '$4.5 billion': 'money',
    });
    expect(Object.keys(types)).toContain('Brazil');
  });

  // QA: the card's chips showed "Person: Water" and "Person: Leeds". The last word of
  // "Severn Vale Water" or "University of Leeds", written alone elsewhere, was taken for a
  // surname used alone, which types both forms as a person's; and ", the exams regulator" after
  // "Ofqual" for a person's description.
  it.each([
    [
      'Water companies have asked customers to save water. Severn Vale Water said demand had ' +
        'risen 28% in a week.',
      ['Water', 'Severn Vale Water'],
    ],
    [
      'Dr. Helen Marsh of the University of Leeds said food prices had risen 12% over the ' +
        'year. Leeds has 800,000 residents, and 40,000 of them used a food bank in 2023.',
      ['Leeds', 'University of Leeds'],
    ],
    [
      'Last year, 6,300 grades were changed after a review, according to Ofqual, the exams ' +
        'regulator.',
      ['Ofqual'],
    ],
  ])('types no common word, place or body as a person: %s', (text, names) => {
    const chips = extractClaims(text).claims.flatMap((c) => c.entities);
    for (const name of names) {
      const typed = chips.filter((c) => c.text === name).map((c) => c.type);
      expect(typed.length, name).toBeGreaterThan(0);
      expect(typed, name).not.toContain('person');
    }
  });

  it('still types a surname used alone, and its full name, as a person', () => {
    const text =
      'Severn Vale Water said demand had risen 28% in a week. Lena Park, who runs the ' +
      'company, said 12 reservoirs were below half. Park said water use in the park had doubled in 2023.';
    const chips = extractClaims(text).claims.flatMap((c) => c.entities);
    const types = (name: string) => [
      ...new Set(chips.filter((c) => c.text === name).map((c) => c.type)),
    ];
    expect(types('Lena Park')).toEqual(['person']);
    expect(types('Park')).toEqual(['person']);
  });
});

describe('short claim and ranking', () => {
  it('drops the attribution clause from the claim text', () => {
    const text =
      'Some 500 prison employees have been dismissed since October, according to a union spokesperson.';
    expect(claimFor(text, '500').claim).toBe(
      'Some 500 prison employees have been dismissed since October.',
    );
    const quote =
      '"The army killed 14 civilians in the raid," said Rosa Méndez, a human rights lawyer.';
    expect(claimFor(quote, 'army').claim).toBe('The army killed 14 civilians in the raid.');
  });

  // The claim is what cards, exports and ClaimReview quote; the sentence and its offsets stay
  // the article's exact text (claimFor checks them).
  it.each([
    [
      'Councilmember Derek Hall disagreed. He said, “The transit cuts will hit the poorest neighborhoods hardest. Nearly 40,000 riders depend on the Route 9 bus.”',
      'transit cuts',
      'The transit cuts will hit the poorest neighborhoods hardest.',
    ],
    [
      'Councilmember Derek Hall disagreed. He said, “The transit cuts will hit the poorest neighborhoods hardest. Nearly 40,000 riders depend on the Route 9 bus.”',
      '40,000 riders',
      'Nearly 40,000 riders depend on the Route 9 bus.',
    ],
    [
      'Critics noted that the city spent $12 million on consultants in 2024. ‘That money could have kept the Route 9 bus running for 3 years,’ said Derek Hall.',
      'That money',
      'That money could have kept the Route 9 bus running for 3 years.',
    ],
    [
      'Rep. Alexandria Ocasio-Cortez (D-N.Y.) said: “We passed a bill that leaves out 60% of what we promised. That is not a victory.”',
      'We passed',
      'We passed a bill that leaves out 60% of what we promised.',
    ],
    [
      'Q: How many bridges will be repaired in 2026?\nA: About 15,000 bridges will be repaired by the end of 2026, the Transportation Department said.',
      '15,000',
      'About 15,000 bridges will be repaired by the end of 2026.',
    ],
    [
      "The teachers' union blamed the decline on class sizes, which it said have grown to an average of 29 students per class[^1].",
      '29 students',
      "The teachers' union blamed the decline on class sizes, which it said have grown to an average of 29 students per class.",
    ],
    [
      'Governor Mark Ellis said the state would spend $85 million on recruitment bonuses.1',
      '$85 million',
      'The state would spend $85 million on recruitment bonuses.',
    ],
    [
      'Unemployment in Springfield fell to 3.8% in January, down from 5.1% a year earlier.¹',
      '3.8%',
      'Unemployment in Springfield fell to 3.8% in January, down from 5.1% a year earlier.',
    ],
    [
      'La gobernadora del Banco de México dijo que la inflación bajó al 3,8% en marzo de 2024. «Los precios de los alimentos no bajaron en 2024».',
      'alimentos',
      'Los precios de los alimentos no bajaron en 2024.',
    ],
  ])(
    'leaves stray quotation marks, footnote markers and "A:" out of the claim: %s',
    (text, fragment, claim) => {
      expect(claimFor(text, fragment).claim).toBe(claim);
    },
  );

  it('keeps an apostrophe and a unit that look like those marks', () => {
    const text =
      'The site covers 40 km² and was sold to the farmers’ cooperative for $2 million in 2023.';
    expect(claimFor(text, '40 km²').claim).toBe(text);
  });

  it('keeps "that" when it points back to a noun rather than opening the reported clause', () => {
    const figure = claimFor(
      'Critics say that figure includes £120 million previously announced in 2023.',
      '£120 million',
    );
    expect(figure.speaker).toBe('Critics');
    expect(figure.claim).toBe(
      'Critics say that figure includes £120 million previously announced in 2023.',
    );
    const plan = claimFor(
      'The minister said that the plan would cost $4 million by 2025.',
      '$4 million',
    );
    expect(plan.claim).toBe('The plan would cost $4 million by 2025.');
  });

  it.each([
    ['Maria Lopez told reporters that the city hired 300 officers in 2023.', 'Maria Lopez'],
    [
      'Maria Lopez, the mayor, told this newspaper that the city hired 300 officers in 2023.',
      'Maria Lopez',
    ],
    [
      'The minister told the Ledger on Monday that the city hired 300 officers in 2023.',
      'The minister',
    ],
  ])('leaves "told <listener> that" out of the claim: %s', (text, speaker) => {
    const told = claimFor(text, '300 officers');
    expect(told.claim).toBe('The city hired 300 officers in 2023.');
    expect(told.speaker).toBe(speaker);
  });

  it('keeps "told" and its listener when no "that" shows where the statement starts', () => {
    const text = 'Maria Lopez told reporters the city hired 300 officers in 2023.';
    expect(claimFor(text, '300 officers').claim).toBe(text);
  });

  it('ranks sourced figures above opinion, and proposes no question or pure opinion', () => {
    const text = [
      'Factory output rose 3.4 percent in April, the statistics institute said on Friday.',
      'The government should do more to help small exporters.',
      'Will the recovery last?',
      'Analysts appear to think the trend is fragile, which seems likely to worry investors.',
      'Exports to China grew by $2.1 billion in the first quarter of 2025.',
    ].join(' ');
    const { claims } = extractClaims(text);
    const sentences = claims.map((c) => c.sentence);
    expect(sentences).not.toContain('Will the recovery last?');
    expect(sentences).not.toContain('The government should do more to help small exporters.');
    expect(claims[0]!.sentence).toMatch(/^Factory output|^Exports to China/);
    expect(claims[1]!.sentence).toMatch(/^Factory output|^Exports to China/);
    expect(claims.map((c) => c.rank)).toEqual(claims.map((_, i) => i + 1));
    const opinion = claims.find((c) => c.sentence.startsWith('Analysts'));
    if (opinion) expect(opinion.signals).toContain('opinion');
  });
});

describe('a judgement of taste', () => {
  it.each([
    ['The garden looks lovely in spring.'],
    ['The old garden behind the library looks lovely in spring when the cherry trees bloom.'],
    ['The park is at its most beautiful in May.'],
  ])('is no candidate when a time is its only anchor: "%s"', (sentence) => {
    expect(extractClaims(sentence).claims).toEqual([]);
  });

  it('leaves the figure, the name or the source beside it a candidate', () => {
    const text = [
      'The stadium looks great after a $20 million renovation in 2023.',
      'The city garden looked lovely this spring, with 40,000 tulips planted by volunteers.',
      'Mayor Dana Whitfield said the new bridge looks beautiful.',
    ].join(' ');
    const { claims } = extractClaims(text);
    expect(claims.map((c) => c.sentence).sort()).toEqual(text.split(/(?<=\.) /).sort());
    const bridge = claims.find((c) => c.sentence.includes('bridge'))!;
    expect(bridge.speaker).toBe('Dana Whitfield');
    expect(bridge.signals).toContain('evaluative');
  });

  it('is no candidate in Spanish either', () => {
    const text =
      'El Ministerio de Salud registró 1.200 casos de dengue en marzo de 2024. ' +
      'El jardín del hospital luce precioso en primavera.';
    expect(extractClaims(text).claims.map((c) => c.sentence)).toEqual([
      'El Ministerio de Salud registró 1.200 casos de dengue en marzo de 2024.',
    ]);
  });
});

describe('the publication’s note on its own coverage', () => {
  it('is no candidate in a live blog’s entries', () => {
    const blog =
      '15:30 — Some pictures sent in by readers from Durham city centre, where the River Wear ' +
      'has burst its banks.\n\n' +
      '15:12 — Northern Powergrid says 23,500 customers are without power.\n\n' +
      '11:05 — Welcome to our live coverage of Storm Hector.';
    expect(extractClaims(blog).claims.map((c) => c.sentence)).toEqual([
      '15:12 — Northern Powergrid says 23,500 customers are without power.',
    ]);
  });

  it('is no candidate in an interview’s intro paragraph nor as the interviewer’s turn', () => {
    const interview =
      'Energy Minister Claire Dubois has been in the job for 14 months. We spoke to her at her ' +
      'department in Westminster on Monday. The interview has been edited for length and ' +
      'clarity.\n\n' +
      'Q: Let’s talk about pensions, since your government ties winter fuel payments to them.\n\n' +
      'A: We will not raise the pension age again in this parliament.\n\n' +
      'Q: Bills are going up again in January.\n\n' +
      'A: The average household paid £2,480 a year when I took this job.';
    const sentences = extractClaims(interview).claims.map((c) => c.sentence);
    expect(sentences).toContain('Energy Minister Claire Dubois has been in the job for 14 months.');
    expect(sentences.filter((s) => /spoke to her|edited for|talk about pensions/.test(s))).toEqual(
      [],
    );
  });

  it('is no candidate as a correction or editor’s note, to the end of its paragraph', () => {
    const text =
      'Mendes led in 14 of the state’s 22 counties, including the three most populous.\n\n' +
      'Correction: An earlier version of this story misstated the number of counties Mendes ' +
      'led in. It was 14, not 16.\n\n' +
      'Age UK said complaints about care homes rose by 18% last year. This article was updated ' +
      'on 15 May 2027 to include a statement from Age UK. An earlier version of this article ' +
      'said the rise was 28%.\n\n' +
      'Nota de la redacción: Una versión anterior de este artículo atribuía al Ministerio de ' +
      'Salud las cifras regionales; corresponden a la OPS.';
    const result = extractClaims(text);
    expect(result.claims.map((c) => c.sentence).sort()).toEqual([
      'Age UK said complaints about care homes rose by 18% last year.',
      'Mendes led in 14 of the state’s 22 counties, including the three most populous.',
    ]);
    expect(result.removed.filter((r) => r.reason === 'boilerplate')).toHaveLength(2);
  });

  it('leaves the reporting it tells of a candidate', () => {
    const text =
      'We spoke to 40 residents of the estate in March, and 31 said their rent had risen. ' +
      'Readers sent in 2,000 photos of flooded streets on Sunday, the paper said.';
    expect(extractClaims(text).claims).toHaveLength(2);
  });
});
