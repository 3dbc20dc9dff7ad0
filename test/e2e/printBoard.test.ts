/**
 * A board printed for the morning meeting: its title and the print date, then every card of
 * the three columns (not only those the columns render on screen) with claim, speaker, verdict,
 * rationale, evidence balance and who checks it; nothing of the screen's controls; each card
 * whole on its page; links with their address. Read from the page in the print medium
 * (computed styles and visible text, no pixels), and from a PDF Chromium prints of it.
 * Built app, real server, headless Chromium.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { card, openBoard } from './support/boardPage';
import { addCheckedCards, CHECKED } from './support/checkedCards';
import { useBoardBrowser } from './support/useBoardBrowser';

const SEED = readFileSync(
  new URL('../fixtures/seed/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);

const SPANISH = readFileSync(
  new URL('../fixtures/articles/honduras-carceles.es.txt', import.meta.url),
  'utf8',
);

const RUN = chromiumAvailable();

/** Each printed card's claim, speaker, and its facts by their terms. */
function printedCards(page: Page) {
  return page.locator('.print-card').evaluateAll((cards) =>
    cards.map((li) => ({
      claim: li.querySelector('.print-claim')?.textContent,
      speaker: li.querySelector('.speaker')?.textContent ?? null,
      facts: Object.fromEntries(
        [...li.querySelectorAll('dt')].map((dt) => [
          dt.textContent,
          (dt.nextElementSibling as HTMLElement).innerText,
        ]),
      ),
    })),
  );
}

describe.skipIf(!RUN)('a board printed', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;
  let total: number;

  beforeAll(async () => {
    const board = await server.createBoard('Morning meeting', 'Lea Lopez');
    await addCheckedCards(server, board);
    await server.importArticle(board, { title: 'Fired prison workers', text: SEED });
    await server.importArticle(board, { title: 'Cárceles de Honduras', text: SPANISH });
    total = (await server.exportJson(board)).cards.length;
    page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
    // A card's dialog open when Print is chosen: it is not what is printed.
    await card(page, CHECKED[0].claim)
      .getByRole('button', { name: /^Open:/ })
      .click();
    await page.getByRole('dialog').waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.locator('.print-board').waitFor();
  }, 120_000);

  it('gives the title, the date, and every card of the three columns with its check', async () => {
    const head = await page.locator('.print-head').innerText();
    // The browser's own way of writing a date and time, with the year and seconds.
    expect(head).toMatch(/^Morning meeting\s+Printed \S.* 20\d\d\b.*\d:\d\d:\d\d/);
    expect(await page.locator('.print-column h2').allInnerTexts()).toEqual([
      expect.stringMatching(/^Unverified \(\d+\)$/),
      'Corroborated (1)',
      'Disputed (1)',
    ]);
    const cards = await printedCards(page);
    // The screen's columns render only the cards in view; the paper has them all.
    expect(total).toBeGreaterThan(20);
    expect(cards).toHaveLength(total);
    const checked = CHECKED.map((c) => cards.find((p) => p.claim === c.claim));
    expect(checked).toEqual([
      {
        claim: CHECKED[0].claim,
        speaker: CHECKED[0].speaker,
        facts: {
          Verdict: 'True',
          Rationale: CHECKED[0].rationale,
          Evidence: expect.stringMatching(/^1 supporting\s+Supports: stats\.example\.org$/),
          'Checked by': 'Lea Lopez',
        },
      },
      {
        claim: CHECKED[1].claim,
        speaker: CHECKED[1].speaker,
        facts: {
          Verdict: 'False',
          Rationale: CHECKED[1].rationale,
          Evidence: expect.stringMatching(
            /^1 refuting, 1 context\s+Refutes: audit\.example\.org\s+Context: news\.example\.org$/,
          ),
          'Checked by': 'Nobody yet',
        },
      },
      {
        claim: CHECKED[2].claim,
        speaker: CHECKED[2].speaker,
        facts: {
          Verdict: 'Unproven',
          Rationale: CHECKED[2].rationale,
          Evidence: 'No evidence',
          'Checked by': 'Nobody yet',
        },
      },
    ]);
  });

  it('prints a Spanish article’s claims as Spanish, the others in the page’s language', async () => {
    const langs = await page
      .locator('.print-claim')
      .evaluateAll((claims) => claims.map((p) => p.getAttribute('lang')));
    expect(new Set(langs)).toEqual(new Set(['es', null]));
  });

  it('shows nothing of the screen: no button, field, presence, pill, panel or dialog', async () => {
    const shown = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'button, input, select, textarea, a, [data-status], .presence-bar, .side-panel, dialog, .toast, .banner',
        ),
      ]
        .filter((el) => !el.closest('.print-board') && el.getClientRects().length > 0)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
  });

  it('keeps each card whole and each heading with its cards; a link shows its address', async () => {
    const styles = await page.evaluate(() => ({
      card: getComputedStyle(document.querySelector('.print-card')!).breakInside,
      heading: getComputedStyle(document.querySelector('.print-column h2')!).breakAfter,
      link: getComputedStyle(
        document.querySelector('.print-card a[href="https://stats.example.org/march"]')!,
        '::after',
      ).content,
    }));
    expect(styles).toEqual({
      card: 'avoid',
      heading: 'avoid',
      link: '" (https://stats.example.org/march)"',
    });
  });

  it('from a system set to dark, is still dark text on white paper', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    try {
      const ink = await page.evaluate(() => ({
        scheme: getComputedStyle(document.documentElement).colorScheme,
        claim: getComputedStyle(document.querySelector('.print-claim')!).color,
      }));
      expect(ink).toEqual({ scheme: 'light', claim: 'rgb(0, 0, 0)' });
    } finally {
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    }
  });

  it('printed to PDF, runs to several pages, and the screen is as it was after', async () => {
    // Back to no emulated medium: an emulated 'screen' would be what the PDF prints.
    await page.emulateMedia({ media: null });
    await page.locator('.print-board').waitFor({ state: 'detached' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    // A page object per sheet; the screen alone would fit on one (its columns scroll).
    const sheets = pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(sheets).toBeGreaterThan(3);
    expect(await page.locator('.print-board').count()).toBe(0);
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
  });
});
