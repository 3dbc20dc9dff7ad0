/**
 * The Undo notice names a colleague this page never saw in presence: Bo writes from a client that
 * shows none (as a page closed before Ana's opened would have), and Cy after him stamps the card
 * as its last writer, so nothing on Ana's page names Bo. The page asks the server who wrote with
 * his client id (GET …/writers), once, and says his name where it said "someone else".
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { editCard } from '../../shared/board';
import { addClaim, announced, card, openBoard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('Undo names a writer this page never saw', () => {
  const { server, browser } = useBoardBrowser();

  it('names Bo, who wrote without presence, as the server knows him', async () => {
    const board = await server.createBoard('Council budget', 'Ana');
    const [boLink, cyLink] = await Promise.all([
      server.invite(board, 'Bo', 'editor'),
      server.invite(board, 'Cy', 'editor'),
    ]);
    const context = await browser.newContext();
    try {
      const ana = await context.newPage();
      const asked: string[] = [];
      ana.on('request', (r) => {
        if (r.url().includes('/writers?')) asked.push(r.url());
      });
      await openBoard(ana, board.leadUrl);
      const claim = 'The new bridge cost 4 million';
      await addClaim(ana, claim);
      await waitSaved(ana);

      const bo = server.connect(board.id, boLink);
      await bo.synced();
      await expect.poll(() => cardIdByClaim(bo.doc, claim), { timeout: 10_000 }).toBeTruthy();
      const cardId = cardIdByClaim(bo.doc, claim);
      editCard(bo.doc, cardId, { rationale: 'The audit says 4.2 million' }, bo.as);
      await bo.allSaved();
      bo.destroy();
      const cy = server.connect(board.id, cyLink);
      await cy.synced();
      await cy.cardArrived(cardId);
      editCard(cy.doc, cardId, { speaker: 'The mayor' }, cy.as);
      await cy.allSaved();
      cy.destroy();
      await expect.poll(() => card(ana, claim).textContent()).toContain('The mayor');

      await ana.getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(() => announced(ana))
        .toMatch(
          /^Nothing undone: (Bo and Cy|Cy and Bo) have worked on “The new bridge cost 4 million” since you added it \(the (rationale and the speaker|speaker and the rationale)\)\. Delete it if it should go\.$/,
        );
      expect(asked).toHaveLength(1);
      expect(new URL(asked[0]!).searchParams.get('clients')).toBe(String(bo.doc.clientID));
    } finally {
      await context.close();
    }
  }, 120_000);
});
