/**
 * A newsroom's whole job from the keyboard alone, as a screen-reader user does it (QA60): a
 * board created from the start page, the seed article imported, its proposed claims read,
 * cards moved to Corroborated and to Disputed, a verdict and evidence added, Undo and Redo, a
 * colleague invited with a role, a comment mentioning them, the board exported in every
 * format, and Activity read. Only page.keyboard drives the page (the OS file chooser a key
 * opens is answered as its own keyboard answers it); `keyboardWalk` checks every stop: focus
 * never on the page's body, every control named, its ring showing, and no pointer event at
 * all. Each step's key presses are counted (the test's log lists them).
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { parseCsvRows } from '../helpers/parseCsvRows';
import { openBoard } from './support/boardPage';
import { liveSaid, recordLiveRegions } from './support/liveRegions';
import { keyboardWalk, type KeyboardWalk } from './support/keyboardOnly';
import { useBoardBrowser } from './support/useBoardBrowser';

const SEED = readFileSync(new URL('../../seeds/000_90c871332769486b.txt', import.meta.url), 'utf8');

const COLLEAGUE = 'Rhea Ruiz';
const EVIDENCE_URL = 'https://elfaro.example/2020/prison-logbooks';
const EVIDENCE_QUOTE = 'The letters name no reason for the dismissals.';
const RATIONALE = 'The ministry letter confirms the dismissals.';
const COMMENT = `Could you check the letter, @${COLLEAGUE}`;

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('a newsroom’s job from the keyboard alone', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;
  let walk: KeyboardWalk;
  /** The claims of the cards moved to Corroborated and to Disputed. */
  let corroborated = '';
  let disputed = '';

  /** The text of the file the browser downloads as `pressed` lands. */
  async function downloaded(pressed: Promise<unknown>): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), pressed]);
    return readFile(await file.path(), 'utf8');
  }

  /** What the page's live regions said last (`n` sentences). */
  const lastSaid = async (n = 1) => (await liveSaid(page)).slice(-n);

  /** A card's claim, from its accessible name ("<claim> — Speaker: …"). */
  const claimOf = (name: string) => name.split(' — ')[0]!;

  /** The heading of the column holding focus. */
  const focusColumn = () =>
    page.evaluate(
      () => document.activeElement?.closest('section.column')?.querySelector('h2')?.id ?? null,
    );

  beforeAll(async () => {
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    walk = await keyboardWalk(page);
  });

  afterAll(() => {
    // The figures of the report: each step's key presses, and what the walk found.
    console.log(walk.steps.map((s) => `${s.name}: ${s.keys} keys`).join('\n'));
    if (walk.problems.length) console.log(walk.problems.join('\n'));
  });

  it('creates a board from the start page and imports the seed article', async () => {
    walk.step('create a board');
    await page.goto(`${server.url}/`);
    expect(await walk.focused()).toMatchObject({ role: 'textbox', name: 'Your name' });
    await walk.type('Lea Lopez');
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'textbox', name: 'Board title' });
    await walk.type('Prison deals');
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'heading', name: 'Prison deals' });
    expect(new URL(page.url()).pathname).toMatch(/^\/b\//);
    await recordLiveRegions(page);

    walk.step('import the seed article');
    await walk.pressUntil('Tab', 'button', 'Import article', 10);
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'textbox', name: 'Article text' });
    await walk.pressUntil('Tab', 'button', 'Or a file (.txt, .md, .html)', 3);
    const chosen = new Promise<void>((resolve) =>
      page.once('filechooser', (chooser) => {
        const file = { name: 'prisons.txt', mimeType: 'text/plain', buffer: Buffer.from(SEED) };
        void chooser.setFiles(file).then(resolve);
      }),
    );
    // Listening turns on the page's interception of file choosers: let that reach it first.
    await page.evaluate(() => undefined);
    await walk.press('Enter');
    await chosen;
    // Past the file's Remove, the title, the source URL and the Published date's three fields.
    await walk.pressUntil('Tab', 'button', 'Import', 9);
    await walk.press('Enter');
    await expect
      .poll(() => walk.focused(), { timeout: 60_000 })
      .toMatchObject({
        role: 'button',
        name: 'Show the article',
      });
    expect(await liveSaid(page)).toContain('22 claims became cards in Unverified.');
    await walk.pressUntil('Tab', 'button', 'Done', 3);
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'button', name: 'Import article' });
  }, 120_000);

  it('reads every proposed claim in Unverified', async () => {
    walk.step('read the proposed claims');
    await walk.pressUntil('Shift+Tab', 'link', 'Skip to columns', 6);
    await walk.press('Enter');
    const first = await walk.focused();
    expect(first.role).toBe('listitem');
    // Each card's name reads as a screen reader says it: claim, speaker, verdict, evidence.
    expect(first.name).toMatch(
      / — Speaker: .+ Verdict: No verdict Evidence: No evidence 0 comments$/,
    );
    const claims = new Set([first.name]);
    while (!(await liveSaid(page)).includes('Bottom of Unverified.')) {
      claims.add((await walk.press('ArrowDown')).name);
    }
    expect(claims.size).toBe(22);
  }, 60_000);

  it('moves one card to Corroborated and another to Disputed', async () => {
    walk.step('move a card to Corroborated');
    corroborated = claimOf((await walk.press('Home')).name);
    await walk.press('Space');
    expect((await lastSaid())[0]).toMatch(/^Picked up .+ Unverified, position 1 of 22\./);
    await walk.press('ArrowRight');
    await walk.press('Space');
    expect((await walk.focused()).name).toContain(corroborated);
    expect(await focusColumn()).toBe('column-corroborated');
    expect((await lastSaid())[0]).toMatch(
      /^Moved .+ from Unverified to Corroborated, position 1 of 1\.$/,
    );

    walk.step('move a card to Disputed');
    disputed = claimOf((await walk.press('ArrowLeft')).name);
    expect(await focusColumn()).toBe('column-unverified');
    await walk.press('Space');
    await walk.press('ArrowRight');
    await walk.press('ArrowRight');
    await walk.press('Space');
    expect((await walk.focused()).name).toContain(disputed);
    expect(await focusColumn()).toBe('column-disputed');
    expect((await lastSaid())[0]).toMatch(
      /^Moved .+ from Unverified to Disputed, position 1 of 1\.$/,
    );
  }, 60_000);

  it('gives the disputed card a verdict and evidence', async () => {
    walk.step('open the card');
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'button', name: 'Close' });

    walk.step('set a verdict');
    await walk.pressUntil('Tab', 'combobox', 'Verdict label', 6);
    // A native select: Down picks the next label, the first of Disputed's.
    expect((await walk.press('ArrowDown')).value).toBe('Missing context');
    await walk.press('Tab');
    await walk.type(RATIONALE);
    expect(await walk.press('Tab')).toMatchObject({ role: 'button', name: 'Save verdict' });
    await walk.press('Enter');
    await expect.poll(() => lastSaid()).toEqual(['Verdict saved: Missing context.']);

    walk.step('add evidence');
    await walk.pressUntil('Tab', 'button', 'Add evidence', 10);
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'textbox', name: 'Source URL' });
    await walk.type(EVIDENCE_URL);
    await walk.press('Tab');
    await walk.type(EVIDENCE_QUOTE);
    expect(await walk.press('Tab')).toMatchObject({ role: 'radio', name: 'Supports' });
    expect(await walk.press('ArrowRight')).toMatchObject({ role: 'radio', name: 'Refutes' });
    await walk.pressUntil('Tab', 'button', 'Add evidence', 3);
    await walk.press('Enter');
    await expect.poll(() => lastSaid()).toEqual(['Evidence added: Refutes.']);
    // Back on the button that opens the form, for the next item.
    expect(await walk.focused()).toMatchObject({ role: 'button', name: 'Add evidence' });

    walk.step('close the card');
    await walk.press('Escape');
    const back = await walk.focused();
    expect(back.role).toBe('listitem');
    expect(back.name).toMatch(/Verdict: Missing context Evidence: 1 refuting 0 comments$/);
  }, 60_000);

  it('undoes and redoes the evidence, focus staying on the card', async () => {
    walk.step('undo');
    const undone = await walk.press('Control+z');
    expect(undone.name).toContain(disputed);
    expect(undone.name).toMatch(/Evidence: No evidence/);
    expect((await lastSaid())[0]).toMatch(/^Undone: the new evidence on “.+”\.$/);

    walk.step('redo');
    const redone = await walk.press('Control+Shift+z');
    expect(redone.name).toMatch(/Evidence: 1 refuting/);
    expect((await lastSaid())[0]).toMatch(/^Redone: the new evidence on “.+”\.$/);
  }, 60_000);

  it('invites a colleague as a reviewer', async () => {
    walk.step('invite a colleague');
    await walk.pressUntil('Shift+Tab', 'button', 'Invite people', 40);
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'textbox', name: 'Name' });
    await walk.type(COLLEAGUE);
    expect(await walk.press('Tab')).toMatchObject({ role: 'combobox', name: 'Role' });
    // A native select: a letter picks the first option it starts.
    expect((await walk.press('r')).value).toBe('Reviewer');
    await walk.pressUntil('Tab', 'button', 'Create invite link', 5);
    await walk.press('Enter');
    await expect
      .poll(() => walk.focused())
      .toMatchObject({
        role: 'textbox',
        name: `Invite link for ${COLLEAGUE} (Reviewer)`,
      });
    expect(await lastSaid()).toEqual(['The link is shown only now. Copy it and send it to them.']);
    // Copied by hand from its field, selected: closing with a link not copied would ask first.
    await walk.press('Control+c');
    await expect
      .poll(() => lastSaid())
      .toEqual(['Link copied. Send it to them privately: it is their key to this board.']);
    await walk.press('Escape');
    expect(await walk.focused()).toMatchObject({ role: 'button', name: 'Invite people' });
  }, 60_000);

  it('comments on the disputed card, mentioning the colleague', async () => {
    walk.step('comment with a mention');
    await walk.pressUntil('Tab', 'listitem', new RegExp(`^${disputed.slice(0, 30)}`), 60);
    await walk.press('Enter');
    await walk.pressUntil('Tab', 'textbox', 'New comment', 20);
    await walk.type(COMMENT.slice(0, -'hea Ruiz'.length));
    await expect
      .poll(() => lastSaid())
      .toEqual([
        '1 person to mention. Up and down arrows to choose, Enter to insert, Escape to close.',
      ]);
    await walk.press('Enter');
    expect((await walk.focused()).value).toBe(`${COMMENT} `);
    await walk.press('Control+Enter');
    await expect.poll(() => lastSaid()).toEqual(['Comment posted.']);
    expect(await walk.focused()).toMatchObject({ role: 'textbox', name: 'New comment', value: '' });
    await walk.press('Escape');
    expect((await walk.focused()).name).toMatch(/1 refuting 1 comment$/);
  }, 60_000);

  it('exports JSON, CSV, Markdown and ClaimReview, comments and evidence in each', async () => {
    walk.step('export');
    await walk.pressUntil('Shift+Tab', 'button', 'Export', 60);
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'heading', name: 'Export board' });
    const files: Record<string, string> = {};
    for (const [label, extension] of [
      ['JSON', 'json'],
      ['CSV', 'csv'],
      ['Markdown report', 'md'],
    ] as const) {
      await walk.pressUntil('Tab', 'button', `Download ${label}`, 20);
      files[extension] = await downloaded(walk.press('Enter'));
      // The button keeps focus for the next one, and the download is said.
      await expect
        .poll(() => lastSaid())
        .toEqual([
          `Downloaded prison-deals-${new Date().toISOString().slice(0, 10)}.${extension}.`,
        ]);
      expect(await walk.focused()).toMatchObject({ role: 'button', name: `Download ${label}` });
    }
    // ClaimReview names the organisation as its author: given here first.
    await walk.pressUntil('Tab', 'textbox', 'Organisation name', 10);
    await walk.type('El Faro Check');
    await walk.press('Tab');
    await walk.type('https://check.example');
    await walk.press('Enter');
    await expect.poll(() => lastSaid()).toEqual(['Organisation saved: El Faro Check.']);
    await walk.pressUntil('Shift+Tab', 'button', 'Download ClaimReview JSON-LD', 10);
    files.jsonld = await downloaded(walk.press('Enter'));
    await expect
      .poll(() => lastSaid())
      .toEqual([expect.stringMatching(/^Downloaded .+\.jsonld\. /)]);
    await walk.press('Escape');
    expect(await walk.focused()).toMatchObject({ role: 'button', name: 'Export' });

    const json = JSON.parse(files.json!) as {
      cards: {
        claim: string;
        column: string;
        verdict: string | null;
        evidence: { url: string; quote: string; stance: string }[];
        comments: { text: string; author: string }[];
      }[];
    };
    expect(json.cards).toHaveLength(22);
    const card = json.cards.find((c) => c.claim === disputed)!;
    expect(card).toMatchObject({ column: 'disputed', verdict: 'Missing context' });
    expect(card.evidence).toMatchObject([
      { url: EVIDENCE_URL, quote: EVIDENCE_QUOTE, stance: 'refutes' },
    ]);
    // Posted as typed, less the space the mention's insertion left at its end.
    expect(card.comments).toMatchObject([{ text: COMMENT, author: { name: 'Lea Lopez' } }]);
    expect(json.cards.find((c) => c.claim === corroborated)?.column).toBe('corroborated');

    const [header, ...rows] = parseCsvRows(files.csv!);
    const row = rows.find((r) => r[header!.indexOf('claim')] === disputed)!;
    expect(row[header!.indexOf('column')]).toBe('Disputed');
    expect(row[header!.indexOf('evidence')]).toContain(EVIDENCE_URL);
    expect(row[header!.indexOf('evidence')]).toContain(EVIDENCE_QUOTE);
    expect(row[header!.indexOf('comments')]).toContain(COMMENT);

    expect(files.md).toContain(EVIDENCE_URL);
    expect(files.md).toContain(EVIDENCE_QUOTE);
    // Markdown writes a mention as "\@Name", so that no site it is pasted to pings anyone.
    expect(files.md).toContain(COMMENT.replace('@', '\\@'));

    const reviews = JSON.parse(files.jsonld!) as {
      claimReviewed: string;
      reviewBody: string;
      reviewRating: { alternateName: string };
      citation: { url: string }[];
    }[];
    // The corroborated card has no verdict yet, so it is left out (and said to be).
    expect(reviews).toMatchObject([
      {
        claimReviewed: disputed,
        reviewBody: RATIONALE,
        reviewRating: { alternateName: 'Missing context' },
        citation: [{ url: EVIDENCE_URL }],
      },
    ]);
  }, 90_000);

  it('reads the board’s history in Activity', async () => {
    walk.step('read Activity');
    await walk.pressUntil('Shift+Tab', 'button', 'Activity', 10);
    await walk.press('Enter');
    expect(await walk.focused()).toMatchObject({ role: 'heading', name: 'Activity' });
    await walk.pressUntil('Tab', 'button', disputed, 6);
    const read: string[] = [];
    for (let i = 0; i < 12; i++) read.push((await walk.press('ArrowDown')).name);
    const said = read.join('\n');
    for (const change of [
      `Lea Lopez commented: “${COMMENT}”`,
      `Lea Lopez invited ${COLLEAGUE} as a reviewer`,
      `Lea Lopez added refuting evidence: ${EVIDENCE_URL}`,
      `Lea Lopez changed the rationale to “${RATIONALE}”`,
      'Lea Lopez set the verdict to Missing context',
      'Lea Lopez moved the card from Unverified to Disputed',
      'Lea Lopez moved the card from Unverified to Corroborated',
      'Lea Lopez imported the article “Fired El Salvador Prison Workers Claim Irregularities Facilitated Gang Negotiation” and added its 22 cards to Unverified',
    ]) {
      expect(said).toContain(change);
    }
    await walk.press('Escape');
    expect(await walk.focused()).toMatchObject({ role: 'button', name: 'Activity' });
  }, 60_000);

  it('on a board with no card yet, Skip to columns goes to New claim, where one starts', async () => {
    const board = await server.createBoard('Nothing yet', 'Lea Lopez');
    const empty = await (await browser.newContext()).newPage();
    const keys = await keyboardWalk(empty);
    await openBoard(empty, board.leadUrl);
    await keys.pressUntil('Tab', 'link', 'Skip to columns', 3);
    expect(await keys.press('Enter')).toMatchObject({ role: 'textbox', name: 'New claim' });
    expect(keys.problems).toEqual([]);
    await empty.context().close();
  });

  it('met no stop without a name or a ring, never the page, and no pointer', async () => {
    expect(walk.problems).toEqual([]);
    expect(await walk.pointerEvents()).toBe(0);
  });
});
