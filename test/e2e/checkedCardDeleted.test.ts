/**
 * A colleague deletes a card the person is checking, in the browser against the real server:
 * Edith (an editor, in Chromium) checks cards; Lea (the lead, on a y-websocket client, as
 * another device would) deletes them. Edith's board tells her who deleted which card, screen
 * readers hear it once, and "Restore card" brings it back. Her own deletion from another tab
 * (a second client with her invite) is no news; the deletion of the card she has in focus is
 * said once, as focus moves on, with who deleted it, and that of the card whose dialog is open
 * by the dialog, which points to the notice of her change gone with it, if any; several
 * deleted in one change make one notice; one a colleague restores is told as back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCard } from '../../shared/board';
import type { TestClient } from '../helpers/connectProvider';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { checkedElsewhere } from './support/checkedElsewhere';
import { chromiumAvailable } from '../helpers/browser';
import {
  announced,
  card,
  closeCard,
  expectCardIn,
  openCard,
  status,
  waitSaved,
} from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
/** Long enough for a notice that would come (a history read on a local server) to have come. */
const QUIET_MS = 1_500;

describe.skipIf(!RUN)('a card the person is checking, deleted', () => {
  const { server, browser } = useBoardBrowser();
  let edith: Page;
  /** Lea, the board's lead, on another device. */
  let lea: TestClient;
  /** Edith's own invite in another tab: her id, not a colleague's. */
  let edithElsewhere: TestClient;
  let board: { id: string; leadToken: string };
  const toast = () => edith.locator('.toast');
  const idOf = (client: TestClient, claim: string) => cardIdByClaim(client.doc, claim);
  /** A card Edith is checking, made and taken from her other tab, on her board. */
  const checkedCard = (claim: string) => checkedElsewhere(edith, edithElsewhere, lea, [claim]);
  const byLea = async (fn: () => void) => {
    fn();
    await lea.allSaved();
  };
  const noticesSaidSince = async (from: number) =>
    (await liveSaid(edith)).slice(from).filter((text) => text.includes('which you were checking'));

  beforeAll(async () => {
    board = await server.createBoard('Ferry desk', 'Lea');
    const edithUrl = await server.invite(board, 'Edith Reyes', 'editor');
    lea = server.connect(board.id, board.leadToken);
    edithElsewhere = server.connect(board.id, edithUrl);
    [edith] = await Promise.all([
      openBoardPage(browser, edithUrl),
      lea.synced(),
      edithElsewhere.synced(),
    ]);
    await recordLiveRegions(edith);
  }, 120_000);

  afterAll(async () => {
    lea?.destroy();
    edithElsewhere?.destroy();
  });

  it('a colleague’s deletion is told with her name, heard, and the card can be restored', async () => {
    const claim = 'The ferry carried 2 million people in 2024';
    await checkedCard(claim);
    await edith.getByRole('searchbox').first().focus();
    await byLea(() => deleteCard(lea.doc, idOf(lea, claim), lea.as));
    const text = `Lea deleted “${claim}”, which you were checking`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(edith)).toBe(text);
    // Not "Open card" on a card that is gone: the way back.
    expect(await toast().getByRole('button', { name: 'Open card' }).count()).toBe(0);
    await toast().getByRole('button', { name: 'Restore card' }).click();
    await expectCardIn(edith, claim, 'Unverified');
    const back = `“${claim}” is restored to Unverified`;
    await expect.poll(() => announced(edith)).toBe(back);
    await expect.poll(() => toast().textContent()).toContain(back);
    await toast().getByRole('button', { name: 'Dismiss' }).click();
  });

  it('her own deletion, in another tab, brings no notice', async () => {
    const claim = 'The new pier cost 40 million';
    await checkedCard(claim);
    const from = (await liveSaid(edith)).length;
    const { doc, as } = edithElsewhere;
    deleteCard(doc, idOf(edithElsewhere, claim), as);
    await edithElsewhere.allSaved();
    await expect.poll(() => card(edith, claim).count()).toBe(0);
    await edith.waitForTimeout(QUIET_MS);
    expect(await noticesSaidSince(from)).toEqual([]);
    expect(await toast().count()).toBe(0);
  });

  it('the deletion of the card she has in focus is said once, as focus moves on', async () => {
    const claim = 'Crossings fell by a third';
    await checkedCard(claim);
    await card(edith, claim).focus();
    const from = (await liveSaid(edith)).length;
    await byLea(() => deleteCard(lea.doc, idOf(lea, claim), lea.as));
    // Who deleted it, as the notice would have named her (the board's history).
    await expect.poll(() => announced(edith)).toBe(`Lea deleted ${claim}.`);
    await edith.waitForTimeout(QUIET_MS);
    expect(await noticesSaidSince(from)).toEqual([]);
    expect((await liveSaid(edith)).slice(from).filter((t) => t.includes(claim))).toEqual([
      `Lea deleted ${claim}.`,
    ]);
    expect(await toast().count()).toBe(0);
  });

  it('the card in focus deleted from her other tab is said deleted, with no name', async () => {
    const claim = 'Two ferries were retired';
    await checkedCard(claim);
    await card(edith, claim).focus();
    const { doc, as } = edithElsewhere;
    deleteCard(doc, idOf(edithElsewhere, claim), as);
    await edithElsewhere.allSaved();
    await expect.poll(() => announced(edith)).toBe(`${claim} was deleted.`);
  });

  it('the deletion of the card whose dialog she has open is told by the dialog alone, naming Lea', async () => {
    const claim = 'Ticket sales doubled';
    await checkedCard(claim);
    await openCard(edith, claim);
    const from = (await liveSaid(edith)).length;
    await byLea(() => deleteCard(lea.doc, idOf(lea, claim), lea.as));
    const said = edith
      .getByRole('dialog', { name: 'Card deleted' })
      .getByText('Lea deleted this card while you had it open.');
    await said.waitFor();
    await edith.waitForTimeout(QUIET_MS);
    // Nothing of hers went with it: no pointer to notices that are not there.
    expect(await said.textContent()).toBe(
      'Lea deleted this card while you had it open. It can be restored from its entry in Activity.',
    );
    await closeCard(edith);
    expect(await noticesSaidSince(from)).toEqual([]);
    expect(await toast().count()).toBe(0);
  });

  it('deleted while open with her offline change in it: the dialog points to the notice, where closing it leaves focus', async () => {
    const claim = 'The harbour ferry runs every 20 minutes';
    await checkedCard(claim);
    const dialog = await openCard(edith, claim);
    await edith.context().setOffline(true);
    await expect.poll(() => status(edith).textContent()).toMatch(/^Offline/);
    const speaker = dialog.getByRole('combobox', { name: 'Speaker', exact: true });
    await speaker.fill('The harbour master');
    await speaker.press('Enter');
    await expect
      .poll(async () => (await liveSaid(edith)).includes('Speaker saved: The harbour master.'))
      .toBe(true);
    await byLea(() => deleteCard(lea.doc, idOf(lea, claim), lea.as));
    await edith.context().setOffline(false);
    await waitSaved(edith, 20_000);

    const said = edith
      .getByRole('dialog', { name: 'Card deleted' })
      .getByText('Lea deleted this card while you had it open.');
    await said.waitFor();
    await expect
      .poll(() => said.textContent())
      .toBe(
        'Lea deleted this card while you had it open. Your change to it that the board did ' +
          'not keep is listed on the board, under its header, with Restore the card.',
      );
    await closeCard(edith);
    // Focus on that notice, its way back the next stop.
    const focused = () =>
      edith.evaluate(() => {
        const at = document.activeElement;
        return at?.matches('.lost-edits li') ? (at.textContent ?? '') : `elsewhere: ${at?.tagName}`;
      });
    await expect
      .poll(focused)
      .toContain(`Lea deleted “${claim}” before your change to the speaker, “The harbour master”,`);
    await edith.keyboard.press('Tab');
    expect(await edith.evaluate(() => document.activeElement?.textContent)).toBe(
      'Restore the card',
    );
    await edith
      .locator('.lost-edits li')
      .filter({ hasText: claim })
      .getByRole('button', {
        name: 'Dismiss',
      })
      .click();
  }, 60_000);

  const claims = ['Fares rose 12%', 'The night ferry was cut'];
  let ids: string[] = [];

  it('several deleted in one change make one notice', async () => {
    for (const claim of claims) await checkedCard(claim);
    await edith.getByRole('searchbox').first().focus();
    const from = (await liveSaid(edith)).length;
    ids = claims.map((claim) => idOf(lea, claim));
    await byLea(() =>
      lea.doc.transact(() => {
        for (const id of ids) deleteCard(lea.doc, id, lea.as);
      }),
    );
    const text =
      'Lea deleted 2 cards you were checking. They can be restored from their entries in Activity.';
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(edith)).toBe(text);
    await edith.waitForTimeout(QUIET_MS);
    expect((await liveSaid(edith)).slice(from).filter((t) => t.includes('deleted'))).toEqual([
      text,
    ]);
  });

  it('a card a colleague restores is told as back, not as given to her', async () => {
    const [cardId] = ids;
    const url = `${server.url}/api/boards/${board.id}/cards/${cardId}/restore`;
    const headers = { Authorization: `Bearer ${board.leadToken}` };
    expect((await fetch(url, { method: 'POST', headers })).status).toBe(201);
    const text = `Lea restored “${claims[0]}”, which you are checking`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(edith)).toBe(text);
    await toast().getByRole('button', { name: 'Open card' }).click();
    await edith.getByRole('dialog', { name: claims[0] }).waitFor();
    await closeCard(edith);
  });
});
