/**
 * A colleague's change to a card the person is checking, in the browser against the real
 * server: Edith takes a card; Lea moves it, takes it over, and Edith's board tells her in a
 * notice that screen readers hear, with a way to the card. A move of the card Edith has in
 * focus is said once, as focus follows the card, not a second time as a notice.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  announced,
  card,
  closeCard,
  expectCardIn,
  openCard,
  waitSaved,
} from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { assignCard, moveCard, readBoard } from '../../shared/board';

const RUN = chromiumAvailable();
const CLAIM = 'The ferry carried 2 million people in 2024';
const LEA = { id: 'lea-elsewhere', name: 'Lea' };

describe.skipIf(!RUN)('news of a card the person is checking', () => {
  const { server, browser } = useBoardBrowser();
  let edith: Page;
  let boardId: string;
  /** A change Lea makes on another device, reaching Edith through the server. */
  const asLea = (fn: (doc: Y.Doc, cardId: string) => void) =>
    server.change(boardId, (doc) => {
      const found = Object.values(readBoard(doc).cards).find((c) => c.claim === CLAIM);
      if (!found) throw new Error('no card');
      fn(doc, found.id);
    });
  const toast = () => edith.locator('.toast');

  beforeAll(async () => {
    const board = await server.createBoard('Ferry desk', 'Lea');
    boardId = board.id;
    edith = await openBoardPage(browser, await server.invite(board, 'Edith Reyes', 'editor'));
  }, 120_000);

  it('a colleague’s move of her card is told, heard, and opens the card', async () => {
    await addClaim(edith, CLAIM);
    const dialog = await openCard(edith, CLAIM);
    await dialog.getByRole('button', { name: 'Take this card' }).click();
    await dialog.getByRole('button', { name: 'Release' }).waitFor();
    await closeCard(edith);
    await waitSaved(edith);
    await edith.getByRole('searchbox').first().focus();
    await asLea((doc, id) => moveCard(doc, id, { column: 'disputed', index: 0 }, { actor: LEA }));
    const text = `Lea moved “${CLAIM}”, which you are checking, to Disputed`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(edith)).toBe(text);
    await toast().getByRole('button', { name: 'Open card' }).click();
    await edith.getByRole('dialog', { name: CLAIM }).waitFor();
    await closeCard(edith);
  });

  it('a move of the card whose dialog she closed leaves her focus where she has gone since', async () => {
    // The dialog was closed just now, and focus went back to the card; she goes on to search.
    const search = edith.getByRole('searchbox').first();
    await search.focus();
    await asLea((doc, id) => moveCard(doc, id, { column: 'unverified', index: 0 }, { actor: LEA }));
    await expectCardIn(edith, CLAIM, 'Unverified');
    await expect.poll(() => toast().textContent()).toContain('to Unverified');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await edith.keyboard.type('ferry');
    expect(await search.inputValue()).toBe('ferry');
    await search.fill('');
    await toast().getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a move of the card she has in focus is said once, as focus follows it', async () => {
    await expect.poll(() => toast().count()).toBe(0);
    await card(edith, CLAIM).focus();
    await asLea((doc, id) =>
      moveCard(doc, id, { column: 'corroborated', index: 0 }, { actor: LEA }),
    );
    await expectCardIn(edith, CLAIM, 'Corroborated');
    await expect
      .poll(() => announced(edith))
      .toBe(`Lea moved ${CLAIM} from Unverified to Corroborated.`);
    await expect
      .poll(() => card(edith, CLAIM).evaluate((li) => li === document.activeElement))
      .toBe(true);
    expect(await toast().count()).toBe(0);
  });

  it('the card taken over by a colleague is told', async () => {
    await asLea((doc, id) => assignCard(doc, id, LEA, { actor: LEA }));
    const text = `Lea is now checking “${CLAIM}”, which you were checking`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(edith)).toBe(text);
  });
});
