/**
 * A card the person was checking, deleted by a colleague while the board was not open in their
 * browser, told when they next open it, in the browser against the real server: Edith (an
 * editor, in Chromium) checks cards and closes the board; Lea (the lead, on a y-websocket
 * client, as another device would) deletes one. Reopened, Edith's board says so, as the
 * deletion notice does live, and "Restore card" brings it back. Her own deletion from another
 * device (a second client with her invite) is no news, nor a card deleted and restored since.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, assignCard, deleteCard } from '../../shared/board';
import type { TestClient } from '../helpers/connectProvider';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { checkedElsewhere } from './support/checkedElsewhere';
import { chromiumAvailable } from '../helpers/browser';
import { announced, card, expectCardIn, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
/** Long enough for a notice that would come (a history read on a local server) to have come. */
const QUIET_MS = 1_500;

describe.skipIf(!RUN)('a card the person was checking, deleted while they were away', () => {
  const { server, browser } = useBoardBrowser();
  /** Edith's browser: its IndexedDB copy of the board and its "last seen" outlive her page. */
  let context: BrowserContext;
  let edith: Page;
  /** The board's address as Edith's page had it (the invite accepted). */
  let boardUrl: string;
  /** Lea, the board's lead, on another device. */
  let lea: TestClient;
  /** Edith's own invite on another device: her id, not a colleague's. */
  let edithElsewhere: TestClient;
  let board: { id: string; leadToken: string };
  const toast = () => edith.locator('.toast');
  const idOf = (client: TestClient, claim: string) => cardIdByClaim(client.doc, claim);
  /** Cards Edith is checking, made and taken on her other device, on her board. */
  const checkedCards = (...claims: string[]) =>
    checkedElsewhere(edith, edithElsewhere, lea, claims);
  const byLea = async (fn: () => void) => {
    fn();
    await lea.allSaved();
  };
  const reopen = async () => {
    edith = await context.newPage();
    edith.setDefaultTimeout(10_000);
    await edith.goto(boardUrl);
    await waitSaved(edith);
  };

  beforeAll(async () => {
    board = await server.createBoard('Ferry desk', 'Lea');
    const edithUrl = await server.invite(board, 'Edith Reyes', 'editor');
    lea = server.connect(board.id, board.leadToken);
    edithElsewhere = server.connect(board.id, edithUrl);
    context = await browser.newContext();
    edith = await context.newPage();
    edith.setDefaultTimeout(10_000);
    await Promise.all([edith.goto(edithUrl), lea.synced(), edithElsewhere.synced()]);
    await waitSaved(edith);
    boardUrl = edith.url();
  }, 120_000);

  afterAll(async () => {
    lea?.destroy();
    edithElsewhere?.destroy();
  });

  it('a colleague’s deletion is told on the next visit, with her name, and can be restored', async () => {
    const gone = 'The ferry carried 2 million people in 2024';
    const mine = 'The new pier cost 40 million';
    const back = 'Fares rose 12%';
    // Given to her before she left: the history read of her visit starts when she left, so only
    // her browser's copy of the board knows these were hers.
    await checkedCards(gone, mine, back);
    await edith.close();

    await byLea(() => deleteCard(lea.doc, idOf(lea, gone), lea.as));
    // Her own deletion, on her other device: no news.
    deleteCard(edithElsewhere.doc, idOf(edithElsewhere, mine), edithElsewhere.as);
    await edithElsewhere.allSaved();
    // Deleted and restored while she was away: still on the board, nothing to tell.
    const backId = idOf(lea, back);
    await byLea(() => deleteCard(lea.doc, backId, lea.as));
    const url = `${server.url}/api/boards/${board.id}/cards/${backId}/restore`;
    const headers = { Authorization: `Bearer ${board.leadToken}` };
    expect((await fetch(url, { method: 'POST', headers })).status).toBe(201);

    await reopen();
    const text = `While you were away, Lea deleted “${gone}”, which you were checking`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(edith)).toBe(text);
    // Nothing after it: her own deletion and the card back are no news.
    await edith.waitForTimeout(QUIET_MS);
    expect(await announced(edith)).toBe(text);
    await toast().getByRole('button', { name: 'Restore card' }).click();
    await expectCardIn(edith, gone, 'Unverified');
    const restored = `“${gone}” is restored to Unverified`;
    await expect.poll(() => announced(edith)).toBe(restored);
    await toast().getByRole('button', { name: 'Dismiss' }).click();
  }, 60_000);

  it('with a card given to her meanwhile, both are said in one notice, not the first silenced', async () => {
    const gone = 'The night ferry was cancelled';
    const given = 'Ticket sales doubled';
    await checkedCards(gone);
    await byLea(() => addClaim(lea.doc, { claim: given }, lea.as));
    await edith.close();

    await byLea(() => {
      assignCard(lea.doc, idOf(lea, given), edithElsewhere.as.actor, lea.as);
      deleteCard(lea.doc, idOf(lea, gone), lea.as);
    });

    await reopen();
    const text =
      `While you were away, Lea gave you “${given}” to check. ` +
      `While you were away, Lea deleted “${gone}”, which you were checking`;
    await expect.poll(() => announced(edith)).toBe(text);
    expect(await toast().textContent()).toContain(text);
    // The deletion's way back stays; the card given waits under "For me".
    await toast().getByRole('button', { name: 'Restore card' }).waitFor();
    await toast().getByRole('button', { name: 'Dismiss' }).click();
  }, 60_000);

  it('her own deletion alone, on another device, brings no notice', async () => {
    const claim = 'Two ferries were retired';
    await checkedCards(claim);
    await edith.close();
    deleteCard(edithElsewhere.doc, idOf(edithElsewhere, claim), edithElsewhere.as);
    await edithElsewhere.allSaved();

    await reopen();
    await expect.poll(() => card(edith, claim).count()).toBe(0);
    await edith.waitForTimeout(QUIET_MS);
    expect(await announced(edith)).not.toContain('which you were checking');
    expect(await toast().count()).toBe(0);
  }, 60_000);
});
