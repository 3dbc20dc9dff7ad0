/**
 * Two versions of a story on a board, in the browser: removing the older one moves the cards
 * the newer one has the sentence of to it (the dialog says so, naming it), so the newer
 * version's Article view highlights their sentences and the cards no longer read as "from an
 * article since removed"; one Undo puts them back. Built app, real server, headless Chromium,
 * driven by role and accessible name.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { postJson } from '../helpers/restApi';
import { card, expectCardIn, moveTo, openCard } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const V1 =
  'The city council approved a budget of $2.1 billion on Tuesday, the mayor said. ' +
  'Spending on police rises 6%, to $1.1 billion, according to the budget office. ' +
  'Transit fares go up 15% in March, the transit authority said.';
// The correction: the fares sentence rewritten, a line put first.
const V2 =
  'Correction: an earlier version misstated the fare rise. ' +
  V1.replace('Transit fares go up 15% in March', 'Transit fares go up 5% in March');

interface Imported {
  articleId: string;
  cards: { id: string; claim: string }[];
}

describe.skipIf(!RUN)('two versions of a story', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let page: Page;

  const importArticle = (body: { title?: string; text: string }) =>
    postJson<Imported>(`${server.url}/api/boards/${board.id}/articles`, body, board.leadToken);
  const notice = () => page.getByRole('group', { name: 'Notice' });
  const articleView = () => page.getByRole('region', { name: 'Article view' });
  /** The sentences the Article view shows as cards (each a button that opens its card). */
  const cardSentences = () => articleView().locator('.seg-card').allTextContents();
  const sources = async () => {
    const { cards } = await server.exportJson(board);
    return new Map(cards.map((c) => [c.id, c.source]));
  };

  beforeAll(async () => {
    board = await server.createBoard('City desk', 'Ana');
    page = await openBoardPage(browser, await server.invite(board, 'Ed', 'editor'));
  }, 120_000);

  it('removing the older moves its cards to the newer, highlighted there, and Undo moves them back', async () => {
    const v1 = await importArticle({ title: 'Budget', text: V1 });
    expect(v1.cards).toHaveLength(3);
    // Only the rewritten sentences are new: the others' cards are on the board already.
    const v2 = await importArticle({ title: 'Budget (corrected)', text: V2 });
    const before = await sources();
    const fares = v1.cards.find((c) => before.get(c.id)?.sentence.includes('15%'))!;
    const moving = v1.cards.filter((c) => c !== fares);
    const [worked] = moving as [Imported['cards'][0]];
    await expectCardIn(page, worked.claim, 'Unverified');
    await moveTo(page, worked.claim, 'Corroborated');
    await expectCardIn(page, worked.claim, 'Corroborated');

    await page.getByRole('button', { name: 'Article view' }).click();
    await articleView()
      .getByRole('combobox', { name: 'Article' })
      .selectOption({ label: 'Budget' });
    await articleView().getByRole('button', { name: 'Remove article…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove “Budget”?' });
    await confirm.waitFor();
    const text = await confirm.textContent();
    expect(text).toContain(
      '1 card its import proposed and nobody has worked on is deleted with it.',
    );
    expect(text).toContain(
      // One of them worked on, counted once (QA20: its move read again as "1 edited").
      '2 cards move to “Budget (corrected)”, which has their sentences. The work on 1 of them ' +
        'moves with it (moved out of Unverified).',
    );
    expect(text).not.toContain('stay on the board');
    await confirm.getByRole('button', { name: 'Remove article' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await expect
      .poll(() => notice().textContent())
      .toMatch(/^Removed “Budget”: 1 card deleted, 2 moved to “Budget \(corrected\)”/);
    expect(await card(page, fares.claim).count()).toBe(0);

    // The newer version is the one shown, its sentences of the moved cards highlighted as cards.
    expect(await articleView().getByRole('heading', { level: 3 }).textContent()).toBe(
      'Budget (corrected)',
    );
    const after = await sources();
    const sentences = moving.map((c) => before.get(c.id)!.sentence);
    for (const c of moving) expect(after.get(c.id)).toMatchObject({ articleId: v2.articleId });
    await expect.poll(cardSentences).toEqual(expect.arrayContaining(sentences));

    // The worked-on card reads as from the newer version, and goes to its sentence there.
    const detail = await openCard(page, worked.claim);
    const source = detail.getByRole('region', { name: 'Source' });
    expect(await source.textContent()).not.toContain('since removed');
    await source.getByRole('button', { name: 'Show in the article' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe(before.get(worked.id)!.sentence);

    // Activity says where they went.
    await page.getByRole('button', { name: 'Activity' }).click();
    const feed = page.getByRole('list', { name: 'Board activity, newest first' });
    await expect
      .poll(() => feed.getByRole('listitem').first().locator('p').first().textContent())
      .toBe(
        'Ed removed the article “Budget” and deleted 1 card nobody had worked on; 2 cards ' +
          'moved to “Budget (corrected)”, which has their sentences',
      );
    await page.getByRole('button', { name: 'Close activity' }).click();

    // One Undo brings the article back, and its cards to it.
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => notice().textContent())
      .toContain('Undone: the removal of the article.');
    await expect
      .poll(async () => {
        const back = await sources();
        return v1.cards.map((c) => back.get(c.id)?.articleId);
      })
      .toEqual(v1.cards.map(() => v1.articleId));
  });
});
