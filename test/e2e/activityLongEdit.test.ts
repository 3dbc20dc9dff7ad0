/**
 * An edit late in a long claim, as a lead reads it in headless Chromium against the real
 * server: Eddie (a y-websocket client, an editor) changes "500 visits" to "50 visits" at
 * character 148 of a 246-character claim. The Activity panel and the card's history quote
 * each side around the change, not the same first 140 characters twice (QA22).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, editCard } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { card, latestActivity } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const CLAIM =
  'While protesting their dismissal in downtown San Salvador, several prison workers claimed ' +
  'to have been privy to irregularities in the jail system, including 500 visits from relatives ' +
  'and lawyers that were never logged by the guards.';
const EDITED = CLAIM.replace('500 visits', '50 visits');

describe.skipIf(!RUN)('an edit past the first 140 characters of a long claim', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: TestClient;

  beforeAll(async () => {
    const board = await server.createBoard('Long claims', 'Lea');
    eddie = server.connect(board.id, await server.invite(board, 'Eddie', 'editor'));
    await eddie.synced();
    const id = addClaim(eddie.doc, { claim: CLAIM }, eddie.as);
    await eddie.allSaved();
    editCard(eddie.doc, id, { claim: EDITED }, eddie.as);
    await eddie.allSaved();
    lea = await openBoardPage(browser, board.leadUrl);
  }, 120_000);

  afterAll(async () => {
    eddie?.destroy();
  });

  it('reads in Activity and the card’s history with the words that changed', async () => {
    const from = 'in the jail system, including 500 visits from relatives';
    const to = 'in the jail system, including 50 visits from relatives';
    // The card's history has the time after the words, the Activity entry beside them.
    const edit = new RegExp(
      `^Eddie changed the claim text from “…[^”]*${from}[^”]*” to “…[^”]*${to}[^”]*”`,
    );

    await lea.getByRole('button', { name: 'Activity' }).click();
    const panel = lea.getByRole('region', { name: 'Activity' });
    await expect.poll(() => latestActivity(panel).textContent()).toMatch(edit);
    await panel.getByRole('button', { name: 'Close activity' }).click();

    await card(lea, EDITED)
      .getByRole('button', { name: /^Open:/ })
      .click();
    const history = lea.getByRole('dialog').getByRole('list', { name: 'Card history' });
    await expect.poll(() => history.getByRole('listitem').last().textContent()).toMatch(edit);
  });
});
