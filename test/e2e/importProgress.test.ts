/**
 * A board imported on the start page over a slow link: QA sent a 750 KB export at 30 KB/s and
 * saw "Importing…" for 29 s with no sign of progress, and an upload that stalled said
 * "Importing…" for good. The upload now shows its progress as a named progress bar with its
 * percentage, can be cancelled, and one that sends nothing and hears nothing for 15 s is given
 * up with an error and Retry. Once the whole file is sent, Cancel is unavailable and the page
 * says "Building the board…": cancelled then, the server went on to make the board and the page
 * dropped the answer holding its only link. Built app, real server, headless Chromium; the link's upload is
 * slowed by Chromium's own network emulation (a TCP relay cannot show it: loopback's socket
 * buffers take about 4 MB at once, so the page saw the whole file sent at once: slowUplink);
 * the server's answer is held back by the slow-link tests' relay (startRelay's hold).
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_MS } from '../../client/app/uploadWithProgress';
import { chromiumAvailable } from '../helpers/browser';
import { startRelay } from '../helpers/startRelay';
import { bigBoardUpdate } from './support/bigBoard';
import { slowUplink } from './support/slowUplink';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const UPLOAD_BYTES_PER_SECOND = 30_000;

describe.skipIf(!RUN)('importing a board over a slow link', () => {
  const { server, browser } = useBoardBrowser();

  it('shows the upload progress, cancels it, gives up a stalled one and retries it', async () => {
    const source = await server.createBoard('Night desk', 'Ana');
    await server.seed(source.id, [bigBoardUpdate(60)]);
    const file = Buffer.from(JSON.stringify(await server.exportJson(source)));
    expect(file.length).toBeGreaterThan(150_000);

    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Imogen');
    await page.getByRole('button', { name: 'Continue' }).click();
    const form = page.getByRole('form', { name: 'Import a board from a JSON export' });
    await form.getByLabel('JSON export file').setInputFiles({
      name: 'night.json',
      mimeType: 'application/json',
      buffer: file,
    });
    const importButton = form.getByRole('button', { name: /^Import/ });
    const bar = form.getByRole('progressbar', { name: 'Uploading night.json' });

    // Part of the way: the bar says how far, in its value and in words.
    await slowUplink(page, UPLOAD_BYTES_PER_SECOND);
    await importButton.click();
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const part = Number(await bar.getAttribute('aria-valuenow'));
    expect(part).toBeLessThan(100);
    expect(await bar.getAttribute('aria-valuemax')).toBe('100');
    expect(await form.getByText(/^\d+%/).textContent()).toMatch(/^\d+%/);

    // Cancelled: said, the bar gone, focus back on Import board, no board opened.
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe('Import cancelled: no board was created.');
    expect(await bar.count()).toBe(0);
    expect(await importButton.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');

    // A link that takes nothing more and answers nothing: given up, with Retry.
    await page.route('**/api/boards/import*', () => new Promise<void>(() => undefined));
    await importButton.click();
    await expect
      .poll(() => form.getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/^The import failed: The upload stopped: nothing reached the server/);
    const retry = form.getByRole('button', { name: 'Retry' });
    await expect.poll(() => retry.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');

    // The link is back: Retry sends the same file, and the new board opens.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await slowUplink(page, 10 * UPLOAD_BYTES_PER_SECOND);
    await retry.click();
    await page.waitForURL((url) => /^\/b\/[^/]+$/.test(url.pathname), { timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Night desk');
  }, 120_000);

  it('offers no Cancel once the whole file is sent, and opens the board it made', async () => {
    const source = await server.createBoard('Late desk', 'Ana');
    const file = Buffer.from(JSON.stringify(await server.exportJson(source)));
    const relay = await startRelay(server.url);
    try {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(relay.url);
      await page.getByRole('textbox', { name: 'Your name' }).fill('Imogen');
      await page.getByRole('button', { name: 'Continue' }).click();
      const form = page.getByRole('form', { name: 'Import a board from a JSON export' });
      await form.getByLabel('JSON export file').setInputFiles({
        name: 'late.json',
        mimeType: 'application/json',
        buffer: file,
      });
      const bar = form.getByRole('progressbar', { name: 'Uploading late.json' });
      const cancel = form.getByRole('button', { name: 'Cancel upload' });

      // The file is all sent, the server's answer not yet here: the wait is the server's.
      const release = relay.hold();
      await form.getByRole('button', { name: 'Import board' }).click();
      await expect.poll(() => form.getByText('Building the board…').count()).toBe(1);
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      expect(await cancel.getAttribute('aria-disabled')).toBe('true');
      expect(await cancel.getAttribute('aria-describedby')).toBeTruthy();
      // Pressed anyway, it changes nothing: the answer, with the board's link, is still awaited.
      await cancel.focus();
      await page.keyboard.press('Enter');
      release();
      await page.waitForURL((url) => /^\/b\/[^/]+$/.test(url.pathname), { timeout: 60_000 });
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Late desk');
    } finally {
      await relay.close();
    }
  }, 120_000);

  it('says a file sent whole and never answered may have made the board, and its Retry opens that board', async () => {
    const source = await server.createBoard('Silent desk', 'Ana');
    const file = Buffer.from(JSON.stringify(await server.exportJson(source)));
    const relay = await startRelay(server.url);
    try {
      const page = await (await browser.newContext()).newPage();
      page.setDefaultTimeout(15_000);
      // The page's clock, so that the wait for an answer (ANSWER_MS, 150 s) can be skipped.
      await page.clock.install();
      await page.goto(relay.url);
      await page.getByRole('textbox', { name: 'Your name' }).fill('Imogen');
      await page.getByRole('button', { name: 'Continue' }).click();
      const form = page.getByRole('form', { name: 'Import a board from a JSON export' });
      await form.getByLabel('JSON export file').setInputFiles({
        name: 'silent.json',
        mimeType: 'application/json',
        buffer: file,
      });
      const keys: (string | undefined)[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/api/boards/import')) {
          keys.push(request.headers()['idempotency-key']);
        }
      });
      const release = relay.hold();
      await form.getByRole('button', { name: 'Import board' }).click();
      await expect.poll(() => form.getByText('Building the board…').count()).toBe(1);
      await page.clock.fastForward(ANSWER_MS);
      await expect
        .poll(() => form.getByRole('alert').textContent())
        .toBe(
          'The file reached the server but no answer came: the board may have been made. Retry sends it again, and it is made only once.',
        );
      const retry = form.getByRole('button', { name: 'Retry' });
      await expect.poll(() => retry.evaluate((el) => el === document.activeElement)).toBe(true);
      // The server made the board; its answer, held until now, finds the page gone.
      release();
      // Retry sends the same key: the server answers with the board the first made (replayed),
      // where a second import would make another.
      const answer = page.waitForResponse((res) => res.url().includes('/api/boards/import'));
      await retry.click();
      expect((await answer).headers()['idempotency-replayed']).toBe('true');
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[a-z0-9]{16}$/);
      expect(keys[1]).toBe(keys[0]);
      await page.waitForURL((url) => /^\/b\/[^/]+$/.test(url.pathname), { timeout: 60_000 });
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Silent desk');
    } finally {
      await relay.close();
    }
  }, 120_000);
});
