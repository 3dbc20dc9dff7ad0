/**
 * A lead redacts a comment posted by mistake, in headless Chromium against the real server:
 * Eddie (a y-websocket client, an editor) names a source in a comment; Lea (lead) finds
 * "Redact text…" on it with the keyboard, is told it cannot be undone (focus on Cancel, Escape
 * backs out), confirms, and the words are gone from the card, for Eddie's browser too, and from
 * the card's history and Activity, which say who redacted them and when. An editor is offered no such action.
 * Eddie editing that comment in his browser as it is redacted loses the edit with it: he is told
 * Lea redacted it, and is neither shown nor offered to post again what he typed, which is mostly
 * the words redacted (QA20). The open card's history and Activity drop the words as soon as the board
 * marks the comment redacted, while their next read of the history is still held back.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '../../shared/board';
import { readBoard } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { axeViolations } from './support/accessibilityChecks';
import {
  addClaim,
  announced,
  card,
  closeCard,
  openBoard,
  openCard,
  waitSaved,
} from './support/boardPage';
import type { BoardServer } from './support/boardServer';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
const CLAIM = 'The bridge cost twice its budget';
const SECRET = 'Source is Marisol Quintanilla-Ybarra, 555-0142';

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe.skipIf(!RUN)('redacting a comment’s text', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddiePage: Page;
  let eddie: TestClient;
  let board: Awaited<ReturnType<BoardServer['createBoard']>>;

  beforeAll(async () => {
    board = await server.createBoard('Bridge', 'Lea');
    const link = await server.invite(board, 'Eddie', 'editor');
    eddie = server.connect(board.id, link);
    lea = await (await browser.newContext()).newPage();
    eddiePage = await (await browser.newContext()).newPage();
    for (const page of [lea, eddiePage]) page.setDefaultTimeout(10_000);
    await Promise.all([openBoard(lea, board.leadUrl), openBoard(eddiePage, link), eddie.synced()]);
  }, 120_000);

  afterAll(async () => {
    eddie?.destroy();
  });

  it('is a lead’s keyboard action, confirmed, and takes the words out for good', async () => {
    await addClaim(lea, CLAIM);
    const cardId = (await card(lea, CLAIM).getAttribute('data-card-id'))!;
    await eddie.cardArrived(cardId);
    const commentId = addComment(eddie.doc, cardId, { text: SECRET }, eddie.as);
    // A reply keeps the thread, and its redacted start, on the card.
    addComment(eddie.doc, cardId, { text: 'Will call back', parentId: commentId }, eddie.as);
    await eddie.allSaved();

    // An editor is offered nothing of the kind, on a colleague's comment or anywhere.
    const eddieCard = await openCard(eddiePage, CLAIM);
    await eddieCard.getByText(SECRET, { exact: true }).waitFor();
    expect(await eddieCard.getByRole('button', { name: /^Redact/ }).count()).toBe(0);

    const dialog = await openCard(lea, CLAIM);
    await dialog.getByText(SECRET, { exact: true }).waitFor();
    const redact = dialog.getByRole('button', { name: /^Redact text of comment “Source is/ });
    await redact.focus();
    await lea.keyboard.press('Enter');
    const confirm = lea.getByRole('dialog', { name: 'Redact Eddie’s comment text?' });
    await confirm.getByText('This cannot be undone.').waitFor();
    expect(await focusedText(lea)).toBe('Cancel');
    expect(await axeViolations(lea)).toEqual([]);
    // Escape backs out, focus back on the action, the words still there.
    await lea.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => focusedText(lea)).toBe('Redact text…');
    await dialog.getByText(SECRET, { exact: true }).waitFor();

    await lea.keyboard.press('Enter');
    await confirm.waitFor();
    await lea.keyboard.press('Shift+Tab');
    expect(await focusedText(lea)).toBe('Redact text');
    await lea.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByText(/^Comment text redacted by Lea on /).waitFor();
    await dialog.getByText(/^Eddie commented \(comment text redacted by Lea on /).waitFor();
    // The card's history too, which had read the words before.
    await expect.poll(() => dialog.textContent()).not.toContain('Quintanilla');
    await expect.poll(() => announced(lea)).toBe('Comment text redacted.');
    // Live in the editor's browser too.
    await eddieCard.getByText(/^Comment text redacted by Lea on /).waitFor();
    await expect.poll(() => eddieCard.textContent()).not.toContain('Quintanilla');

    await closeCard(lea);
    await lea.getByRole('button', { name: 'Activity' }).click();
    const panel = lea.getByRole('region', { name: 'Activity' });
    await panel.getByText(/redacted the text of a comment for good/).waitFor();
    await panel.getByText(/commented \(comment text redacted by Lea on /).waitFor();
    expect(await panel.textContent()).not.toContain('Quintanilla');
    await panel.getByRole('button', { name: 'Close activity' }).click();
  });

  it('takes the words out of the open card’s history at once, before it reads the history again', async () => {
    const claim = 'The ferry fares doubled';
    const words = 'Heard it from Perpetua Oyelaran-Wicks';
    await addClaim(lea, claim);
    const cardId = (await card(lea, claim).getAttribute('data-card-id'))!;
    await eddie.cardArrived(cardId);
    const commentId = addComment(eddie.doc, cardId, { text: words }, eddie.as);
    await eddie.allSaved();
    const dialog = await openCard(lea, claim);
    const history = dialog.getByRole('list', { name: 'Card history' });
    await history.getByText(`commented: “${words}”`).waitFor();

    // Every read of the history from now on is held: only the board can say the words went.
    const held: Route[] = [];
    await lea.route('**/api/boards/*/history*', (route) => void held.push(route));
    await server.redact(board, commentId);
    // The comment, a thread of its own, leaves the card; its history entry stays, without words.
    await history.getByText(/^Eddie commented \(comment text redacted by Lea on /).waitFor();
    expect(await history.textContent()).not.toContain('Oyelaran');
    expect(await dialog.textContent()).not.toContain('Oyelaran');

    await lea.unroute('**/api/boards/*/history*');
    await Promise.all(held.map((route) => route.continue()));
    await history.getByText('redacted the text of a comment for good').waitFor();
    expect(await history.textContent()).not.toContain('Oyelaran');
    await closeCard(lea);

    // The Activity panel too.
    const more = 'Also ask Thaddeus Brightwater-Nkemelu';
    const second = addComment(eddie.doc, cardId, { text: more }, eddie.as);
    await eddie.allSaved();
    await lea.getByRole('button', { name: 'Activity' }).click();
    const panel = lea.getByRole('region', { name: 'Activity' });
    await panel.getByText(/Brightwater-Nkemelu/).waitFor();
    held.length = 0;
    await lea.route('**/api/boards/*/history*', (route) => void held.push(route));
    await server.redact(board, second);
    await expect.poll(() => panel.textContent()).not.toContain('Brightwater');
    await lea.unroute('**/api/boards/*/history*');
    await Promise.all(held.map((route) => route.continue()));
    await panel.getByRole('button', { name: 'Close activity' }).click();
  });

  it('takes the author’s edit of the comment with its words, not kept nor offered again', async () => {
    const claim = 'The tunnel opened a year late';
    const words = 'Tip from Ottoline Fairweather-Quist';
    await addClaim(lea, claim);
    const cardId = (await card(lea, claim).getAttribute('data-card-id'))!;
    await eddie.cardArrived(cardId);
    const commentId = addComment(eddie.doc, cardId, { text: words }, eddie.as);
    await eddie.allSaved();
    await closeCard(eddiePage);
    const dialog = await openCard(eddiePage, claim);
    await dialog.getByText(words, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: /^Edit comment/ }).click();
    const edit = dialog.getByRole('textbox', { name: 'Edit comment' });
    await edit.press('End');
    await eddiePage.keyboard.type(', her number is 555-0199');
    await recordLiveRegions(eddiePage, 'dialog[open]');

    await server.redact(board, commentId);
    const news =
      'Lea redacted the text of your comment while you were editing it; what you typed was discarded with it.';
    const gone = dialog.locator('.comment-gone');
    await gone.waitFor();
    expect(await gone.textContent()).toContain(news);
    expect(await focusedText(eddiePage)).toBe(news);
    expect(await liveSaid(eddiePage)).toContain(news);
    // The card's history reads the redaction from the server a moment later.
    await dialog.getByText(/^Eddie commented \(comment text redacted by Lea on /).waitFor();
    // Nothing of the words, nor of the edit made of them, on the page or said, nor to post.
    expect(await gone.getByRole('button', { name: 'Post as a new comment' }).count()).toBe(0);
    expect(await gone.getByRole('textbox').count()).toBe(0);
    const page = () =>
      eddiePage.evaluate(() =>
        [
          document.body.innerText,
          ...[...document.querySelectorAll('textarea, input')].map(
            (f) => (f as HTMLInputElement).value,
          ),
        ].join('\n'),
      );
    for (const text of [await page(), ...(await liveSaid(eddiePage))]) {
      expect(text).not.toContain('Fairweather');
      expect(text).not.toContain('555-0199');
    }
    await gone.getByRole('button', { name: 'Dismiss' }).click();
    await gone.waitFor({ state: 'detached' });
    // Its thread had nothing else: it left the card, and focus is on the comments' heading.
    expect(await focusedText(eddiePage)).toBe('Comments (0)');
    // Closing asks nothing: there is no draft left to lose.
    await closeCard(eddiePage);
    await waitSaved(eddiePage);
    const texts = readBoard(eddie.doc).cards[cardId]!.comments.map((c) => c.text);
    expect(texts.join('\n')).not.toContain('Fairweather');
  });
});
