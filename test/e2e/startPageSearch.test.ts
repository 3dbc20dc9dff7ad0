/**
 * "Your boards" with 54 boards: a lead finds one by typing part of its title or its role, case
 * and accents not counting; the count of boards shown is a live region ("1 of 54 boards"), a
 * search that matches none says so, and the board found opens from the keyboard.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('searching the start page', () => {
  const { server, browser } = useBoardBrowser();

  it('finds a board among 54 by title or role, says how many, and says when none', async () => {
    const page = await (await browser.newContext()).newPage();
    // Two opened from their links, as a person does; the other 52 this browser knows too.
    const found = await server.createBoard('Presupuesto de Educación 2027', 'Lea');
    const other = await server.createBoard('Harbour deal', 'Lea');
    const reviewerLink = await server.invite(other, 'Rita', 'reviewer');
    await openBoard(page, found.leadUrl);
    await openBoard(page, reviewerLink);
    const more = await Promise.all(
      Array.from({ length: 52 }, (_, i) => server.createBoard(`Desk story ${i + 1}`, 'Lea')),
    );
    await page.evaluate(
      (boards) => {
        const known = JSON.parse(localStorage.getItem('factboard.boards') ?? '{}') as object;
        const added = Object.fromEntries(
          boards.map((b, i) => [
            b.id,
            { ...b, role: 'lead', inviteId: `i${i}`, inviteName: 'Lea', openedAt: i },
          ]),
        );
        localStorage.setItem('factboard.boards', JSON.stringify({ ...known, ...added }));
      },
      more.map((b, i) => ({ id: b.id, token: b.leadToken, title: `Desk story ${i + 1}` })),
    );
    await page.goto(`${server.url}/`);

    const list = page.getByRole('region', { name: 'Your boards' });
    const boards = list.getByRole('listitem');
    const count = list.getByRole('status');
    await expect.poll(() => boards.count()).toBe(54);
    expect(await count.textContent()).toBe('54 boards');

    // By keyboard from the heading: the search is the next stop.
    await page.getByRole('heading', { name: 'Factboard', level: 1 }).focus();
    const search = list.getByRole('searchbox', { name: 'Find a board' });
    for (let tabs = 0; tabs < 10; tabs++) {
      await page.keyboard.press('Tab');
      if (await search.evaluate((el) => el === document.activeElement)) break;
    }
    await page.keyboard.type('EDUCACION');
    await expect
      .poll(() => boards.allTextContents())
      .toEqual([expect.stringContaining('Presupuesto de Educación 2027')]);
    expect(await count.textContent()).toBe('1 of 54 boards');
    expect(await search.getAttribute('aria-describedby')).toBe(await count.getAttribute('id'));

    // The found board opens from the keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/b/${found.id}`);
    await page.goBack();

    const search2 = page.getByRole('searchbox', { name: 'Find a board' });
    await search2.fill('reviewer');
    await expect
      .poll(() => boards.allTextContents())
      .toEqual([expect.stringContaining('Harbour deal')]);
    await search2.fill('story 1');
    // Every word anywhere: "Desk story 1", 10 to 19, 21, 31, 41 and 51.
    await expect.poll(() => count.textContent()).toBe('15 of 54 boards');

    await search2.fill('budget');
    await expect.poll(() => count.textContent()).toBe('0 of 54 boards');
    expect(await boards.count()).toBe(0);
    expect(await list.getByText(/No board matches “budget”/).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Escape empties a search box: the whole list again.
    await search2.press('Escape');
    await expect.poll(() => boards.count()).toBe(54);
    expect(await count.textContent()).toBe('54 boards');
  }, 90_000);
});
