/**
 * Arabic text and names in the card dialog and the Article view: a right-to-left quote, note or
 * rationale reads right to left, and the time after a colleague's right-to-left name stays
 * after it ("Added by بو, 6 Dec", never "Added by 6 ,بو Dec", where the Unicode bidi
 * algorithm takes the day's figures into the name's run unless the name is isolated).
 * A date in a Hebrew locale's words keeps its order in our sentences. A board title's unclosed
 * U+202E does not reverse what the start page writes after it.
 * Built app, real server, headless Chromium.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addClaim, addEvidence, setVerdict } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import { postJson } from '../helpers/restApi';
import { openBoard, openCard } from './support/boardPage';
import { glyphs, readsLeftToRight } from './support/glyphs';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const BO = 'بو';
const CLAIM = 'The prisons hold 105,000 people';
const QUOTE = 'قال الوزير إن العدد 105000.';
const NOTE = 'ملاحظة: الرقم من 2023.';
const ARABIC_CLAIM = 'وأضاف الوزير أن 40% منهم لم يحاكموا بعد.';
const RATIONALE = 'التبرير: الرقم 105000 صحيح.';

/**
 * Whether, in the element's line as laid out, every letter of `name` lies left of the first
 * digit written after it in the text (the time that follows the name).
 */
async function nameBeforeTime(element: Locator, name: string): Promise<boolean> {
  const laidOut = await glyphs(element);
  const chars = laidOut.map((g) => g.char).join('');
  const at = chars.indexOf(name);
  const digit = chars.slice(at + name.length).search(/\d/) + at + name.length;
  const firstDigit = laidOut[digit];
  if (at < 0 || !firstDigit) throw new Error(`no "${name}" followed by a time in "${chars}"`);
  return laidOut.slice(at, at + name.length).every((g) => g.right <= firstDigit.left + 0.5);
}

/**
 * Whether a date the browser writes in Hebrew ("6 בדצמ׳, 15:45") reads whole where the element
 * shows it: its hour is not laid out between its day and its month.
 */
async function hebrewTimeWhole(element: Locator): Promise<boolean> {
  const laidOut = await glyphs(element);
  const chars = laidOut.map((g) => g.char).join('');
  const day = chars.search(/\d/);
  const month = day + chars.slice(day).search(/[\u0590-\u05ff]/);
  const hour = month + chars.slice(month).search(/\d/);
  const [d, m, h] = [day, month, hour].map((i) => laidOut[i]);
  if (day < 0 || month < day || hour < month || !d || !m || !h) {
    throw new Error(`no Hebrew date in "${chars}"`);
  }
  return !((d.left < h.left && h.left < m.left) || (m.left < h.left && h.left < d.left));
}

/**
 * Whether an entry quoting right-to-left text shows it between its quote marks, and the time
 * after the closing one ("changed the rationale to “…” 6 Dec").
 */
async function quoteReadsWhole(element: Locator): Promise<boolean> {
  const laidOut = await glyphs(element);
  const chars = laidOut.map((g) => g.char).join('');
  const [open, close] = [chars.indexOf('“'), chars.lastIndexOf('”')];
  const quoted = laidOut.slice(open + 1, close).filter((g) => /[\u0600-\u06ff]/.test(g.char));
  const day = laidOut[close + chars.slice(close).search(/\d/)];
  const [o, c] = [laidOut[open], laidOut[close]];
  if (!o || !c || !day || quoted.length === 0) throw new Error(`no quote in "${chars}"`);
  return (
    quoted.every((g) => o.right <= g.left + 0.5 && g.right <= c.left + 0.5) &&
    c.right <= day.left + 0.5
  );
}

describe.skipIf(!RUN)('right-to-left text', () => {
  const { server, browser } = useBoardBrowser();
  let viewer: Page;
  let dialog: Locator;
  let board: Awaited<ReturnType<typeof server.createBoard>>;

  beforeAll(async () => {
    board = await server.createBoard('Prisons', 'Lea');
    const boUrl = await server.invite(board, BO, 'editor');
    const bo = server.connect(board.id, boUrl);
    await bo.synced();
    const cardId = addClaim(bo.doc, { claim: CLAIM }, bo.as);
    addEvidence(
      bo.doc,
      cardId,
      { url: 'https://example.org/ar', quote: QUOTE, stance: 'refutes', note: NOTE },
      bo.as,
    );
    setVerdict(bo.doc, cardId, null, RATIONALE, bo.as);
    addClaim(bo.doc, { claim: ARABIC_CLAIM }, bo.as);
    await bo.allSaved();
    bo.destroy();
    await postJson(
      `${server.url}/api/boards/${board.id}/articles`,
      { title: 'مقال', text: 'قال الرئيس إن 3 سجون بنيت في عام 2022.' },
      boUrl.split('#invite=').pop(),
    );
    // A viewer: the rationale shows as text, not in the verdict form. In en-GB a time starts
    // with its day ("6 Dec, 13:46"), the figures the bidi algorithm would join to the name.
    viewer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await openBoard(viewer, await server.invite(board, 'Vi', 'viewer'));
    dialog = await openCard(viewer, CLAIM);
  }, 120_000);

  it('shows an Arabic evidence quote, note and rationale right to left', async () => {
    for (const text of [QUOTE, NOTE, RATIONALE]) {
      const shown = dialog.getByText(text, { exact: true });
      expect(await shown.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    }
  });

  it('keeps the time after the name of who added the evidence', async () => {
    const added = dialog.getByText(/^Added by/);
    expect(await nameBeforeTime(added, BO)).toBe(true);
  });

  it('a history entry quoting Arabic keeps it between its quote marks, the time after them', async () => {
    const history = dialog.getByRole('list', { name: 'Card history' });
    const entry = history.getByRole('listitem').filter({ hasText: 'changed the rationale' });
    expect(await quoteReadsWhole(entry)).toBe(true);
  });

  it('keeps the time after the name of who imported the article', async () => {
    await viewer.keyboard.press('Escape');
    await viewer.getByRole('button', { name: 'Article view' }).click();
    const imported = viewer.getByRole('region', { name: 'Article view' }).getByText(/^Imported by/);
    expect(await nameBeforeTime(imported, BO)).toBe(true);
  });

  it('a time the browser writes in Hebrew keeps its hour after its day and month', async () => {
    const page = await (
      await browser.newContext({ locale: 'he-IL', timezoneId: 'Asia/Jerusalem' })
    ).newPage();
    await openBoard(page, await server.invite(board, 'Rina', 'viewer'));
    const shown = await openCard(page, CLAIM);
    expect(await hebrewTimeWhole(shown.locator('dd').filter({ hasText: BO }).first())).toBe(true);
    expect(await hebrewTimeWhole(shown.getByText(/^Added by/))).toBe(true);
  });

  it('a line typed in Arabic reads right to left as it is typed, each line by its own text', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await openBoard(page, board.leadUrl);
    const fields = [
      page.getByRole('textbox', { name: /^New claim/ }),
      page.getByRole('combobox', { name: /^Who said it/ }),
      page.getByRole('searchbox', { name: 'Search cards' }),
    ];
    for (const field of fields) {
      await field.fill(QUOTE);
      // plaintext: the direction of each line is that of its first letter, not the page's.
      expect(await field.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('plaintext');
    }
  });

  it("Activity heads an Arabic claim's changes with the claim read right to left", async () => {
    await viewer.getByRole('button', { name: 'Activity' }).click();
    const feed = viewer.getByRole('region', { name: 'Activity' });
    const claim = feed.getByText(ARABIC_CLAIM, { exact: true });
    expect(await claim.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });

  it('on the start page, a title with an unclosed override leaves "(added …)" readable', async () => {
    const title = 'Prisons \u202Eevil';
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    for (const round of [1, 2]) {
      const twin = await server.createBoard(title, 'Lea');
      // A second apart, so the two read apart ("added …, 13:46:07").
      if (round === 2) await page.waitForTimeout(1_100);
      await openBoard(page, await server.invite(twin, 'Eddie', 'editor'));
    }
    await page.goto(`${server.url}/`);
    const added = page.getByRole('region', { name: 'Your boards' }).getByText(/^ \(added/);
    await expect.poll(() => added.count()).toBe(2);
    for (const detail of await added.all()) expect(await readsLeftToRight(detail)).toBe(true);
  });
});
