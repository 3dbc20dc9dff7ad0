/**
 * An article imported over a slow link: a file of a few hundred KB chosen in "Import article"
 * showed "Importing…" for as long as the upload took, and for good when the link stalled. The
 * upload now shows its progress ("Uploading night.txt", "Uploading pasted article"), can be
 * cancelled until every byte is sent, adding nothing to the board, is given up with Retry when
 * it sends nothing and hears nothing for 15 s, and, once sent, says "Finding claims…" while the
 * server works, Cancel then unavailable (the server may be writing the cards). Built app, real server, headless Chromium;
 * the page's upload slowed by Chromium's network emulation (slowUplink), its answers held back
 * by the slow-link tests' relay (startRelay's hold).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_MS } from '../../client/app/uploadWithProgress';
import { chromiumAvailable } from '../helpers/browser';
import { type Relay, startRelay } from '../helpers/startRelay';
import { openBoard } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { slowUplink } from './support/slowUplink';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const UPLOAD_BYTES_PER_SECOND = 30_000;
const CLAIM = 'Crime fell 40% in 2023, the police said.';
const PASTED = 'Unemployment rose to 7% in March, the minister said.';
// About 300 KB: ten seconds at 30 KB/s.
const ARTICLE = Buffer.from(
  [
    CLAIM,
    ...Array.from(
      { length: 5_000 },
      (_, i) => `Paragraph ${'abcdefghij'[i % 10]} was calm that evening along the old river.`,
    ),
  ].join('\n\n'),
);

describe.skipIf(!RUN)('importing an article over a slow link', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let relay: Relay;
  let page: Page;

  const dialog = () => page.getByRole('dialog', { name: 'Import article' });
  const articles = async () => (await server.exportJson(board)).articles;

  beforeAll(async () => {
    board = await server.createBoard('Night desk', 'Ana');
    relay = await startRelay(server.url);
    const editorUrl = await server.invite(board, 'Ed', 'editor');
    page = await openBoardPage(browser, editorUrl.replace(server.url, new URL(relay.url).origin));
  }, 120_000);

  afterAll(() => relay?.close());

  it('shows the progress, cancels, gives up a stalled upload, and says when claims are sought', async () => {
    expect(ARTICLE.length).toBeGreaterThan(250_000);
    await page.getByRole('button', { name: 'Import article' }).click();
    await dialog()
      .getByLabel('Or a file (.txt, .md, .html)')
      .setInputFiles({ name: 'night.txt', mimeType: 'text/plain', buffer: ARTICLE });
    const importButton = dialog().getByRole('button', { name: /^Import/ });
    const bar = dialog().getByRole('progressbar', { name: 'Uploading night.txt' });
    const cancel = dialog().getByRole('button', { name: 'Cancel upload' });

    // Part of the way: the bar says how far.
    await slowUplink(page, UPLOAD_BYTES_PER_SECOND);
    await importButton.click();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await importButton.textContent()).toBe('Importing…');

    // Cancelled: said, the bar gone, the file kept, focus on Import, nothing on the board.
    await cancel.click();
    await expect
      .poll(() => dialog().getByRole('status').textContent())
      .toBe('Import cancelled: nothing was added to the board.');
    expect(await bar.count()).toBe(0);
    expect(await importButton.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog().getByRole('button', { name: 'Remove file' }).count()).toBe(1);
    expect(await articles()).toHaveLength(0);

    // Escape cancels it too, as Cancel upload does, and leaves the dialog open.
    await importButton.click();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => dialog().getByRole('status').textContent())
      .toBe('Import cancelled: nothing was added to the board.');
    expect(await bar.count()).toBe(0);
    expect(await dialog().count()).toBe(1);
    expect(await articles()).toHaveLength(0);

    // A link that takes nothing more and answers nothing: given up, with Retry.
    await page.route('**/api/boards/*/articles*', () => new Promise<void>(() => undefined));
    await importButton.click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/^The upload stopped: nothing reached the server/);
    const retry = dialog().getByRole('button', { name: 'Retry' });
    await expect.poll(() => retry.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await articles()).toHaveLength(0);

    // The link is back, its answers slow: once all is sent the dialog says what the server
    // does, and Cancel is no longer offered (pressed, it changes nothing).
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await slowUplink(page, 10 * UPLOAD_BYTES_PER_SECOND);
    const release = relay.hold();
    await retry.click();
    await expect
      .poll(() => dialog().getByText('Finding claims…').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await cancel.getAttribute('aria-disabled')).toBe('true');
    await cancel.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await dialog().count()).toBe(1);
    release();
    await expect
      .poll(() => dialog().getByRole('status').first().textContent(), { timeout: 60_000 })
      .toMatch(/became (a card|cards) in Unverified/);
    expect(await articles()).toHaveLength(1);

    // Pasted text is named as such.
    await dialog().getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Import article' }).click();
    await dialog().getByRole('textbox', { name: 'Article text' }).fill(PASTED);
    const releaseAgain = relay.hold();
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    const pasted = dialog().getByRole('progressbar', { name: 'Uploading pasted article' });
    await expect.poll(() => pasted.getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => dialog().getByText('Finding claims…').count()).toBe(1);
    releaseAgain();
    await expect
      .poll(() => dialog().getByRole('status').first().textContent(), { timeout: 60_000 })
      .toBe('1 claim became a card in Unverified.');
    expect(await articles()).toHaveLength(2);
  }, 180_000);

  it('says an article sent whole and never answered may have been added, and offers Retry (its Idempotency-Key makes that safe)', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    // The page's clock, so that the wait for an answer (ANSWER_MS, 150 s) can be skipped.
    await page.clock.install();
    const editorUrl = await server.invite(board, 'Edna', 'editor');
    await openBoard(page, editorUrl.replace(server.url, new URL(relay.url).origin));
    const importDialog = page.getByRole('dialog', { name: 'Import article' });
    // An article of its own: one the board already had would be answered "already there"
    // whatever the key.
    const before = (await articles()).length;
    const keys: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/articles')) {
        keys.push(request.headers()['idempotency-key']);
      }
    });
    await page.getByRole('button', { name: 'Import article' }).click();
    await importDialog
      .getByRole('textbox', { name: 'Article text' })
      .fill('Inflation fell to 3% in April, the governor said.');
    const release = relay.hold();
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => importDialog.getByText('Finding claims…').count()).toBe(1);
    await page.clock.fastForward(ANSWER_MS);
    await expect
      .poll(() => importDialog.getByRole('alert').textContent())
      .toBe(
        'The article reached the server but no answer came: it may have been added. Retry sends it again, and it is added only once.',
      );
    const retry = importDialog.getByRole('button', { name: 'Retry' });
    await expect.poll(() => retry.evaluate((el) => el === document.activeElement)).toBe(true);
    release();
    // Retry sends the same key: the server answers with what the first import made (its card),
    // where a second import would find the text on the board and make none.
    await retry.click();
    await expect
      .poll(() => importDialog.getByRole('status').first().textContent(), { timeout: 60_000 })
      .toBe('1 claim became a card in Unverified.');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[a-z0-9]{16}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await articles()).toHaveLength(before + 1);
    await page.context().close();
  }, 120_000);
});
