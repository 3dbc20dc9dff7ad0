/**
 * The board in two browsers (issue 3): the built app in headless Chromium against the real
 * server, driven by role and accessible name. A is the board's lead, B an editor, C a viewer.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  card,
  column,
  type ColumnName,
  columnsOf,
  expectCardIn,
  keyboardMove,
  latestActivity,
  moveTo,
  openBoard,
  openCard,
  status,
  waitSaved,
  reloadAnsweringLeave,
  recordStatusVoice,
  statusSaid,
  announced,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { EARLIER_WORK_SAVED } from '../../client/board/useEarlierWorkSaved';
import { editCard, moveCard, readBoard, setVerdict } from '../../shared/board';

/** A card's accessible name, as a screen reader reads it. */
async function nameOf(page: Page, claim: string): Promise<string> {
  return card(page, claim).evaluate((el) =>
    (el.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The claims of a column, top to bottom. */
const claimsIn = (page: Page, name: ColumnName) =>
  column(page, name).getByRole('listitem').locator('.claim').allTextContents();

// Skipped only on a machine without Chromium, with a loud warning (and never in CI: it throws).
const RUN = chromiumAvailable();

describe.skipIf(!RUN)('the board in the browser', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let a: Page;
  let b: Page;

  /**
   * Someone on a y-websocket client with the invite `token`, once the card just added on a's
   * page has reached them: it may not have reached the server as they synced (CI: "no card …").
   */
  async function colleagueWith(cardId: string, token: string) {
    const client = server.connect(board.id, token);
    await client.synced();
    await expect.poll(() => readBoard(client.doc).cards[cardId] !== undefined).toBe(true);
    return client;
  }

  beforeAll(async () => {
    board = await server.createBoard('Debate night', 'Ana');
    const editorUrl = await server.invite(board, 'Bo', 'editor');
    [contextA, contextB] = await Promise.all([browser.newContext(), browser.newContext()]);
    [a, b] = await Promise.all([contextA.newPage(), contextB.newPage()]);
    await Promise.all([openBoard(a, board.leadUrl), openBoard(b, editorUrl)]);
  }, 120_000);

  it('keeps the invite token out of the address bar and shows the three columns', async () => {
    expect(a.url()).toBe(`${server.url}/b/${board.id}`);
    expect(b.url()).not.toContain('invite');
    for (const name of ['Unverified', 'Corroborated', 'Disputed'] as const) {
      await column(a, name).waitFor();
    }
    await expect
      .poll(() => a.getByRole('heading', { level: 1 }).textContent())
      .toBe('Debate night');
  });

  it('A adds a claim and B sees it', async () => {
    // Every save shows on the pill but is not read out: "Saving…" each time would drown the
    // rest. The pill's live region says nothing while the claim is added and saved.
    await recordStatusVoice(a);
    await addClaim(a, 'Unemployment fell to 3.9% in March');
    await expectCardIn(b, 'Unemployment fell to 3.9% in March', 'Unverified');
    await waitSaved(a);
    expect(await statusSaid(a)).toEqual([]);
  });

  it('B moves it to Corroborated with the keyboard and A sees it there', async () => {
    await keyboardMove(b, 'Unemployment fell to 3.9% in March', ['ArrowRight']);
    await expectCardIn(b, 'Unemployment fell to 3.9% in March', 'Corroborated');
    await expect
      .poll(() => announced(b))
      .toBe(
        'Moved Unemployment fell to 3.9% in March from Unverified to Corroborated, position 1 of 1.',
      );
    await expectCardIn(a, 'Unemployment fell to 3.9% in March', 'Corroborated');
  });

  it('Escape puts a card in hand back where it was', async () => {
    await keyboardMove(b, 'Unemployment fell to 3.9% in March', []); // settle focus
    await card(b, 'Unemployment fell to 3.9% in March').focus();
    await b.keyboard.press('Space');
    await b.keyboard.press('ArrowRight');
    await b.keyboard.press('Escape');
    await expectCardIn(b, 'Unemployment fell to 3.9% in March', 'Corroborated');
    await expect.poll(() => b.getByTestId('announcer').textContent()).toMatch(/^Move cancelled/);
  });

  it('a colleague who moves the card in hand is announced, and Escape leaves it there', async () => {
    const claim = 'The port handled 4 million containers';
    await addClaim(a, claim);
    await expectCardIn(b, claim, 'Unverified');
    await card(b, claim).focus();
    await b.keyboard.press('Space');
    await b.keyboard.press('ArrowRight');
    await moveTo(a, claim, 'Disputed');
    await expect
      .poll(() => b.getByTestId('announcer').textContent(), { timeout: 10_000 })
      .toContain(`Ana moved ${claim} from Unverified to Disputed while you held it.`);
    await b.keyboard.press('Escape');
    await expect
      .poll(() => b.getByTestId('announcer').textContent())
      .toMatch(new RegExp(`^Move cancelled\\. ${claim} is back in Disputed`));
    await expectCardIn(b, claim, 'Disputed');
  });

  it('both move the same card at once and both end with it in one column', async () => {
    const claim = 'The bridge cost twice its budget';
    await addClaim(a, claim);
    await expectCardIn(b, claim, 'Unverified');
    await waitSaved(a);
    await waitSaved(b);
    // Offline, neither sees the other's move: a true conflict once both reconnect.
    await Promise.all([contextA.setOffline(true), contextB.setOffline(true)]);
    await Promise.all([moveTo(a, claim, 'Disputed'), keyboardMove(b, claim, ['ArrowRight'])]);
    await expectCardIn(a, claim, 'Disputed');
    await expectCardIn(b, claim, 'Corroborated');
    await Promise.all([contextA.setOffline(false), contextB.setOffline(false)]);
    await Promise.all([waitSaved(a, 15_000), waitSaved(b, 15_000)]);
    await expect
      .poll(async () => {
        const [inA, inB] = await Promise.all([columnsOf(a, claim), columnsOf(b, claim)]);
        return inA.length === 1 && inA.join() === inB.join();
      })
      .toBe(true);
    // The one whose move lost is told, with "Restore mine"; the other is not.
    const [where] = await columnsOf(a, claim);
    const [loser, winner, mine] =
      where === 'Disputed' ? [b, a, 'Corroborated'] : [a, b, 'Disputed'];
    const notice = loser.locator('.lost-edits li').filter({ hasText: claim });
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toMatch(
        new RegExp(
          `also moved .*, without seeing yours, and that move was kept: it is in ${where}\\. You had moved it to ${mine}\\.`,
        ),
      );
    expect(await winner.locator('.lost-edits li').filter({ hasText: claim }).count()).toBe(0);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('A works offline, reloads, comes back online, and B receives every change', async () => {
    await addClaim(a, 'Crime rose 40% last year');
    await addClaim(a, 'Exports doubled since 2020');
    await waitSaved(a);
    await expectCardIn(b, 'Exports doubled since 2020', 'Unverified');
    // The offline shell must be installed before the network goes.
    await a.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 10_000,
    });

    await recordStatusVoice(a);
    await contextA.setOffline(true);
    await expect.poll(() => status(a).textContent()).toMatch(/^Offline/);
    await moveTo(a, 'Crime rose 40% last year', 'Disputed');
    await card(a, 'Exports doubled since 2020').getByRole('button', { name: 'Edit claim' }).click();
    await a.getByRole('textbox', { name: 'Claim text' }).fill('Exports tripled since 2020');
    await a.keyboard.press('Enter');
    await expect.poll(() => status(a).textContent()).toBe('Offline: changes kept on this device');
    // Read out, as going offline matters; an ordinary save is not (see 'A adds a claim'). Each
    // once: every offline change flips the words between "keeping…" and "kept".
    await expect
      .poll(() => statusSaid(a))
      .toEqual(['Offline', 'Offline: changes kept on this device']);

    // Leaving with unsaved changes asks first; the test answers "leave".
    expect(await reloadAnsweringLeave(a)).toEqual(['beforeunload']);
    await expectCardIn(a, 'Crime rose 40% last year', 'Disputed');
    await expectCardIn(a, 'Exports tripled since 2020', 'Unverified');
    await expect.poll(() => status(a).textContent()).toMatch(/^Offline/);
    await expectCardIn(b, 'Crime rose 40% last year', 'Unverified');

    await contextA.setOffline(false);
    await waitSaved(a, 15_000);
    // Said once stored: this page did nothing, the changes are the page before's.
    await expect.poll(() => a.locator('.toast').textContent()).toContain(EARLIER_WORK_SAVED);
    await expect.poll(() => announced(a)).toBe(EARLIER_WORK_SAVED);
    await expectCardIn(b, 'Crime rose 40% last year', 'Disputed');
    await expectCardIn(b, 'Exports tripled since 2020', 'Unverified');
    expect(await card(b, 'Exports doubled since 2020').count()).toBe(0);
  });

  it('a tab closed offline leaves its changes to the other tab of the board, which sends them', async () => {
    const claim = 'Rents rose 9% in the capital';
    await addClaim(a, claim);
    await waitSaved(a);
    await expectCardIn(b, claim, 'Unverified');
    const second = await contextA.newPage();
    await openBoard(second, a.url());
    await contextA.setOffline(true);
    await expect.poll(() => status(second).textContent()).toMatch(/^Offline/);
    await moveTo(second, claim, 'Disputed');
    await expect
      .poll(() => status(second).textContent())
      .toBe('Offline: changes kept on this device');
    // Closed before the network returns: only IndexedDB holds the move now.
    await second.close();
    await contextA.setOffline(false);
    await expectCardIn(b, claim, 'Disputed', 15_000);
    await expectCardIn(a, claim, 'Disputed');
    await waitSaved(a);
  });

  it('with a card open, the status pill is heard through the dialog', async () => {
    const claim = 'Ferries ran 40 times a day';
    await addClaim(b, claim);
    await waitSaved(b);
    await openCard(b, claim);
    // The page behind a modal dialog is inert, the pill's live region with it.
    await contextB.setOffline(true);
    await expect.poll(() => announced(b)).toBe('Offline');
    await contextB.setOffline(false);
    await expect.poll(() => announced(b), { timeout: 15_000 }).toBe('All changes saved');
    await b.keyboard.press('Escape');
    await b.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('a tab cut off alone hands what it keeps to the connected tab beside it, which sends it', async () => {
    const claim = 'Bus fares fell by a third';
    await addClaim(a, claim);
    await expectCardIn(b, claim, 'Unverified');
    const second = await contextA.newPage();
    await openBoard(second, a.url());
    // Only this tab loses the network (the other stays connected): as when it has not yet
    // reconnected after a server restart that the other one has.
    const cdp = await contextA.newCDPSession(second);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await expect.poll(() => status(second).textContent()).toMatch(/^Offline/);
    await moveTo(second, claim, 'Corroborated');
    await expect
      .poll(() => status(second).textContent())
      .toBe('Offline: changes kept on this device');
    // The connected tab sends it on, with no reload and before the cut-off tab is back.
    await expectCardIn(b, claim, 'Corroborated', 15_000);
    await expectCardIn(a, claim, 'Corroborated');
    await waitSaved(a);
    await second.close();
  });

  it('a reconnect reads nothing back from the device copy when no other tab left work there', async () => {
    const page = await contextA.newPage();
    // Counts reads of y-indexeddb's update records, each of which the page would apply again.
    await page.addInitScript(() => {
      const w = window as unknown as { recordReads: number };
      w.recordReads = 0;
      const getAll = IDBObjectStore.prototype.getAll;
      IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args) {
        if (this.name === 'updates') w.recordReads++;
        return getAll.apply(this, args);
      };
    });
    // The invite token goes as a subprotocol, not in the socket's URL, which Chromium prints to
    // the console on every failed connection (the reconnect below makes some).
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await openBoard(page, a.url());
    await waitSaved(page);
    await addClaim(page, 'Water bills rose 12%');
    await waitSaved(page);
    const reads = () =>
      page.evaluate(() => (window as unknown as { recordReads: number }).recordReads);
    const before = await reads();
    const cdp = await contextA.newCDPSession(page);
    await cdp.send('Network.enable');
    const offline = (yes: boolean) =>
      cdp.send('Network.emulateNetworkConditions', {
        offline: yes,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    await offline(true);
    await expect.poll(() => status(page).textContent()).toMatch(/^Offline/);
    await offline(false);
    await waitSaved(page, 15_000);
    expect(await reads()).toBe(before);
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets.filter((url) => url.includes('token'))).toEqual([]);
    await page.close();
  });

  it("A undoes its own move while B's later edit stays", async () => {
    const claim = 'Turnout was a record 72%';
    await addClaim(a, claim);
    await expectCardIn(b, claim, 'Unverified');
    await keyboardMove(a, claim, ['ArrowRight', 'ArrowRight']);
    await expectCardIn(b, claim, 'Disputed');

    await card(b, claim).getByRole('button', { name: 'Edit claim' }).click();
    await b.getByRole('textbox', { name: 'Claim text' }).fill('Turnout was 68%, not a record');
    await b.keyboard.press('Enter');
    await expectCardIn(a, 'Turnout was 68%, not a record', 'Disputed');

    await a.getByRole('button', { name: 'Undo' }).click();
    await expectCardIn(a, 'Turnout was 68%, not a record', 'Unverified');
    await expectCardIn(b, 'Turnout was 68%, not a record', 'Unverified');
    // Screen readers hear what was undone, not only that something was.
    expect(await a.getByTestId('announcer').textContent()).toMatch(
      /^Undone: the move of “Turnout was 68%, not a record” \(back to Unverified, position \d+ of \d+\)\./,
    );
    // Undo again goes further back in A's own history only, to the card A added: B has worked
    // on it since (its claim), so it stays, B's edit with it, and A hears why.
    await a.keyboard.press('Control+z');
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toMatch(
        /^Nothing undone: Bo has worked on “Turnout was 68%, not a record” since you added it/,
      );
    await expectCardIn(b, 'Turnout was 68%, not a record', 'Unverified');
  });

  it('shows who has a card open or in hand', async () => {
    const claim = 'Rents rose 12% in a year';
    await addClaim(a, claim);
    await card(b, claim)
      .getByRole('button', { name: /^Open:/ })
      .click();
    const dialog = b.getByRole('dialog', { name: claim });
    await dialog.waitFor();
    await expect.poll(() => nameOf(a, claim)).toContain('open by Bo');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => nameOf(a, claim)).not.toContain('open by Bo');
    // A card in B's hand shows on A's screen while B carries it.
    await card(b, claim).focus();
    await b.keyboard.press('Space');
    await expect.poll(() => nameOf(a, claim)).toContain('moved by Bo');
    await b.keyboard.press('Escape');
    await expect.poll(() => nameOf(a, claim)).not.toContain('moved by Bo');
  });

  it('moves a card with the mouse: it lands where it is dropped', async () => {
    const first = 'Mouse target: the first disputed card';
    const moving = 'Mouse move: wages grew 5%';
    await addClaim(a, first);
    await moveTo(a, first, 'Disputed');
    await addClaim(a, moving);
    await expectCardIn(a, first, 'Disputed');
    const from = await card(a, moving).locator('.claim').boundingBox();
    const to = await card(column(a, 'Disputed'), first).boundingBox();
    if (!from || !to) throw new Error('cards not on screen');
    await a.mouse.move(from.x + 20, from.y + 8);
    await a.mouse.down();
    // dnd-kit starts a drag after 6 px; move in steps as a hand would.
    await a.mouse.move(from.x + 40, from.y + 20, { steps: 5 });
    await a.mouse.move(to.x + 40, to.y + 5, { steps: 15 });
    await a.mouse.move(to.x + 42, to.y + 4, { steps: 3 });
    await a.mouse.up();
    await expectCardIn(a, moving, 'Disputed');
    await expectCardIn(b, moving, 'Disputed');
    // Dropped on the top half of the target card: it now sits right above it, on both screens.
    for (const page of [a, b]) {
      await expect
        .poll(async () => {
          const order = await claimsIn(page, 'Disputed');
          return order.indexOf(first) - order.indexOf(moving);
        })
        .toBe(1);
    }
  });

  it('deletes a card and brings it back with Undo', async () => {
    const claim = 'A claim to delete';
    await addClaim(a, claim);
    await expectCardIn(b, claim, 'Unverified');
    // With a side panel open, the notice and its Undo stay on top of it (at this width the
    // panel covered the Undo button once).
    const viewport = a.viewportSize();
    await a.setViewportSize({ width: 1100, height: 800 });
    await a.getByRole('button', { name: 'Activity' }).click();
    await card(a, claim).getByRole('button', { name: 'Delete card' }).click();
    await expect.poll(() => card(b, claim).count()).toBe(0);
    await a
      .getByRole('group', { name: 'Notice' })
      .filter({ hasText: 'Card deleted' })
      .getByRole('button', { name: 'Undo' })
      .click({ timeout: 5_000 });
    await expectCardIn(b, claim, 'Unverified');
    await a.getByRole('button', { name: 'Close activity' }).click();
    if (viewport) await a.setViewportSize(viewport);
  });

  it('keeps a notice while keyboard focus or the pointer is on it, and lets it go after', async () => {
    // The page's clock is Playwright's, so the test jumps over the notice's 8 s instead of waiting.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await openBoard(page, board.leadUrl);
    const claim = 'Turnout fell to 41 percent';
    await addClaim(page, claim);
    await card(page, claim).getByRole('button', { name: 'Delete card' }).click();
    const notice = page.getByRole('group', { name: 'Notice' }).filter({ hasText: 'Card deleted' });
    const undo = notice.getByRole('button', { name: 'Undo' });
    await undo.focus();
    await page.clock.fastForward(20_000);
    expect(await notice.count()).toBe(1);
    // Focus leaves: the notice goes 8 s later.
    await page.getByRole('searchbox', { name: 'Search cards' }).focus();
    await page.clock.fastForward(9_000);
    await expect.poll(() => notice.count()).toBe(0);

    // The pointer on a notice holds it too.
    await addClaim(page, claim);
    await card(page, claim).getByRole('button', { name: 'Delete card' }).click();
    await notice.hover();
    await page.clock.fastForward(20_000);
    expect(await notice.count()).toBe(1);
    // Undo from the notice brings the card back, and focus returns to where it was.
    await page.getByRole('searchbox', { name: 'Search cards' }).focus();
    await undo.focus();
    await page.keyboard.press('Enter');
    await card(page, claim).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search cards');
    await context.close();
  });

  it("restores a colleague's deleted card from the Activity feed, for everyone", async () => {
    const claim = 'Turnout reached 68 percent';
    await addClaim(a, claim);
    await expectCardIn(b, claim, 'Unverified');
    await card(b, claim).getByRole('combobox', { name: 'Move to…' }).selectOption('Disputed');
    await expectCardIn(a, claim, 'Disputed');
    await card(b, claim).getByRole('button', { name: 'Delete card' }).click();
    await expect.poll(() => card(a, claim).count()).toBe(0);

    await a.getByRole('button', { name: 'Activity' }).click();
    const feed = a.getByRole('region', { name: 'Activity' });
    // The board narrows beside the panel: none of its tools is left in the tab order under it.
    const panelLeft = await feed.evaluate((el) => el.getBoundingClientRect().left);
    for (const name of [/^For me/, /^Keyboard shortcuts$/, /^Compact cards$/]) {
      const box = await a.getByRole('button', { name }).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(panelLeft);
    }
    const restore = feed.getByRole('button', { name: `Restore card: ${claim}` });
    await restore.click();
    await expectCardIn(b, claim, 'Disputed');
    await expectCardIn(a, claim, 'Disputed');
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toMatch(new RegExp(`^Card restored to Disputed: ${claim}`));
    // The entry keeps the focus, and now opens the card instead of offering to restore it.
    await expect
      .poll(() => a.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Bo deleted the card/);
    expect(await restore.count()).toBe(0);
    await expect
      .poll(() => latestActivity(feed).textContent())
      .toMatch(/^Ana restored the card to Disputed/);
    // Opened from the feed, the card's dialog gives focus back to the feed when it closes.
    const opener = feed
      .getByRole('listitem')
      .filter({ hasText: 'Bo deleted the card' })
      .getByRole('button', { name: claim });
    await opener.focus();
    await a.keyboard.press('Enter');
    const dialog = a.getByRole('dialog');
    await dialog.waitFor({ timeout: 5_000 });
    await a.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    await feed.getByRole('button', { name: 'Close activity' }).click();
  });

  it('the Activity feed shows changes made offline once they are stored, without a reload', async () => {
    const claim = 'Hospital beds fell by 300';
    await addClaim(a, claim);
    await waitSaved(a);
    await a.getByRole('button', { name: 'Activity' }).click();
    const feed = a.getByRole('region', { name: 'Activity' });
    await expect.poll(() => latestActivity(feed).textContent()).toMatch(/^Ana added/);
    await contextA.setOffline(true);
    await expect.poll(() => status(a).textContent()).toMatch(/^Offline/);
    await moveTo(a, claim, 'Disputed');
    // Long enough for the feed's own refreshes after the move to have failed offline.
    await a.waitForTimeout(3_000);
    await contextA.setOffline(false);
    await waitSaved(a, 15_000);
    await expect
      .poll(() => latestActivity(feed).textContent(), { timeout: 10_000 })
      .toMatch(/^Ana moved the card from Unverified to Disputed/);
    await feed.getByRole('button', { name: 'Close activity' }).click();
  });

  it('arrow keys go from card to card, Home and End to a column’s ends, without moving any', async () => {
    for (const claim of ['Fares rose 5%', 'Fares rose 6%', 'Fares rose 7%', 'Fares rose 8%']) {
      await addClaim(a, claim);
    }
    await moveTo(a, 'Fares rose 8%', 'Disputed');
    const announcer = a.getByTestId('announcer');
    const announced = await announcer.textContent();
    const focused = () =>
      a.evaluate(() => {
        const li = document.activeElement as HTMLElement | null;
        return {
          index: Number(li?.getAttribute('data-index')),
          size: Number(li?.getAttribute('aria-setsize')),
          column: li?.closest('section, [role="region"]')?.getAttribute('aria-labelledby') ?? '',
          id: li?.getAttribute('data-card-id'),
        };
      });
    const unverified = column(a, 'Unverified');
    await unverified.getByRole('listitem').first().focus();
    const start = await focused();
    expect(start.index).toBe(0);
    await a.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatchObject({ index: 1, column: start.column });
    await a.keyboard.press('ArrowUp');
    await expect.poll(focused).toMatchObject({ index: 0, id: start.id });
    // The last card of a long column is out of view at first: End brings it in and focuses it.
    await a.keyboard.press('End');
    await expect.poll(async () => (await focused()).index).toBe(start.size - 1);
    await a.keyboard.press('Home');
    await expect.poll(async () => (await focused()).id).toBe(start.id);
    await a.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focused()).column).not.toBe(start.column);
    await a.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await focused()).column).toBe(start.column);
    // On a narrow screen (or zoomed in) the columns scroll sideways to the focused card.
    const viewport = a.viewportSize();
    await a.setViewportSize({ width: 360, height: 720 });
    const inView = () =>
      a.evaluate(() => {
        const box = document.activeElement!.getBoundingClientRect();
        return box.left >= 0 && box.right <= window.innerWidth;
      });
    // Each key's move is awaited before the next key: a key pressed while the last move is
    // still under way starts from the card before it (ArrowLeft in Unverified: "Unverified is
    // the first column.").
    const moves: [string, (at: Awaited<ReturnType<typeof focused>>) => boolean][] = [
      ['End', (at) => at.index === start.size - 1],
      ['Home', (at) => at.id === start.id],
      ['ArrowRight', (at) => at.column !== start.column],
      ['ArrowLeft', (at) => at.id === start.id],
    ];
    for (const [key, arrived] of moves) {
      await a.keyboard.press(key);
      await expect.poll(async () => arrived(await focused())).toBe(true);
      await expect.poll(inView).toBe(true);
    }
    if (viewport) await a.setViewportSize(viewport);
    // Nothing was picked up or moved on the way.
    expect(await announcer.textContent()).toBe(announced);
    expect(await unverified.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(
      String(start.size),
    );
  });

  it('leaving with a claim typed and not yet added asks first', async () => {
    await a.locator('#new-claim').fill('Half a claim');
    expect(await reloadAnsweringLeave(a)).toEqual(['beforeunload']);
    await waitSaved(a);
  });

  it('on a phone the filters fold behind one button, and the columns start higher up', async () => {
    await addClaim(a, 'Bus fares rose 3%');
    const viewport = a.viewportSize();
    const speaker = a.getByRole('combobox', { name: 'Filter by speaker' });
    const toggle = a.getByRole('button', { name: /^Filters/ });
    expect(await toggle.isVisible()).toBe(false);
    expect(await speaker.isVisible()).toBe(true);
    await a.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => speaker.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // The column's top, not its first card: a column scrolled down by the earlier tests keeps its
    // cards where they are on screen when the filters open (useCardsStayPut).
    const unverified = column(a, 'Unverified');
    const folded = (await unverified.boundingBox())!.y;
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect((await unverified.boundingBox())!.y).toBeGreaterThan(folded + 40);
    await speaker.selectOption({ index: 1 }); // "No speaker"
    await expect.poll(() => toggle.textContent()).toBe('Filters (1)');
    await a.getByRole('button', { name: 'Clear filters' }).click();
    await toggle.click();
    await expect.poll(() => speaker.isVisible()).toBe(false);
    expect((await unverified.boundingBox())!.y).toBe(folded);
    if (viewport) await a.setViewportSize(viewport);
  });

  it('"Move to…" moves on Enter, not on the first arrow key; focus follows the card, and after a delete the next one', async () => {
    const first = 'Tariffs rose 12 percent';
    const older = 'Exports fell by a fifth';
    const second = 'Imports fell by a third';
    await addClaim(a, first);
    await addClaim(a, older);
    await addClaim(a, second);
    const firstId = await card(a, first).getAttribute('data-card-id');
    // B finds the card by searching: it is last in a long column, and B renders what is in view.
    const search = b.getByRole('searchbox', { name: 'Search cards' });
    await search.fill(first);
    const select = card(a, first).getByRole('combobox', { name: 'Move to…' });
    await select.focus();
    await a.keyboard.press('ArrowDown');
    await a.waitForTimeout(300);
    await expectCardIn(b, first, 'Unverified');
    await a.keyboard.press('Enter');
    await expectCardIn(b, first, 'Corroborated');
    await expect
      .poll(() => a.evaluate(() => document.activeElement?.getAttribute('data-card-id')))
      .toBe(firstId);
    expect(await announced(a)).toMatch(
      new RegExp(`^Moved ${first} from Unverified to Corroborated, position (\\d+) of \\1\\.$`),
    );

    // Deleting a card focuses its neighbour in the column: the claim added just before it.
    const next = await card(a, older).getAttribute('data-card-id');
    await card(a, second).getByRole('button', { name: 'Delete card' }).click();
    await expect
      .poll(() => a.evaluate(() => document.activeElement?.getAttribute('data-card-id')))
      .toBe(next);
    await search.fill('');
  });

  it('keeps focus on a card a colleague moves or deletes, and says so', async () => {
    const moved = 'Wages grew 4.1% in Quillby last year';
    const doomed = 'Rents doubled since 2015';
    const after = 'Fares rose twice in Quillby in 2023';
    for (const claim of [after, doomed, moved]) await addClaim(a, claim);
    // B finds each card by searching: the column is long by now, and renders only what is in view.
    const search = b.getByRole('searchbox', { name: 'Search cards' });
    await search.fill(moved);
    await expectCardIn(b, moved, 'Unverified');
    const focusedId = () => a.evaluate(() => document.activeElement?.getAttribute('data-card-id'));

    // B moves the card A has focused: focus follows it to its new column.
    const movedId = await card(a, moved).getAttribute('data-card-id');
    await card(a, moved).focus();
    await moveTo(b, moved, 'Disputed');
    await expectCardIn(a, moved, 'Disputed');
    await expect.poll(focusedId).toBe(movedId);
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain(`Bo moved ${moved} from Unverified to Disputed.`);

    // B deletes the card A has focused: focus goes to the card that took its place.
    const afterId = await card(a, after).getAttribute('data-card-id');
    await card(a, doomed).focus();
    await search.fill(doomed);
    await card(b, doomed).getByRole('button', { name: 'Delete card' }).click();
    await expect.poll(() => card(a, doomed).count()).toBe(0);
    await expect.poll(focusedId).toBe(afterId);
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain(`Bo deleted ${doomed}.`);

    // B deletes the last card of a column while A has it focused: focus goes to the first card
    // of the first column that shows one. A's search leaves the moved card alone in Disputed.
    await a.getByRole('searchbox', { name: 'Search cards' }).fill('Quillby');
    await expect.poll(() => column(a, 'Disputed').locator('li[data-card-id]').count()).toBe(1);
    await card(a, moved).focus();
    await search.fill(moved);
    await card(b, moved).getByRole('button', { name: 'Delete card' }).click();
    await expect.poll(() => card(a, moved).count()).toBe(0);
    await expect.poll(focusedId).toBe(afterId);
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain(`Bo deleted ${moved}.`);
    await search.fill('');
    await a.getByRole('searchbox', { name: 'Search cards' }).fill('');
  });

  it("says the verdict a colleague's move of the focused card set or cleared", async () => {
    const claim = 'Tolls fell in Quillby in 2022';
    await addClaim(a, claim);
    const id = (await card(a, claim).getAttribute('data-card-id'))!;
    // Dee, an editor on a y-websocket client.
    const dee = await colleagueWith(id, await server.invite(board, 'Dee', 'editor'));
    const focusedId = () => a.evaluate(() => document.activeElement?.getAttribute('data-card-id'));
    await card(a, claim).focus();
    // A verdict set while the card has focus, then a move it does not fit: the move clears it.
    setVerdict(dee.doc, id, 'Unproven', undefined, dee.as);
    await expect.poll(() => card(a, claim).textContent()).toContain('Unproven');
    moveCard(dee.doc, id, { column: 'disputed', index: 0 }, dee.as);
    await expectCardIn(a, claim, 'Disputed');
    await expect.poll(focusedId).toBe(id);
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain(`Dee moved ${claim} from Unverified to Disputed and cleared the verdict.`);
    moveCard(dee.doc, id, { column: 'corroborated', index: 0, verdict: 'True' }, dee.as);
    await expectCardIn(a, claim, 'Corroborated');
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain(`Dee moved ${claim} from Disputed to Corroborated and set the verdict to True.`);
    await dee.allSaved();
    dee.destroy();
  });

  // QA45: Ana's own move, made in another tab, was read to her as "Ana moved …", as if a
  // colleague of her name had moved it; a deletion from her other tab names nobody already.
  it('names nobody for a move of the focused card made by the same person elsewhere', async () => {
    const claim = 'Ferry fares rose 8% in Quillby in 2024';
    await addClaim(a, claim);
    const id = (await card(a, claim).getAttribute('data-card-id'))!;
    // Ana herself, on her lead link in another window (a y-websocket client).
    const elsewhere = await colleagueWith(id, board.leadToken);
    await card(a, claim).focus();
    moveCard(elsewhere.doc, id, { column: 'disputed', index: 0 }, elsewhere.as);
    await expectCardIn(a, claim, 'Disputed');
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain(`${claim} was moved from Unverified to Disputed.`);
    expect(await a.getByTestId('announcer').textContent()).not.toContain('Ana moved');
    await elsewhere.allSaved();
    elsewhere.destroy();
  });

  it("reads out a colleague's comment and move on the card one has open", async () => {
    const claim = 'Bus fares froze for 2 years';
    await addClaim(a, claim);
    const search = b.getByRole('searchbox', { name: 'Search cards' });
    await search.fill(claim);
    const mine = await openCard(a, claim);
    const theirs = await openCard(b, claim);
    await theirs.getByRole('textbox', { name: 'New comment' }).fill('The city says three years');
    await theirs.getByRole('button', { name: 'Post comment' }).click();
    // Told politely, in the dialog: the page behind a modal dialog is inert.
    const announcer = mine.getByTestId('card-news');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    // Once the colleague's changes pause (createNewsBatch).
    await expect
      .poll(() => announcer.textContent(), { timeout: 5_000 })
      .toContain('Bo commented: “The city says three years”.');
    await b.keyboard.press('Escape');
    await moveTo(b, claim, 'Disputed');
    await expect
      .poll(() => announcer.textContent(), { timeout: 5_000 })
      .toContain('Bo moved this card to Disputed.');
    await a.keyboard.press('Escape');
    await mine.waitFor({ state: 'detached' });
    await search.fill('');
  });

  it('searches and filters the board', async () => {
    await a.getByRole('searchbox', { name: 'Search cards' }).fill('unemployment');
    await expect
      .poll(() =>
        a
          .getByRole('listitem')
          .filter({ has: a.locator('.claim') })
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => column(a, 'Corroborated').getByRole('heading').textContent())
      .toMatch(/^Corroborated 1 of \d+ cards?$/);
    await a.getByRole('button', { name: 'Clear filters' }).click();
    // The button goes with the filters; focus goes to the search, not to the page.
    expect(await a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Search cards',
    );
    await a
      .getByRole('combobox', { name: 'Filter by verdict' })
      .selectOption({ label: 'No verdict' });
    expect(await card(a, 'Unemployment fell to 3.9% in March').count()).toBe(1);
    await a.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('a speaker chosen in the filter that a colleague renames meanwhile still shows in its menu', async () => {
    const claim = 'Ferry fares rose 9% in Quillby';
    await addClaim(a, claim);
    const id = (await card(a, claim).getAttribute('data-card-id'))!;
    const hal = await colleagueWith(id, await server.invite(board, 'Hal', 'editor'));
    editCard(hal.doc, id, { speaker: 'Harbour Board' }, hal.as);
    const speaker = a.getByRole('combobox', { name: 'Filter by speaker' });
    const shown = () => speaker.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    await expect
      .poll(() => speaker.locator('option', { hasText: 'Harbour Board' }).count())
      .toBe(1);
    await speaker.selectOption('Harbour Board');
    await expect.poll(() => card(a, claim).count()).toBe(1);
    // The card's speaker renamed: the filter still hides every card, and its menu says by what,
    // not "Any speaker".
    editCard(hal.doc, id, { speaker: 'Quillby Harbour Board' }, hal.as);
    await expect.poll(() => card(a, claim).count()).toBe(0);
    await expect.poll(shown).toBe('Harbour Board (on no card now)');
    await hal.allSaved();
    hal.destroy();
    await a.getByRole('button', { name: 'Clear filters' }).click();
    expect(await shown()).toBe('Any speaker');
  });

  // QA45: Create board turned disabled while it waited, which dropped focus to the page, so
  // a keyboard user whose board the server could not create was left at the top of it.
  it('keeps focus on Create board when the server cannot be reached', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dee');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Board title' }).fill('Budget speech');
    await page.route('**/api/boards', (route) => route.abort('connectionrefused'));
    const create = page.getByRole('button', { name: 'Create board' });
    await create.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'cannot be reached' }).waitFor();
    expect(await create.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.unroute('**/api/boards');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/b\/[^/#]+$/);
    await context.close();
  });

  it('a first visitor gives a name, creates a board as its lead and finds it on the start page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dee');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Focus goes on to the next step, not to the page.
    const titleBox = page.getByRole('textbox', { name: 'Board title' });
    await expect.poll(() => titleBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await titleBox.fill('Budget speech');
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.waitForURL(/\/b\/[^/#]+$/);
    await waitSaved(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Budget speech');
    // Focus is on the board's title, not left on the page, and the empty board says where
    // cards come from.
    const focused = () =>
      page.evaluate(
        () => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`,
      );
    await expect.poll(focused).toBe('H1 Budget speech');
    expect(await column(page, 'Unverified').textContent()).toContain(
      'No cards yet. Import an article (Import article, at the top) and its checkable claims become cards here, or type a claim in New claim above.',
    );
    expect(await page.getByText('Lead', { exact: true }).count()).toBe(1);
    await addClaim(page, 'The deficit halved in two years');
    // Added with the button: focus waits in the claim box for the next one.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-claim');
    // An edit ended with Enter leaves focus on its card.
    const added = card(page, 'The deficit halved in two years');
    await added.focus();
    await page.keyboard.press('e');
    await page.getByRole('textbox', { name: 'Claim text' }).fill('The deficit halved in 2 years');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-card-id')))
      .toBe(true);
    await page.getByRole('link', { name: /Boards/ }).click();
    await expect.poll(focused).toBe('H1 Factboard');
    await page.getByRole('link', { name: 'Budget speech' }).click();
    await card(page, 'The deficit halved in 2 years').waitFor();
    await expect.poll(focused).toBe('H1 Budget speech');
    await context.close();
  });

  it('the header’s Undo keeps focus when it takes the last step, and says when none is left', async () => {
    const desk = await server.createBoard('Undo desk', 'Uma');
    const context = await browser.newContext();
    const page = await context.newPage();
    await openBoard(page, desk.leadUrl);
    await addClaim(page, 'Ferry fares rose 20% in May');
    const undo = page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page, 'Ferry fares rose 20% in May').count()).toBe(0);
    // Disabled, the button dropped focus to the page, and the next Tab started from the top.
    expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await undo.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain('Nothing to undo.');
    await context.close();
  });

  it('a viewer sees the board read-only: no move, edit or add controls', async () => {
    const viewerUrl = await server.invite(board, 'Cy', 'viewer');
    const context = await browser.newContext();
    const c = await context.newPage();
    await openBoard(c, viewerUrl);
    const item = card(c, 'Unemployment fell to 3.9% in March');
    await item.waitFor();
    expect(await c.getByRole('combobox', { name: 'Move to…' }).count()).toBe(0);
    expect(await c.getByRole('button', { name: /^Pick up/ }).count()).toBe(0);
    expect(await c.getByRole('button', { name: 'Edit claim' }).count()).toBe(0);
    expect(await c.getByRole('button', { name: 'Delete card' }).count()).toBe(0);
    expect(await c.getByRole('textbox', { name: 'New claim' }).count()).toBe(0);
    // The keyboard cannot pick a card up either.
    await item.focus();
    await c.keyboard.press('Space');
    await c.keyboard.press('ArrowRight');
    await c.keyboard.press('Space');
    await expectCardIn(c, 'Unemployment fell to 3.9% in March', 'Corroborated');
    // Ctrl+Z says why there is nothing, not as if a step might come.
    await c.keyboard.press('Control+z');
    await expect
      .poll(() => c.getByTestId('announcer').textContent())
      .toContain('Nothing to undo: as a viewer you can read this board but not change it.');
    await context.close();
  });
});
