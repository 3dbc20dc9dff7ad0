/**
 * A lost-edit notice names the colleague whose write was kept by that write's Yjs client id, as
 * the server bound it (GET …/writers, BoardConnection.writerOf, as an Undo does), not only from
 * presence or the card's history. Lea saves a speaker and a rationale offline; Bo, on a client
 * with no presence (a page closed since), writes his and leaves; Yjs keeps his (the higher
 * client id). Cy then works the card for more than the 100 events the notices read of its
 * history, so the history no longer holds Bo's write: they said "A colleague also changed …".
 * Both notices, of one write, ask the server once. And a notice waiting for its writer's name
 * holds back those after it, even one named at once (by presence), so that they are shown and
 * said in the order they came.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editCard } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { addClaim, closeCard, openBoard, openCard, status, waitSaved } from './support/boardPage';
import { liveSaid, recordLiveRegions } from './support/liveRegions';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
/** More changes than the notice reads of a card's history (LostEdits' limit). */
const BUSY = 105;
/** Bo's client id: Yjs keeps the value of the higher client id, and this is the highest. */
const BO = 0xffffffff;
const docOf = (clientID: number) => Object.assign(new Y.Doc(), { clientID });

describe.skipIf(!RUN)('a lost-edit notice names the writer kept', () => {
  const { server, browser } = useBoardBrowser();

  it('names Bo, who wrote without presence, after the card’s history has moved on', async () => {
    const board = await server.createBoard('Transport desk', 'Lea');
    const [boLink, cyLink] = await Promise.all([
      server.invite(board, 'Bo', 'editor'),
      server.invite(board, 'Cy', 'editor'),
    ]);
    const context = await browser.newContext();
    const goOffline = async (page: Page) => {
      await context.setOffline(true);
      await expect.poll(() => status(page).textContent()).toMatch(/^Offline/);
    };
    try {
      const lea = await context.newPage();
      const asked: string[] = [];
      lea.on('request', (r) => {
        if (r.url().includes('/writers?')) asked.push(r.url());
      });
      await openBoard(lea, board.leadUrl);
      const claim = 'Tram fares rose 20% this year';
      await addClaim(lea, claim);
      await waitSaved(lea);

      const dialog = await openCard(lea, claim);
      await goOffline(lea);
      const speaker = dialog.getByRole('combobox', { name: 'Speaker', exact: true });
      await speaker.fill('The transport authority');
      await speaker.press('Enter');
      await dialog.getByRole('textbox', { name: 'Rationale' }).fill('The tariff sheet says 12%.');
      await dialog.getByRole('button', { name: 'Save verdict' }).click();
      await closeCard(lea);

      // Yjs keeps the value of the higher client id: Bo's, the highest there is.
      const boDoc = new Y.Doc();
      boDoc.clientID = 0xffffffff;
      const bo = server.connect(board.id, boLink, { doc: boDoc });
      await bo.synced();
      await expect.poll(() => cardIdByClaim(bo.doc, claim), { timeout: 10_000 }).toBeTruthy();
      const cardId = cardIdByClaim(bo.doc, claim);
      editCard(
        bo.doc,
        cardId,
        { speaker: 'The operator', rationale: 'The operator confirms 20%.' },
        bo.as,
      );
      await bo.allSaved();
      bo.destroy();
      const cy = server.connect(board.id, cyLink);
      await cy.synced();
      await cy.cardArrived(cardId);
      for (let i = 1; i <= BUSY; i++) {
        editCard(cy.doc, cardId, { reviewUrl: `https://example.org/check/${i}` }, cy.as);
        await cy.allSaved();
      }
      cy.destroy();

      await context.setOffline(false);
      const sentences = lea
        .locator('.lost-edits li')
        .filter({ hasText: claim })
        .locator('[data-sentence]');
      await expect.poll(() => sentences.count(), { timeout: 30_000 }).toBe(2);
      expect((await sentences.allTextContents()).sort()).toEqual([
        expect.stringMatching(/^Bo also changed the rationale of /),
        expect.stringMatching(/^Bo also changed the speaker of /),
      ]);
      expect(asked).toHaveLength(1);
      expect(new URL(asked[0]!).searchParams.get('clients')).toBe(String(boDoc.clientID));
    } finally {
      await context.close();
    }
  }, 180_000);

  it('holds a notice named at once behind an earlier one still waiting for its writer’s name', async () => {
    const board = await server.createBoard('Housing desk', 'Lea');
    const [boLink, cyLink] = await Promise.all([
      server.invite(board, 'Bo', 'editor'),
      server.invite(board, 'Cy', 'editor'),
    ]);
    const context = await browser.newContext();
    try {
      const lea = await context.newPage();
      await openBoard(lea, board.leadUrl);
      const claim = 'Rents fell 5% in the city centre';
      await addClaim(lea, claim);
      await waitSaved(lea);
      // Bo, the highest client id, writes without presence; Cy, the next, is on the board.
      const bo = server.connect(board.id, boLink, { doc: docOf(BO) });
      const cy = server.connect(board.id, cyLink, { doc: docOf(BO - 1) });
      cy.provider.awareness.setLocalStateField('user', cy.as.actor);
      await Promise.all([bo.synced(), cy.synced()]);
      await expect.poll(() => cardIdByClaim(bo.doc, claim), { timeout: 10_000 }).toBeTruthy();
      const cardId = cardIdByClaim(bo.doc, claim);
      await cy.cardArrived(cardId);
      await expect.poll(() => lea.locator('.presence-bar').textContent()).toContain('Cy');

      const dialog = await openCard(lea, claim);
      await context.setOffline(true);
      await expect.poll(() => status(lea).textContent()).toMatch(/^Offline/);
      const speaker = dialog.getByRole('combobox', { name: 'Speaker', exact: true });
      await speaker.fill('The housing office');
      await speaker.press('Enter');
      await dialog.getByRole('textbox', { name: 'Rationale' }).fill('The index says 2%.');
      await dialog.getByRole('button', { name: 'Save verdict' }).click();
      await closeCard(lea);
      editCard(bo.doc, cardId, { speaker: 'The mayor' }, bo.as);
      editCard(cy.doc, cardId, { rationale: 'The survey confirms 5%.' }, cy.as);
      await Promise.all([bo.allSaved(), cy.allSaved()]);
      bo.destroy();

      // Bo's name is slow to come: Cy's notice, after his, waits for it rather than go first.
      const boAsked = (url: URL) =>
        url.pathname.endsWith('/writers') && url.searchParams.get('clients') === String(BO);
      await lea.route(boAsked, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await route.continue();
      });
      await recordLiveRegions(lea);
      await context.setOffline(false);
      const sentences = lea.locator('.lost-edits li [data-sentence]');
      await expect.poll(() => sentences.count(), { timeout: 30_000 }).toBe(2);
      expect(await sentences.allTextContents()).toEqual([
        expect.stringMatching(/^(Bo|A colleague) also changed the speaker of /),
        expect.stringMatching(/^Cy also changed the rationale of /),
      ]);
      // Shown together, in that order, and so said together: Cy's was not said before Bo's.
      expect((await liveSaid(lea)).filter((s) => s.includes('also changed'))).toEqual([
        expect.stringMatching(
          /^(Bo|A colleague) also changed the speaker of .* Cy also changed the rationale of /,
        ),
      ]);
      cy.destroy();
    } finally {
      await context.close();
    }
  }, 120_000);
});
