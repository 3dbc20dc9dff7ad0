/**
 * A lead redacts a comment posted by mistake, in headless Chromium against the real server:
 * Eddie (a y-websocket client, an editor) names a source in a comment; Lea (lead) finds
 * "Redact text…" on it with the keyboard, is told it cannot be undone (focus on Cancel, Escape
 * backs out), confirms, and the words are gone from the card, for Eddie's browser too, and from
 * the card's history and Activity, which say who redacted them and when. An editor is offered no such action.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '../../shared/board';
import { chromiumAvailable, launchBrowser, type BrowserSession } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { axeViolations } from './support/accessibilityChecks';
import { addClaim, announced, card, closeCard, openBoard, openCard } from './support/boardPage';
import { type BoardServer, startBoardServer } from './support/boardServer';

const RUN = chromiumAvailable();
const CLAIM = 'The bridge cost twice its budget';
const SECRET = 'Source is Marisol Quintanilla-Ybarra, 555-0142';

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe.skipIf(!RUN)('redacting a comment’s text', () => {
  let server: BoardServer;
  let browser: BrowserSession;
  let lea: Page;
  let eddiePage: Page;
  let eddie: TestClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBoardServer(), launchBrowser()]);
    const board = await server.createBoard('Bridge', 'Lea');
    const link = await server.invite(board, 'Eddie', 'editor');
    eddie = server.connect(board.id, link);
    lea = await (await browser.newContext()).newPage();
    eddiePage = await (await browser.newContext()).newPage();
    for (const page of [lea, eddiePage]) page.setDefaultTimeout(10_000);
    await Promise.all([openBoard(lea, board.leadUrl), openBoard(eddiePage, link), eddie.synced()]);
  }, 120_000);

  afterAll(async () => {
    eddie?.destroy();
    await browser?.close();
    await server?.stop();
  });

  it('is a lead’s keyboard action, confirmed, and takes the words out for good', async () => {
    await addClaim(lea, CLAIM);
    const cardId = (await card(lea, CLAIM).getAttribute('data-card-id'))!;
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
  });
});
