/**
 * A card carried from the keyboard that a colleague moves or deletes meanwhile (QA23). Moved:
 * the person is told "Space drops it where you hold it", and Space does that, also when the
 * hand is back where the card was picked up. Deleted: one sentence says who deleted which card,
 * not a second one before it that cut it off. Built app, real server, headless Chromium; Bob is
 * a y-websocket client of the board, as another device would be.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaims, deleteCard, moveCard, readBoard } from '../../shared/board';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import { announced } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
const CLAIMS = Array.from({ length: 8 }, (_, i) => `Claim ${i + 1}`);

describe.skipIf(!RUN)('a card in hand that a colleague moves or deletes', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;
  /** The board's lead (Ana, whose page this is) on another device: sets the board up. */
  let lead: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    const board = await server.createBoard('Carried', 'Ana');
    lead = server.connect(board.id, board.leadToken);
    bob = server.connect(board.id, await server.invite(board, 'Bob', 'editor'));
    await lead.synced();
    addClaims(
      lead.doc,
      CLAIMS.map((claim) => ({ claim })),
      lead.as,
    );
    await lead.allSaved();
    [page] = await Promise.all([openBoardPage(browser, board.leadUrl), bob.synced()]);
    await waitFor(() => Object.keys(readBoard(bob.doc).cards).length === CLAIMS.length, {
      what: 'Bob has the cards',
    });
    await recordLiveRegions(page);
  }, 120_000);

  afterAll(async () => {
    lead?.destroy();
    bob?.destroy();
  });

  const idOf = (claim: string) => cardIdByClaim(bob.doc, claim);
  /** Where Bob's copy (the server's, once he has it) has the card. */
  const where = (id: string) => {
    const board = readBoard(bob.doc);
    const column = board.cards[id]?.column;
    return column ? { column, index: board.columns[column].indexOf(id) } : null;
  };
  /** Picks the card up from the keyboard and waits for it to be said. */
  const pickUp = async (claim: string) => {
    await page.locator(`li[data-card-id="${idOf(claim)}"]`).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => announced(page)).toMatch(new RegExp(`^Picked up ${claim}\\.`));
  };

  // Each its own card, so that one that fails leaves the other's test as it was.
  for (const [claim, keys] of [
    ['Claim 2', []],
    ['Claim 3', ['ArrowDown', 'ArrowUp']],
  ] as const) {
    it(`Space drops the card where it is held after Bob moved it (keys: ${keys.join(', ') || 'none'})`, async () => {
      const id = idOf(claim);
      const at = where(id)!;
      const place = `Unverified, position ${at.index + 1} of ${readBoard(bob.doc).columns.unverified.length}`;
      await pickUp(claim);
      for (const key of keys) await page.keyboard.press(key);
      // The hand is back where the card was picked up once the keys' place is said.
      if (keys.length > 0) await expect.poll(() => announced(page)).toBe(place);
      moveCard(bob.doc, id, { column: 'disputed', index: 0 }, bob.as);
      await bob.allSaved();
      await expect
        .poll(() => announced(page))
        .toBe(
          `Bob moved ${claim} from Unverified to Disputed while you held it. ` +
            'Space drops it where you hold it; Escape leaves it where they put it.',
        );
      await page.keyboard.press('Space');
      await expect.poll(() => announced(page)).toBe(`Moved ${claim} from Disputed to ${place}.`);
      await waitFor(() => where(id)?.column === 'unverified', { what: 'the drop on the server' });
      expect(where(id)).toEqual(at);
    });
  }

  it('says once, with who and which card, that Bob deleted the card in hand', async () => {
    await pickUp('Claim 5');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const from = (await liveSaid(page)).length;
    deleteCard(bob.doc, idOf('Claim 5'), bob.as);
    await bob.allSaved();
    // Focus moving on says it once the history names Bob; anything said of the deletion
    // before that is in the record by then.
    await expect.poll(() => announced(page)).toBe('Bob deleted Claim 5.');
    const said = (await liveSaid(page)).slice(from).filter((s) => s.includes('deleted'));
    expect(said).toEqual(['Bob deleted Claim 5.']);
  });

  it('names the deleted card in hand when focus is elsewhere', async () => {
    await pickUp('Claim 6');
    await page.keyboard.press('ArrowUp');
    // Its place said: the keys' frame, which focuses the card, has come.
    await expect.poll(() => announced(page)).toMatch(/^Unverified, position \d+ of \d+$/);
    // Focus leaves the card without a key (a click in the search box): the card is still held.
    await page.getByRole('searchbox').first().focus();
    deleteCard(bob.doc, idOf('Claim 6'), bob.as);
    await bob.allSaved();
    await expect.poll(() => announced(page)).toBe('Claim 6 was deleted by a colleague.');
  });
});
