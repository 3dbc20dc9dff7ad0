// HTML input: Readability over linkedom finds the body; offsets index the reduced text.
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../../shared/extract/ExtractError';
import { extractArticle } from '../../../server/extract/extractArticle';
import { htmlToText } from '../../../server/extract/htmlToText';
import { cleanArticle } from '../../../shared/extract/cleanArticle';

const PAGE = `<!doctype html>
<html lang="en"><head><title>Copper output falls 4% | Example Daily</title>
<script>window.tracking = "Chile produced 99 million tonnes";</script>
<style>p { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article>
<header><h1>Copper output falls 4% as Chile’s mines age</h1><p class="byline">By Ana Torres</p></header>
<p>Chile produced 5.2 million tonnes of copper in 2023, down 4 percent from a year earlier,
the mining ministry said on Monday.</p>
<p>Output at Escondida, the world’s largest copper mine, fell 8 percent, according to Cochilco,
the state copper commission. Analysts expect a recovery in 2025.</p>
<blockquote><p>“The decline reflects lower ore grades,” said Juan Pérez, an analyst at Plusmining.</p></blockquote>
<p>The government expects production to recover in 2025 as new projects come online,<br>
Finance Minister Mario Marcel told reporters in Santiago.</p>
</article></main>
<aside><h2>Related</h2><ul><li><a href="/x">Peru’s exports hit record</a></li></ul></aside>
<footer>© 2024 Example Daily. All rights reserved.</footer>
</body></html>`;

describe('htmlToText', () => {
  it('reduces a page to its article paragraphs with a real parser', () => {
    const { title, text } = htmlToText(PAGE);
    expect(title).toBe('Copper output falls 4% as Chile’s mines age');
    expect(text).toContain(
      'Chile produced 5.2 million tonnes of copper in 2023, down 4 percent from a year earlier, the mining ministry said on Monday.',
    );
    expect(text).toContain('“The decline reflects lower ore grades,” said Juan Pérez');
    for (const noise of [
      'window.tracking',
      'color: red',
      'Accept',
      'All rights reserved',
      'Home',
    ]) {
      expect(text).not.toContain(noise);
    }
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(4); // one block per paragraph
  });

  it('handles fragments too short for Readability', () => {
    expect(htmlToText('<p>Prices rose 3% in May.</p><p>Wages fell.</p>').text).toBe(
      'Prices rose 3% in May.\n\nWages fell.',
    );
  });

  it('feeds claim extraction, with offsets into the reduced text', () => {
    const result = extractArticle({ body: new TextEncoder().encode(PAGE), filename: 'story.html' });
    expect(result.format).toBe('html');
    expect(result.title).toBe('Copper output falls 4% as Chile’s mines age');
    expect(result.claims.length).toBeGreaterThanOrEqual(4);
    for (const c of result.claims) expect(result.text.slice(c.start, c.end)).toBe(c.sentence);
    const escondida = result.claims.find((c) => c.sentence.startsWith('Output at Escondida'));
    expect(escondida?.speaker).toBe('Cochilco');
    const quote = result.claims.find((c) => c.sentence.includes('lower ore grades'));
    expect(quote?.speaker).toBe('Juan Pérez');
  });

  it('uses a title given by the user and reports an empty page as empty', () => {
    expect(extractArticle({ body: PAGE, contentType: 'text/html', title: 'Mine' }).title).toBe(
      'Mine',
    );
    const empty = () => extractArticle({ body: '<html><body><div> </div></body></html>' });
    expect(empty).toThrow(ExtractError);
    expect(empty).toThrow(/no article text/);
    // A page of menus and footers alone has no article either.
    const chrome = () =>
      extractArticle({
        body: '<nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2026 Example</footer>',
        contentType: 'text/html',
      });
    expect(chrome).toThrow(/no article text/);
    expect(htmlToText('<nav>Home</nav><p>Prices rose 3% in May.</p>').text).toBe(
      'Prices rose 3% in May.',
    );
  });
});

describe('advertisements in the page', () => {
  const story = (ad: string) => `<!doctype html><html><head><title>Transit plan</title></head><body>
${ad}
<main><article><h1>City council approves $48 million transit plan</h1>
<p class="lead headline-deck">The Riverton City Council voted 7-2 on Tuesday to approve a $48 million plan to expand bus service.</p>
${ad}
<p>Mayor Daniel Ortiz said the plan would add 14 new routes and cut average wait times from 22 minutes to 12 minutes by 2028.</p>
<div class="story-body read-more-wrapper"><p>Ridership fell 31 percent between 2019 and 2023, according to figures from the Riverton Transit Authority.</p></div>
<p>Construction of the new bus lanes is expected to begin in September, the city's engineering department said.</p>
</article></main></body></html>`;

  // QA: '<div class="ad">ADVERTISEMENT<br>Save 40% …</div>' gave the card "Save 40% on
  // mattresses this weekend only!" and showed in the Article view as body text.
  it.each([
    '<div class="ad" id="ad-top">ADVERTISEMENT<br>Save 40% on mattresses this weekend only! Shop now at BedWorld.</div>',
    '<div class="ad-slot ad_wrapper">Save 40% on mattresses this weekend only! Shop now at BedWorld.</div>',
    '<div id="advert-2">Save 40% on mattresses this weekend only! Shop now at BedWorld.</div>',
    '<section class="c-sponsored">Save 40% on mattresses this weekend only! Shop now at BedWorld.</section>',
    '<div class="promo">Save 40% on mattresses this weekend only! Shop now at BedWorld.</div>',
    '<div aria-label="Advertisement">Save 40% on mattresses this weekend only! Shop now at BedWorld.</div>',
  ])('leaves an ad container out of the text: %s', (ad) => {
    const result = extractArticle({
      body: new TextEncoder().encode(story(ad)),
      filename: 'a.html',
    });
    expect(result.text).not.toContain('mattresses');
    expect(result.text).not.toContain('ADVERTISEMENT');
    expect(result.claims.map((c) => c.sentence).join(' ')).not.toContain('mattresses');
    // Classes that only hold "ad" inside a word ("headline-deck", "read-more") are no ads.
    expect(result.text).toContain('The Riverton City Council voted 7-2');
    expect(result.text).toContain('Ridership fell 31 percent');
  });

  it('marks the ad lines of a Markdown paste as furniture', () => {
    const markdown = [
      '# Ledger cuts print days',
      'Advertising revenue at the Springfield Ledger fell 12 percent in 2023, the company said.',
      '**ADVERTISEMENT**',
      '*Story continues below advertisement*',
      '[Subscribe now for $1](https://example.org/subscribe)',
      'Unemployment fell to 3.8% in January, officials said.',
    ].join('\n\n');
    const result = extractArticle({ body: markdown, filename: 'story.md' });
    expect(result.removed.map((r) => [result.text.slice(r.start, r.end), r.reason])).toEqual([
      ['ADVERTISEMENT', 'advertisement'],
      ['Story continues below advertisement', 'advertisement'],
      ['Subscribe now for $1', 'appeal'],
    ]);
    expect(result.claims.map((c) => c.sentence)).toEqual([
      'Advertising revenue at the Springfield Ledger fell 12 percent in 2023, the company said.',
      'Unemployment fell to 3.8% in January, officials said.',
    ]);
  });

  it('keeps the article when the page itself carries an ad class', () => {
    const page = story('')
      .replace('<body>', '<body class="has-ads">')
      .replace('<main>', '<main class="ad-supported">');
    expect(htmlToText(page).text).toContain('The Riverton City Council voted 7-2');
  });
});

describe('HTML footnote lists', () => {
  const page = (list: string) => `<!doctype html><html><body><article>
<h1>Hospital wait times rise 20% as staffing crisis deepens</h1>
<p>Average emergency room wait times in the state rose 20% last year, to 4 hours and 12 minutes, according to a report released Thursday by the Department of Health.</p>
<p>Governor Mark Ellis said in a statement that the state would hire 2,000 additional nurses by 2026 and spend $85&nbsp;million on recruitment bonuses.<sup><a href="#fn1">1</a></sup></p>
<p>The Hospital Association said the state&rsquo;s data counted transfers twice, inflating the wait times by as much as 15 minutes, in a statement on Friday.</p>
${list}
</article></body></html>`;
  const NOTE = 'The governor’s office did not say how the bonuses would be funded.';

  it.each([
    [
      '<ol class="footnotes"><li id="fn1">The governor&rsquo;s office did not say how the bonuses would be funded.</li></ol>',
    ],
    [
      '<section class="footnotes"><ol><li>The governor&rsquo;s office did not say how the bonuses would be funded.</li></ol></section>',
    ],
    [
      '<div role="doc-endnotes"><ol><li>The governor&rsquo;s office did not say how the bonuses would be funded.</li></ol></div>',
    ],
  ])('are footnote furniture, not cards, and stay in the stored text: %s', (list) => {
    const result = extractArticle({ body: page(list), filename: 'page.html' });
    expect(result.text).toBe(htmlToText(page(list)).text);
    expect(result.text).toContain(`\n\n¹ ${NOTE}`);
    const range = result.removed.find((r) => result.text.slice(r.start, r.end) === `¹ ${NOTE}`);
    expect(range?.reason).toBe('footnote');
    expect(result.claims.some((c) => c.sentence.includes('governor’s office'))).toBe(false);
    expect(result.claims.some((c) => c.sentence.includes('2,000 additional nurses'))).toBe(true);
    // The article view reads the stored text alone, with cleanArticle: the note's number
    // tells it too.
    const block = cleanArticle(result.text).blocks.find((b) =>
      result.text.slice(b.start, b.end).includes(NOTE),
    );
    expect(block?.reason).toBe('footnote');
  });

  it('numbers the notes as the page does, once', () => {
    const notes =
      '<section class="footnotes"><h2>Notes</h2><ol start="3"><li><p>First note.</p></li>' +
      '<li>Second note. <a href="#fnref4">↩</a></li></ol></section>' +
      '<div class="endnotes"><ol><li><span>1.</span> A note numbered in its text.</li></ol></div>';
    const { text, furniture } = htmlToText(page(notes));
    expect(text).toContain(
      'Notes\n\n³ First note.\n\n⁴ Second note. ↩\n\n1. A note numbered in its text.',
    );
    expect(furniture?.map((r) => text.slice(r.start, r.end))).toEqual([
      'Notes\n\n³ First note.\n\n⁴ Second note. ↩',
      '1. A note numbered in its text.',
    ]);
  });

  it('leaves an ordinary list in the body', () => {
    const result = extractArticle({
      body: page('<ul><li>Patients leaving without being seen: 7.4%</li></ul>'),
      filename: 'page.html',
    });
    expect(result.claims.find((c) => c.sentence.includes('7.4%'))?.claim).toBe(
      'Patients leaving without being seen: 7.4%.',
    );
  });
});

describe('HTML and Markdown tables', () => {
  const LEAD =
    'Average emergency room wait times in the state rose 20% last year, to 4 hours and 12 ' +
    'minutes, according to a report released Thursday by the Department of Health.';
  const html = (table: string) =>
    `<!doctype html><html><body><article><h1>Hospital wait times rise 20%</h1><p>${LEAD}</p>${table}` +
    '<p>The department said the figures would be updated every quarter from now on.</p></article></body></html>';
  const TABLE =
    '<table><caption>Wait times by hospital</caption>' +
    '<thead><tr><th>Hospital</th><th>2023</th><th>2024</th></tr></thead><tbody>' +
    '<tr><td>St Mary</td><td>3h 30m</td><td>4h 10m</td></tr>' +
    '<tr><th scope="row">General | North</th><td>2h<br>50m</td><td>3h 05m</td></tr>' +
    '<tr><td>Visits</td><td>41,200</td><td>44,900</td></tr></tbody></table>';
  // CMS editors often write the header row with <td>, and leave its corner cell empty.
  const TD_HEADER =
    '<table><tbody><tr><td>Hospital</td><td>2023</td><td>2024</td></tr>' +
    '<tr><td>St Mary</td><td>3h 30m</td><td>4h 10m</td></tr>' +
    '<tr><td>General | North</td><td>2h 50m</td><td>3h 05m</td></tr>' +
    '<tr><td>Visits</td><td>41,200</td><td>44,900</td></tr></tbody></table>';
  const MARKDOWN = [
    '# Hospital wait times rise 20%',
    LEAD,
    '| Hospital | 2023 | 2024 |\n|---|---:|---|\n| St Mary | 3h 30m | 4h 10m |\n' +
      '| General \\| North | 2h 50m | 3h 05m |\n| Visits | 41,200 | 44,900 |',
    'The department said the figures would be updated every quarter from now on.',
  ].join('\n\n');

  it.each([
    ['HTML', html(TABLE), 'page.html', 'Wait times by hospital: '],
    ['HTML with a header row of <td>', html(TD_HEADER), 'page.html', ''],
    ['Markdown', MARKDOWN, 'story.md', ''],
    [
      'Markdown with a heading over the table',
      MARKDOWN.replace('| Hospital |', '### Wait times by hospital\n\n| Hospital |'),
      'story.md',
      'Wait times by hospital: ',
    ],
  ])(
    '%s: each data row is a card with its header and caption, anchored to its line',
    (_, body, filename, caption) => {
      const result = extractArticle({ body, filename });
      const rows = result.claims.filter((c) => c.signals.includes('table_row'));
      expect(rows.map((c) => c.claim)).toEqual([
        `${caption}St Mary — 2023: 3h 30m; 2024: 4h 10m.`,
        `${caption}General | North — 2023: 2h 50m; 2024: 3h 05m.`,
        `${caption}Visits — 2023: 41,200; 2024: 44,900.`,
      ]);
      for (const c of result.claims) expect(result.text.slice(c.start, c.end)).toBe(c.sentence);
      expect(rows[0]!.sentence).toBe('| St Mary | 3h 30m | 4h 10m |');
      expect(result.claims.some((c) => c.sentence.includes('Hospital |'))).toBe(false);
      expect(result.claims.some((c) => c.sentence.startsWith(LEAD.slice(0, 40)))).toBe(true);
    },
  );

  it('keeps the caption and every cell in the stored text', () => {
    expect(htmlToText(html(TABLE)).text).toContain(
      'Wait times by hospital\n\n| Hospital | 2023 | 2024 |\n| --- | --- | --- |\n' +
        '| St Mary | 3h 30m | 4h 10m |\n| General \\| North | 2h 50m | 3h 05m |\n' +
        '| Visits | 41,200 | 44,900 |',
    );
  });

  it('takes a first row of <td> for the header only when it is labels above figures', () => {
    const header = (table: string) => htmlToText(html(table)).text.includes('| --- |');
    const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const table = (...rows: string[]) => `<table>${rows.join('')}</table>`;
    expect(header(table(row('', 'FY2023-24', 'Q1 2025'), row('Police', '$1.1bn', '$0.3bn')))).toBe(
      true,
    );
    // A first row of figures is data; labels over labels are no table of figures.
    expect(
      header(table(row('St Mary', '3h 30m', '4h 10m'), row('Visits', '41,200', '44,900'))),
    ).toBe(false);
    expect(header(table(row('Name', 'Role'), row('Dana Whitfield', 'Mayor')))).toBe(false);
  });

  it('pairs the figures with a header whose corner above the rows’ names is empty', () => {
    const table =
      '<table><tr><td></td><td>FY2023-24</td><td>Q1 2025</td></tr>' +
      '<tr><td>Police</td><td>$1.1bn</td><td>$0.3bn</td></tr></table>';
    const rows = extractArticle({ body: html(table), filename: 'page.html' }).claims.filter((c) =>
      c.signals.includes('table_row'),
    );
    expect(rows.map((c) => c.claim)).toEqual(['Police — FY2023-24: $1.1bn; Q1 2025: $0.3bn.']);
  });

  it('reads a table that lays out the page as paragraphs', () => {
    const layout =
      '<table><tr><td><p>The state opened 3 new emergency rooms in 2024, officials said.</p>' +
      '<p>Two more will open in 2025, the department said.</p></td><td>Sidebar</td></tr></table>';
    const { text } = htmlToText(html(layout));
    expect(text).not.toContain('|');
    expect(text).toContain(
      '\n\nThe state opened 3 new emergency rooms in 2024, officials said.\n\n',
    );
    const oneColumn = '<table><tr><td>Wait times rose again in 2024.</td></tr></table>';
    expect(htmlToText(html(oneColumn)).text).not.toContain('|');
  });
});
