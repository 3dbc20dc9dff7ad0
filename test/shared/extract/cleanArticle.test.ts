// Page furniture: each kind from the issue, on a scrape that is not the seed.
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../shared/extract/cleanArticle';
import { extractClaims } from '../../../shared/extract/extractClaims';

const SCRAPE = [
  'We use cookies to improve your browsing experience. Accept all cookies',
  'Home > World > Americas',
  'Chile Copper Output Falls 4% as Mines Age',
  'By Ana Torres',
  'Published 12 March 2024',
  'Share on Facebook Share on Twitter Email',
  'Chile produced 5.2 million tonnes of copper in 2023, down 4 percent from a year earlier, the mining ministry said on Monday.',
  'Read more: Lithium boom reshapes Chile’s north',
  'Output at Escondida, the world’s largest copper mine, fell 8 percent, according to Cochilco, the state copper commission.',
  'Support independent journalism. Donate today and help us keep our reporting free for everyone.',
  'The government expects production to recover in 2025 as new projects come online, Finance Minister Mario Marcel told reporters.',
  'Sign up for our newsletter to get the week’s top stories in your inbox.',
  'Mining, Chile, Copper, Commodities',
  'Related stories',
  'Peru’s copper exports hit record as prices rise…',
  'About us',
  'Example Daily is an independent newsroom covering Latin America since 2009.',
].join('\n\n');

describe('cleanArticle', () => {
  const cleaned = cleanArticle(SCRAPE);
  const reasonOf = (fragment: string) =>
    cleaned.removed.find((r) => SCRAPE.slice(r.start, r.end).includes(fragment))?.reason ?? null;

  it('keeps the stored text unchanged and takes the headline as title', () => {
    expect(cleaned.text).toBe(SCRAPE);
    expect(cleaned.title).toBe('Chile Copper Output Falls 4% as Mines Age');
  });

  it('marks each kind of furniture with its reason', () => {
    expect(reasonOf('We use cookies')).toBe('cookie');
    expect(reasonOf('Home > World')).toBe('breadcrumb');
    expect(reasonOf('By Ana Torres')).toBe('byline');
    expect(reasonOf('Published 12 March')).toBe('byline');
    expect(reasonOf('Share on Facebook')).toBe('share');
    expect(reasonOf('Read more:')).toBe('teaser');
    expect(reasonOf('Donate today')).toBe('appeal');
    expect(reasonOf('Sign up for our newsletter')).toBe('appeal');
    expect(reasonOf('Mining, Chile, Copper')).toBe('tags');
    expect(reasonOf('Related stories')).toBe('related');
    expect(reasonOf('Peru’s copper exports')).toBe('related');
    expect(reasonOf('About us')).toBe('about');
    expect(reasonOf('independent newsroom')).toBe('about');
  });

  it('leaves body paragraphs alone', () => {
    for (const body of [
      'Chile produced 5.2 million',
      'Output at Escondida',
      'The government expects',
    ]) {
      expect(reasonOf(body)).toBeNull();
      expect(cleaned.cleanText).toContain(body);
    }
    expect(cleaned.cleanText).not.toContain('Donate');
  });

  it('finds a cookie notice inside the body and a glued breadcrumb', () => {
    const text =
      'HomeWorldPoliticsSenate Passes Budget Bill\n\n' +
      'The Senate passed the $1.2 trillion budget bill by 68 votes to 32 on Friday night.\n\n' +
      'This website uses cookies. By continuing to browse you consent to our cookie policy.\n\n' +
      'The House is expected to vote on the bill next week, party leaders said.';
    const c = cleanArticle(text);
    expect(c.title).toBe('Senate Passes Budget Bill');
    expect(c.removed.map((r) => r.reason)).toEqual(['breadcrumb', 'cookie']);
  });

  it('drops contributor lines, correction notices and "Explore more" topic lists', () => {
    const text = [
      'Waiting List Falls Below 7.5 Million',
      'The waiting list in England fell below 7.5 million in January, official figures show.',
      'Associated Press writer Fabiola Sánchez contributed to this report.',
      'This article was amended on 15 March 2025 to correct a figure.',
      'Explore more on these topics',
      'NHS',
      'Health policy',
    ].join('\n\n');
    expect(cleanArticle(text).removed.map((r) => r.reason)).toEqual([
      'headline',
      'byline',
      'boilerplate',
      'related',
      'related',
      'related',
    ]);
  });

  it('marks repeated boilerplate after its first appearance', () => {
    const notice =
      'This story was produced with support from the Example Foundation grant program.';
    const text = [
      'Water Rates Rise in Lima',
      'Water rates in Lima will rise 12 percent in July, the utility Sedapal said on Tuesday.',
      notice,
      'The regulator Sunass approved the increase after a review of the utility’s costs last year.',
      notice,
    ].join('\n\n');
    const c = cleanArticle(text);
    expect(c.removed.at(-1)).toMatchObject({ reason: 'repeated', start: text.lastIndexOf(notice) });
  });

  it('does not let an early section heading such as "About the program" swallow the article', () => {
    const text = [
      'New Scholarship Program Launched',
      'The ministry launched a scholarship program for 5,000 students on Monday, officials said.',
      'About the program',
      'The program will cost $40 million over four years, the education minister said.',
      'Applications open on 1 June, and the first grants will be paid in September.',
      'Students from rural areas will receive priority, according to the ministry.',
    ].join('\n\n');
    const c = cleanArticle(text);
    expect(c.removed.map((r) => r.reason)).toEqual(['headline']);
    expect(c.blocks.find((b) => text.slice(b.start, b.end) === 'About the program')?.kind).toBe(
      'heading',
    );
  });

  // From an interview, an opinion column, a live blog and a science press release
  // (/tmp/ex49/articles/): the author's note, a social appeal, a press release's notes for
  // editors and a summary's bullet points, none of which is the article's claim or headline.
  it('marks the author’s note and a social appeal below the body', () => {
    const body = [
      'Violent crime fell by 3.5% in 2025, the FBI said in its annual report on Monday.',
      'Memphis recorded 289 homicides in 2025, according to the Memphis Police Department.',
      'A Gallup poll found that 63% of Americans believe crime is rising nationally.',
    ];
    const interview = [
      'Energy Minister on bills and the winter ahead',
      'By Tom Reilly, Political Editor',
      ...body,
      "Tom Reilly is the Ledger's political editor. Follow him on X @tomreilly.",
      'Follow him on X @tomreilly',
    ].join('\n\n');
    expect(cleanArticle(interview).removed.map((r) => r.reason)).toEqual([
      'headline',
      'byline',
      'byline',
      'appeal',
    ]);
    // The byline below a standfirst, as a column prints it.
    const column = [
      'Our cities are not as dangerous as the headlines say',
      'Crime is falling in most of the country, and politicians know it.',
      'By Priya Natarajan',
      ...body,
      'Priya Natarajan writes about criminal justice and is a former public defender.',
    ].join('\n\n');
    expect(cleanArticle(column).removed.at(-1)?.reason).toBe('byline');
    // The author's name opening a paragraph high in the article is the story's own.
    const early = [
      'Column title',
      'By Priya Natarajan',
      'Priya Natarajan is a former public defender who has argued 300 cases in Ohio courts.',
      ...body,
    ].join('\n\n');
    expect(cleanArticle(early).removed.map((r) => r.reason)).toEqual(['headline', 'byline']);
  });

  it('ends a press release at its notes to editors', () => {
    const text = [
      'New study finds daily walking cuts dementia risk',
      'Walking 4,000 steps a day may reduce the risk of dementia by 25%, a study found.',
      'The study followed 78,430 adults aged 40 to 79 for an average of seven years.',
      'During the follow-up period, 866 participants developed dementia.',
      'Around 944,000 people in the UK are living with dementia, the Alzheimer’s Society says.',
      'The study was funded by the Medical Research Council, the university said.',
      'Notes to editors',
      '1. Dr Okafor is available for interview on Wednesday and Thursday.',
      '2. The University of Westbrook has 31,000 students.',
    ].join('\n\n');
    expect(cleanArticle(text).removed.map((r) => r.reason)).toEqual([
      'headline',
      'about',
      'about',
      'about',
    ]);
  });

  it('takes the headline, not a key point’s bullet above the body, as the title', () => {
    const text = [
      'Storm Hector: live updates as flooding hits the north-east',
      'Key points',
      '• At least 4,000 homes flooded in Northumberland and County Durham',
      '• Two people confirmed dead',
      '16:05 — The Environment Agency says 41 flood warnings are now in force across the north-east.',
    ].join('\n\n');
    expect(cleanArticle(text).title).toBe(
      'Storm Hector: live updates as flooding hits the north-east',
    );
  });

  it('never proposes claims from furniture (through extractClaims)', () => {
    const result = extractClaims(SCRAPE);
    const furniture = result.removed;
    expect(result.claims.length).toBe(3);
    for (const claim of result.claims) {
      expect(furniture.some((r) => claim.start < r.end && claim.end > r.start)).toBe(false);
    }
  });
});

describe('furniture inside the body', () => {
  const article = [
    'City Council Approves $4.2 Billion Budget',
    'By Maria Lopez, Staff Reporter\nPublished March 3, 2025 · Updated 6:45 p.m.',
    'The Springfield City Council voted 7–2 on Monday to approve a $4.2 billion budget for 2025.',
    'Advertisement: Buy now and save 50%!',
    'Unemployment in Springfield fell to 3.8% in January, down from 5.1% a year earlier.¹',
    '¹ Seasonally adjusted figures, Bureau of Labor Statistics.',
  ].join('\n\n');
  const { claims, removed } = extractClaims(article);
  const reasonOf = (fragment: string) =>
    removed.find((r) => article.slice(r.start, r.end).includes(fragment))?.reason ?? null;

  it('marks a labelled date stamp, an advertisement and a footnote', () => {
    expect(reasonOf('Published March 3')).toBe('byline');
    expect(reasonOf('Advertisement:')).toBe('advertisement');
    expect(reasonOf('Seasonally adjusted')).toBe('footnote');
    expect(claims.map((c) => c.sentence)).toEqual([
      'The Springfield City Council voted 7–2 on Monday to approve a $4.2 billion budget for 2025.',
      // The sentence ends at its stop, before the footnote's mark.
      'Unemployment in Springfield fell to 3.8% in January, down from 5.1% a year earlier.',
    ]);
  });

  // QA: a page copied as text keeps the ad slots' labels and the paywall's offers on lines
  // of their own (the HTML reduction drops their containers).
  it('marks the ad and paywall lines of a plain-text paste, and keeps sentences about advertising', () => {
    const ads = [
      'ADVERTISEMENT',
      'Advertisement',
      'Sponsored content',
      'Sponsored by Acme Bank',
      'Skip Advertisement',
      'Advertisement · Scroll to continue',
      'Continue reading below',
      'Continue reading the main story',
      'Story continues below advertisement',
      'Article continues after this advertisement',
      'Subscribe now for $1',
      'Subscribe for $1 a week. Cancel anytime.',
      'Already a subscriber? Log in',
      'La nota continúa abajo',
    ];
    const body = [
      'Advertising revenue at the Springfield Ledger fell 12 percent in 2023, the company said.',
      'Advertisement spending by the city rose to $3 million in 2024, officials said.',
      'The council voted to ban sponsored content on city buses from March 2025.',
      'Readers can subscribe for $1 a week, the paper said in a statement on Monday.',
    ];
    const text = [
      'Springfield Ledger cuts print days',
      body[0],
      ...ads.slice(0, 7),
      body[1],
      ...ads.slice(7),
      body[2],
      body[3],
    ].join('\n\n');
    const result = extractClaims(text);
    const reasonOf = (line: string) =>
      result.removed.find((r) => text.slice(r.start, r.end) === line)?.reason ?? null;
    expect(ads.filter((line) => reasonOf(line) === null)).toEqual([]);
    expect(reasonOf('Subscribe now for $1')).toBe('appeal');
    expect(reasonOf('Continue reading below')).toBe('advertisement');
    expect(result.claims.map((c) => c.sentence).sort()).toEqual([...body].sort());
    // One ad line among the lines of a paragraph is its own block, and furniture.
    const lines = extractClaims(
      'The council voted 7–2 on Monday to approve a $4.2 billion budget for 2025.\n' +
        'ADVERTISEMENT\nStory continues below advertisement\n' +
        'Unemployment fell to 3.8% in January, officials said.',
    );
    expect(lines.removed.map((r) => r.reason)).toEqual(['advertisement', 'advertisement']);
    expect(lines.claims).toHaveLength(2);
    // Inside a wrapped sentence too.
    const wrapped =
      'The ministry has not published its figures since 2022, the\nADVERTISEMENT\ngroup said.';
    const inside = extractClaims(wrapped);
    expect(inside.removed.map((r) => wrapped.slice(r.start, r.end))).toEqual(['ADVERTISEMENT']);
  });

  // QA: a plain-text paste with an ad's line between two lines of one sentence gave two broken
  // sentences, "… over the size of the" and "city’s school program, the Riverton …".
  it('joins a hard-wrapped sentence across the ad lines inside it, which are furniture', () => {
    const lines = [
      'The city council approved a budget of $40 million for three new schools on Tuesday',
      'night. The vote followed eight months of debate over the size of the',
      'ADVERTISEMENT',
      'Story continues below advertisement',
      'city’s school program, the Riverton Teachers Association said in a',
      'statement. Construction of the first school will begin in March 2026.',
    ];
    const text = lines.join('\n');
    const result = extractClaims(text);
    const start = text.indexOf('The vote');
    const end = text.indexOf('statement.') + 'statement.'.length;
    const sentence = result.sentences.find((s) => s.start === start);
    expect(sentence?.end).toBe(end);
    expect(result.sentences.map((s) => s.text)).not.toContain('ADVERTISEMENT');
    expect(result.removed.map((r) => [text.slice(r.start, r.end), r.reason])).toEqual([
      ['ADVERTISEMENT', 'advertisement'],
      ['Story continues below advertisement', 'advertisement'],
    ]);
    expect(result.cleanText).not.toMatch(/advertisement/i);
    const card = result.claims.find((c) => c.start === start);
    // The card keeps its exact place in the stored text; its claim leaves the ad out.
    expect(card?.sentence).toBe(text.slice(start, end));
    expect(card?.claim).toBe(
      'The vote followed eight months of debate over the size of the city’s school program.',
    );
    expect(card?.speaker).toBe('Riverton Teachers Association');
    expect(result.claims.map((c) => c.sentence).filter((s) => /^(city|ADVERT)/.test(s))).toEqual(
      [],
    );
  });

  it('proposes no pointer elsewhere and no short or first-person narrative', () => {
    const text =
      'The bill passed the House in a 228–206 vote on Nov. 5. See https://www.congress.gov/bill/117 for the full text.\n\n' +
      'I love the smell of rain. We walked to the park and fed the ducks.\n\n' +
      'But mounting evidence of an informal pact with the main gangs has undermined those claims.';
    expect(extractClaims(text).claims.map((c) => c.sentence)).toEqual([
      'The bill passed the House in a 228–206 vote on Nov. 5.',
      'But mounting evidence of an informal pact with the main gangs has undermined those claims.',
    ]);
  });
});
