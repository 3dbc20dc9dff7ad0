/**
 * What a screen reader hears of the lost-edit notices under the board's header, and where
 * keyboard focus goes around them, in the browser against the real server: Edith (an editor,
 * in Chromium) works offline while Lea (the lead, on a y-websocket client, as another device
 * would) deletes the card or removes the evidence she was editing (found by QA13).
 * - The notices of a deleted card name Lea from the history: each is shown once named, and its
 *   sentence is not rewritten after; each is said once, as it is shown.
 * - A second notice, shown while the first is still there, is said alone: the first is not read
 *   out again with it (the list was an alert, read out whole at each change).
 * - "Restore the card", "Restore mine" and "Add it again" pressed from the keyboard leave focus
 *   on the next notice's button, then on the card, not on the page.
 * - An item put back (Lea's Undo) and removed again while "Restore mine" has focus: the notice
 *   says so, once, politely, as the button becomes "Add it again".
 * - The dialog of a card deleted while open, with nothing of hers lost, closes onto the card
 *   that took its place, or the columns when none is left.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addEvidence,
  cardsMap,
  CommandOrigin,
  deleteCard,
  moveCard,
  readBoard,
  removeEvidence,
} from '../../shared/board';
import type { TestClient } from '../helpers/connectProvider';
import { chromiumAvailable } from '../helpers/browser';
import { card, closeCard, openCard, status, waitSaved } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
/** Longer than a notice waits for the history to name someone (NAME_WAIT_MS). */
const QUIET_MS = 2_500;

describe.skipIf(!RUN)('the lost-edit notices, heard and from the keyboard', () => {
  const { server, browser } = useBoardBrowser();
  let edith: Page;
  /** Lea, the board's lead, on another device. */
  let lea: TestClient;
  const notices = () => edith.locator('.lost-edits li');
  /** What has focus: a notice's button, a card on the board, or another element by tag/id. */
  const focused = () =>
    edith.evaluate(() => {
      const at = document.activeElement;
      const notice = at?.closest('.lost-edits li');
      if (notice)
        return `notice “${notice.querySelector('span')?.textContent}”: ${at?.textContent}`;
      const cardRow = at?.closest<HTMLElement>('li[data-card-id]');
      if (cardRow) return `card ${cardRow.dataset.cardId}`;
      return `${at?.tagName}#${at?.id}`;
    });
  const byLea = async (fn: () => void) => {
    fn();
    await lea.allSaved();
  };
  /** A card of Lea's in `column`, once Edith's board shows it. */
  const leasCard = async (claim: string, column: 'corroborated' | 'disputed', index = 0) => {
    const cardId = addClaim(lea.doc, { claim }, lea.as);
    moveCard(lea.doc, cardId, { column, index }, lea.as);
    await lea.allSaved();
    await card(edith, claim).waitFor();
    return cardId;
  };
  const goOffline = async () => {
    await edith.context().setOffline(true);
    await expect.poll(() => status(edith).textContent()).toMatch(/^Offline/);
  };
  const goOnline = async () => {
    await edith.context().setOffline(false);
    await waitSaved(edith, 20_000);
  };
  /** That each of `sentences` is in exactly one of the sentences the live regions were given. */
  const expectSaidOnce = async (sentences: readonly string[]) => {
    const said = await liveSaid(edith);
    for (const sentence of sentences) {
      expect(
        said.filter((text) => text.includes(sentence.trim())),
        sentence,
      ).toHaveLength(1);
    }
  };
  /**
   * A card of Lea's with one evidence item of hers, on which Edith saves a note while offline
   * (her dialog closed after): what Lea then does to the item is not yet seen by Edith.
   */
  const editNoteOffline = async (claim: string, url: string, note: string) => {
    const cardId = await leasCard(claim, 'corroborated');
    const evidenceId = addEvidence(
      lea.doc,
      cardId,
      { url, quote: 'In the timetable', stance: 'supports', note: 'Lea’s note' },
      lea.as,
    );
    await lea.allSaved();
    const dialog = await openCard(edith, claim);
    await dialog.getByRole('button', { name: /^Edit evidence from/ }).waitFor();
    await goOffline();
    await dialog.getByRole('button', { name: /^Edit evidence from/ }).click();
    await dialog.getByRole('textbox', { name: /^Note/ }).fill(note);
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await dialog.getByRole('button', { name: 'Save evidence' }).waitFor({ state: 'detached' });
    await closeCard(edith);
    return { cardId, evidenceId };
  };
  /**
   * Edith's note on Lea's evidence item on a card of Lea's, written offline while Lea removes the
   * item: the notice under the header that tells her, once shown.
   */
  const loseNote = async (claim: string, url: string) => {
    const { cardId, evidenceId } = await editNoteOffline(claim, url, 'Edith: not in the timetable');
    await byLea(() => removeEvidence(lea.doc, cardId, evidenceId, lea.as));
    await goOnline();
    const told = notices().filter({ hasText: url });
    await told.waitFor();
    return told;
  };

  beforeAll(async () => {
    const board = await server.createBoard('Ferry desk', 'Lea');
    const edithUrl = await server.invite(board, 'Edith Reyes', 'editor');
    lea = server.connect(board.id, board.leadToken);
    [edith] = await Promise.all([openBoardPage(browser, edithUrl), lea.synced()]);
  }, 120_000);

  afterAll(async () => {
    lea?.destroy();
  });

  it('the dialog of the only card, deleted while open, closes onto the columns, not the page', async () => {
    const claim = 'The ferry carried 2 million people in 2024';
    const cardId = await leasCard(claim, 'disputed');
    await openCard(edith, claim);
    await byLea(() => deleteCard(lea.doc, cardId, lea.as));
    await edith
      .getByRole('dialog', { name: 'Card deleted' })
      .getByText('Lea deleted this card while you had it open.')
      .waitFor();
    await closeCard(edith);
    await expect.poll(focused).toBe('MAIN#main');
  });

  it('notices of a deleted card are said once each, named; restoring from the keyboard keeps focus on the next', async () => {
    const claim = 'Bus fares rose 12%';
    const cardId = await leasCard(claim, 'disputed');
    const dialog = await openCard(edith, claim);
    await goOffline();
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('False');
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('The tariff says 8%.');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await closeCard(edith);
    // Every sentence each notice shows, in order, from the moment it is shown.
    await edith.evaluate(() => {
      const w = window as unknown as { noticeSaid: Record<string, string[]> };
      w.noticeSaid = {};
      const listen = () => {
        for (const li of document.querySelectorAll<HTMLElement>('.lost-edits li')) {
          const said = (w.noticeSaid[li.dataset.seq ?? '?'] ??= []);
          const text = li.querySelector('span')?.textContent ?? '';
          if (said.at(-1) !== text) said.push(text);
        }
      };
      new MutationObserver(listen).observe(document.body, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await recordLiveRegions(edith);
    // The card's history, as the notices read it to name who deleted it.
    const reads: string[] = [];
    const countReads = (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/history') && url.searchParams.get('card') === cardId) {
        reads.push(url.search);
      }
    };
    edith.on('request', countReads);
    await byLea(() => deleteCard(lea.doc, cardId, lea.as));
    await goOnline();

    const named = `Lea deleted “${claim}” before your change to`;
    await expect.poll(() => notices().filter({ hasText: named }).count()).toBe(2);
    edith.off('request', countReads);
    // Two notices of one card, arrived together: one read of its history names both.
    expect(reads.filter((search) => search.includes('limit=100'))).toHaveLength(1);
    await edith.waitForTimeout(QUIET_MS);
    const noticeSaid = await edith.evaluate(
      () => (window as unknown as { noticeSaid: Record<string, string[]> }).noticeSaid,
    );
    // Not "A colleague deleted …" first, then rewritten with the name.
    expect(Object.values(noticeSaid)).toEqual([
      [expect.stringContaining(named)],
      [expect.stringContaining(named)],
    ]);
    // Each notice's sentence said once, as shown, as it is on screen.
    // (Focus, back on the card, moved on from it as it went, which is said too.)
    await expectSaidOnce(
      await edith.locator('.lost-edits li > span:first-child').allTextContents(),
    );

    // From the keyboard: the card back, focus stays in its notice, on its way back.
    const [first, second] = [notices().nth(0), notices().nth(1)];
    const firstSentence = await first.locator('span').first().textContent();
    const secondSentence = await second.locator('span').first().textContent();
    await first.getByRole('button', { name: 'Restore the card' }).focus();
    await edith.keyboard.press('Enter');
    await expect.poll(focused).toBe(`notice “${firstSentence}”: Restore mine`);
    // That notice done with: the next one's button.
    await edith.keyboard.press('Enter');
    await expect.poll(focused).toBe(`notice “${secondSentence}”: Restore mine`);
    // The last done with: the card, restored, on the board.
    await edith.keyboard.press('Enter');
    await expect.poll(focused).toBe(`card ${cardId}`);
    expect(await notices().count()).toBe(0);
    expect(readBoard(lea.doc).cards[cardId]).toBeDefined();
  }, 90_000);

  it('a second notice shown while the first is there is said alone, the first not again', async () => {
    await recordLiveRegions(edith);
    const first = await loseNote('Night buses run hourly', 'https://lea.example.org/night');
    const second = await loseNote('The last tram leaves at 1am', 'https://lea.example.org/tram');
    await edith.waitForTimeout(QUIET_MS);
    expect(await first.count()).toBe(1);
    await expectSaidOnce([
      (await first.locator('span').first().textContent()) ?? '',
      (await second.locator('span').first().textContent()) ?? '',
    ]);
    for (const told of [first, second]) {
      await told.getByRole('button', { name: 'Dismiss' }).click();
      await told.waitFor({ state: 'detached' });
    }
  }, 90_000);

  it('the item put back and removed again while Restore mine has focus: said once, politely; Add it again leaves focus on the card', async () => {
    const claim = 'The crane lifts 80 tonnes';
    const url = 'https://lea.example.org/crane';
    const { cardId, evidenceId } = await editNoteOffline(claim, url, 'Edith: 65 tonnes');
    const undo = new Y.UndoManager(cardsMap(lea.doc), { trackedOrigins: new Set([CommandOrigin]) });
    removeEvidence(lea.doc, cardId, evidenceId, lea.as);
    undo.undo();
    undo.destroy();
    await lea.allSaved();
    await goOnline();

    const told = notices().filter({ hasText: url });
    await told.getByRole('button', { name: 'Restore mine' }).focus();
    await recordLiveRegions(edith);
    await byLea(() => removeEvidence(lea.doc, cardId, evidenceId, lea.as));
    const again =
      'It was put back since, and has been removed again: Add it again puts it back with your values.';
    await expect.poll(() => told.getByRole('status').textContent()).toBe(` ${again}`);
    // The button that had focus is now "Add it again", explained by the sentence beside it.
    expect(await focused()).toMatch(/: Add it again$/);
    expect(await told.locator('span').first().textContent()).toContain(again);
    await edith.waitForTimeout(QUIET_MS);
    expect((await liveSaid(edith)).filter((text) => text === again)).toEqual([again]);

    await edith.keyboard.press('Enter');
    await told.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe(`card ${cardId}`);
  }, 90_000);

  it('the dialog of a card deleted while open, nothing of hers in it, closes onto the card in its place', async () => {
    const claims = ['Trams run every 5 minutes', 'The bridge opened in 1998', 'Tolls fell by 10%'];
    const ids: string[] = [];
    for (const [index, claim] of claims.entries()) {
      ids.push(await leasCard(claim, 'corroborated', index));
    }
    // The middle one goes: the one below takes its place.
    await openCard(edith, claims[1]!);
    await byLea(() => deleteCard(lea.doc, ids[1]!, lea.as));
    await edith
      .getByRole('dialog', { name: 'Card deleted' })
      .getByText('Lea deleted this card while you had it open.')
      .waitFor();
    await closeCard(edith);
    await expect.poll(focused).toBe(`card ${ids[2]}`);
  });
});
