/**
 * When every extraction thread is busy and the queue is full, the "Import article" dialog says
 * so in the server's words (503 extract_busy: try again in a few seconds), keeps what was
 * typed, and the same import goes through once there is room. Built app, real server with no
 * room to wait (FACTBOARD_EXTRACT_QUEUE_LENGTH 0), two slow imports holding both threads,
 * headless Chromium.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { waitFor } from '../helpers/waitFor';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

// A URL-like run of punctuation without a space, 990,000 characters: wink's tokenizer takes
// seconds over it (3.6 s at least, measured), after the seconds a cold thread takes to start.
const SLOW = 'a.b/c?d=e&f-g.h/'.repeat(61_875);
const CLAIM = 'Crime fell 40% in 2023, the police said.';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('importing an article while the server is busy', () => {
  const { server, browser } = useBoardBrowser({ extractQueueLength: 0 });
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;
  const slow: AbortController[] = [];

  const dialog = () => page.getByRole('dialog', { name: 'Import article' });
  const articles = async () => (await server.exportJson(board)).articles;

  beforeAll(async () => {
    board = await server.createBoard('Busy day', 'Ana');
    const editorUrl = await server.invite(board, 'Ed', 'editor');
    page = await openBoardPage(browser, editorUrl);
  }, 120_000);

  afterAll(async () => {
    for (const controller of slow) controller.abort();
  });

  it('says the server is busy, keeps the text, and imports it when tried again', async () => {
    await page.getByRole('button', { name: 'Import article' }).click();
    const text = dialog().getByRole('textbox', { name: 'Article text' });
    await text.fill(CLAIM);

    slow.push(new AbortController(), new AbortController());
    for (const controller of slow) {
      fetch(`${server.url}/api/boards/${board.id}/articles`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${board.leadToken}`,
        },
        body: JSON.stringify({ text: SLOW }),
        signal: controller.signal,
      }).catch(() => undefined);
    }
    await waitFor(() => server.extraction.stats().running === 2, { what: 'both threads busy' });

    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toMatch(/^Too many articles are being imported right now.*Try again in 5 seconds\.$/);
    expect(await text.inputValue()).toBe(CLAIM);
    expect(await dialog().getByRole('button', { name: 'Import', exact: true }).isEnabled()).toBe(
      true,
    );
    expect(await articles()).toHaveLength(0);

    // The slow imports' clients leave: their threads are stopped, and there is room again.
    for (const controller of slow) controller.abort();
    await waitFor(() => server.extraction.stats().running === 0, { what: 'threads freed' });
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    // A fresh thread starts for it (the busy ones were stopped): seconds on a loaded machine.
    await expect
      .poll(() => dialog().getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/claim became a card in Unverified/);
    expect(await articles()).toHaveLength(1);
  }, 90_000);
});
