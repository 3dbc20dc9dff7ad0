/**
 * Forget removes everything this browser kept for a board, for every invite of it kept here:
 * its device copy and records, and also its "Not saved" list (changes the server refused) and
 * its lost-edit notices, which Forget left in localStorage with no page left to show or
 * dismiss them. Eddie loses a note to Lea's removal of its evidence item (a notice, under his
 * first invite), has an offline rationale refused once that invite is revoked (the list), and
 * comes back with a new invite before he forgets the board.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addClaim, addEvidence, moveCard, removeEvidence } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import {
  addClaim as addClaimOnPage,
  card,
  closeCard,
  openBoard,
  openCard,
  status,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIM = 'The ferry carries 2,000 people a day';
const URL = 'https://example.org/timetable';

/** Every localStorage key and IndexedDB database of this origin that names the board. */
const keptFor = (page: Page, boardId: string) =>
  page.evaluate(async (id) => {
    const keys = Object.keys(localStorage).filter((k) => k.includes(id));
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    return [...keys, ...databases.filter((name) => name.includes(id))].sort();
  }, boardId);

describe.skipIf(!RUN)('Forget', () => {
  const { server, browser } = useBoardBrowser();
  let lea: TestClient | undefined;
  afterAll(() => lea?.destroy());

  it('leaves nothing of the board in storage: not its Not saved list nor its lost-edit notices, of any invite', async () => {
    const board = await server.createBoard('Forget desk', 'Lea');
    lea = server.connect(board.id, board.leadToken);
    await lea.synced();
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('dialog', (prompt) => void prompt.accept());
    await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    const firstInvite = await page.evaluate(
      (id) =>
        (
          JSON.parse(localStorage.getItem('factboard.boards') ?? '{}') as Record<
            string,
            { inviteId: string }
          >
        )[id]?.inviteId,
      board.id,
    );
    expect(firstInvite).toBeTruthy();

    const cardId = addClaim(lea.doc, { claim: CLAIM }, lea.as);
    moveCard(lea.doc, cardId, { column: 'corroborated', index: 0 }, lea.as);
    const evidenceId = addEvidence(
      lea.doc,
      cardId,
      { url: URL, quote: 'In the timetable', stance: 'supports', note: 'Lea’s note' },
      lea.as,
    );
    await lea.allSaved();
    await card(page, CLAIM).waitFor();

    // A lost edit: Eddie's note, written offline, on an item Lea removes meanwhile.
    let dialog = await openCard(page, CLAIM);
    await context.setOffline(true);
    await expect.poll(() => status(page).textContent()).toMatch(/^Offline/);
    await dialog.getByRole('button', { name: /^Edit evidence from/ }).click();
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('Eddie: not in the timetable');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await dialog.getByRole('button', { name: 'Save evidence' }).waitFor({ state: 'detached' });
    await closeCard(page);
    removeEvidence(lea.doc, cardId, evidenceId, lea.as);
    await lea.allSaved();
    await context.setOffline(false);
    await waitSaved(page, 20_000);
    await page.locator('.lost-edits li').filter({ hasText: URL }).waitFor();

    // A refused change: a rationale written offline, the invite revoked before it is sent.
    await context.setOffline(true);
    dialog = await openCard(page, CLAIM);
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Offline: the audit, page 12.');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await closeCard(page);
    await expect
      .poll(() => status(page).textContent())
      .toBe('Offline: changes kept on this device');
    await server.revoke(board, 'Eddie');
    await context.setOffline(false);
    await expect
      .poll(() => status(page).textContent(), { timeout: 15_000 })
      .toContain('Lea (lead) revoked your invite at ');
    await page.getByRole('region', { name: 'Not saved' }).waitFor();

    // Back with a new invite: the first one's notices stay under it.
    await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
    const kept = await keptFor(page, board.id);
    expect(kept).toContain(`factboard.set-aside.${board.id}`);
    expect(kept).toContain(`factboard.lost-edits.${board.id}.${firstInvite}`);
    expect(kept).toContain(`factboard-${board.id}`);

    await page.getByRole('link', { name: /Boards/ }).click();
    await page
      .getByRole('region', { name: 'Your boards' })
      .getByRole('button', { name: 'Forget Forget desk' })
      .click();
    await expect.poll(() => keptFor(page, board.id)).toEqual([]);
    await context.close();
  }, 120_000);

  it('is not undone by another tab still showing the board: it works on from the server and keeps nothing', async () => {
    const board = await server.createBoard('Forget in a tab', 'Lea');
    const context = await browser.newContext();
    const start = await context.newPage();
    const tab = await context.newPage();
    for (const p of [start, tab]) {
      p.setDefaultTimeout(10_000);
      p.on('dialog', (prompt) => void prompt.accept());
    }
    await openBoard(tab, await server.invite(board, 'Eddie', 'editor'));
    await addClaimOnPage(tab, 'Before the Forget');
    await waitSaved(tab);
    expect(await keptFor(tab, board.id)).toContain(`factboard-${board.id}`);

    await start.goto(server.url);
    await start
      .getByRole('region', { name: 'Your boards' })
      .getByRole('button', { name: 'Forget Forget in a tab' })
      .click();
    await expect.poll(() => keptFor(start, board.id)).toEqual([]);

    // The tab says what became of its board, and goes on working from the server.
    await tab
      .getByText(
        'This board was forgotten in this browser: this tab keeps working from the server and keeps nothing on this device',
        { exact: false },
      )
      .waitFor();
    await addClaimOnPage(tab, 'After the Forget');
    await waitSaved(tab);
    await card(tab, 'Before the Forget').waitFor();
    expect(await keptFor(start, board.id)).toEqual([]);
    // Whatever its unload would write (when it was last seen) is not kept either.
    await tab.close();
    expect(await keptFor(start, board.id)).toEqual([]);
    await context.close();
  }, 120_000);
});
