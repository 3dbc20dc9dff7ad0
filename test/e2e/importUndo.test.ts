/**
 * "Undo import" in the Import article dialog: an import is the server's write, so Ctrl+Z
 * cannot take it back; the dialog's button removes the article just added with the cards
 * nobody worked on yet, and the board's notice brings them back. Built app, real server,
 * headless Chromium, from the keyboard.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { moveCard } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import { column, openBoard } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const ARTICLE = [
  'The ministry said prison deaths rose to 261 in 2023.',
  'Officials reported that 80,000 people were detained under the emergency regime.',
  'The budget for prisons grew by 40 percent in two years, according to the treasury.',
].join(' ');

describe.skipIf(!RUN)('undoing an import', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;

  const dialog = () => page.getByRole('dialog', { name: 'Import article' });
  const notice = () => page.getByRole('group', { name: 'Notice' });
  const unverified = () => column(page, 'Unverified').getByRole('listitem');
  const cards = (n: number) => `${n} ${n === 1 ? 'card' : 'cards'}`;
  /** The board as stored: its articles and card ids, by the JSON export. */
  const stored = async (b: { id: string; leadToken: string }) => {
    const body = await server.exportJson(b);
    return [body.articles.length, body.cards.length];
  };

  /** Imports ARTICLE through the dialog, from the keyboard, and waits for its cards. */
  const importArticle = async (): Promise<number> => {
    await page.getByRole('button', { name: 'Import article' }).focus();
    await page.keyboard.press('Enter');
    await dialog().getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog().getByRole('status').textContent()).toMatch(/became cards/);
    const made = Number(
      /(\d+) claims became/.exec((await dialog().getByRole('status').textContent()) ?? '')?.[1],
    );
    await expect.poll(() => unverified().count()).toBe(made);
    return made;
  };

  beforeAll(async () => {
    board = await server.createBoard('Prison watch', 'Ana');
    const editorUrl = await server.invite(board, 'Ed', 'editor');
    page = await openBoardPage(browser, editorUrl);
  }, 120_000);

  it('removes the article and its cards, and the notice brings them back', async () => {
    const made = await importArticle();
    expect(made).toBeGreaterThan(1);
    const undo = dialog().getByRole('button', { name: 'Undo import' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => unverified().count()).toBe(0);
    await expect
      .poll(() => notice().textContent())
      .toMatch(
        new RegExp(`^Import undone: “The ministry said .+” removed with ${cards(made)}Undo`),
      );
    // Stored: the server's board has neither the article nor its cards.
    await expect.poll(() => stored(board)).toEqual([0, 0]);

    await notice().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => unverified().count()).toBe(made);
    await expect.poll(() => stored(board)).toEqual([1, made]);
  });

  it('keeps a card a colleague already worked on, and says so', async () => {
    // The earlier test's article is back on the board: this import of it adds nothing, and
    // says how many cards come from it (the answer's existingCards, not its cards: none).
    const [, had] = await stored(board);
    await page.getByRole('button', { name: 'Import article' }).click();
    await dialog().getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
    await dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('status').textContent())
      .toBe(
        `This article is already on the board: nothing was added (${cards(had!)} come from it).`,
      );
    expect(await dialog().getByRole('button', { name: 'Undo import' }).count()).toBe(0);
    await dialog().getByRole('button', { name: 'Done' }).click();

    // A fresh board for a fresh import.
    const other = await server.createBoard('Budget watch', 'Ana');
    await openBoard(page, await server.invite(other, 'Ed', 'editor'));
    const made = await importArticle();
    const worked = (await unverified().first().getAttribute('data-card-id')) as string;
    await server.change(other.id, (doc) =>
      moveCard(
        doc,
        worked,
        { column: 'disputed', index: 0 },
        { actor: { id: 'lea', name: 'Lea' } },
      ),
    );
    await expect.poll(() => column(page, 'Disputed').getByRole('listitem').count()).toBe(1);

    await dialog().getByRole('button', { name: 'Undo import' }).click();
    await expect
      .poll(() => notice().textContent())
      .toContain(`removed with ${cards(made - 1)}; 1 card stays: a colleague worked on it`);
    await expect.poll(() => unverified().count()).toBe(0);
    expect(await column(page, 'Disputed').locator(`li[data-card-id="${worked}"]`).count()).toBe(1);
    await expect.poll(() => stored(other)).toEqual([0, 1]);
  });
});
