/**
 * A move and a verdict that crossed, told to the person whose change is one half of it, in the
 * browser against the real server: Lea (the lead, in Chromium) sets a verdict while Eddie (an
 * editor, on a y-websocket client offline, as another device would) moves the card, or moves
 * it while he sets one. The card's verdict is then no label of its column; Lea's board tells
 * her who did the other half, once, politely, with Open card (or, for several cards, Show
 * them). Both halves hers (her other tab: a second client with her token) is no news. Her half
 * made offline is told even when her page reads the history before the server has stored it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveCard, readBoard, setVerdict } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import {
  addClaim,
  announced,
  card,
  closeCard,
  column,
  expectCardIn,
  moveTo,
  openBoard,
  openCard,
  waitSaved,
} from './support/boardPage';
import { startLeaAndEddie } from './support/leaAndEddie';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
/** Long enough for a notice that would come (a history read on a local server) to have come. */
const QUIET_MS = 1_500;

describe.skipIf(!RUN)('a move and a verdict that crossed, told by a notice', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: TestClient;
  /** Lea's own token in another tab: her id, not a colleague's. */
  let leaElsewhere: TestClient;
  let leadUrl: string;
  const toast = () => lea.locator('.toast');
  const said = async (from: number) =>
    (await liveSaid(lea)).slice(from).filter((text) => text.includes('verdict'));

  beforeAll(async () => {
    let board: { id: string; leadUrl: string; leadToken: string };
    ({ board, lea, eddie } = await startLeaAndEddie({ server, browser }));
    leadUrl = board.leadUrl;
    leaElsewhere = server.connect(board.id, board.leadToken);
    await leaElsewhere.synced();
    await recordLiveRegions(lea);
  }, 120_000);

  afterAll(async () => {
    leaElsewhere?.destroy();
    eddie?.destroy();
  });

  /** A card Lea adds and moves to Disputed, once both other clients have it there. */
  async function disputedCard(claim: string): Promise<string> {
    await addClaim(lea, claim);
    await moveTo(lea, claim, 'Disputed');
    await expectCardIn(lea, claim, 'Disputed');
    const id = (await card(lea, claim).getAttribute('data-card-id'))!;
    await waitFor(
      () =>
        readBoard(eddie.doc).cards[id]?.column === 'disputed' &&
        readBoard(leaElsewhere.doc).cards[id]?.column === 'disputed',
      { what: 'the others see the card in Disputed' },
    );
    return id;
  }

  /** Eddie's offline changes reach the server once Lea's own are there. */
  async function eddieReconnects(): Promise<void> {
    await waitSaved(lea);
    await leaElsewhere.allSaved();
    eddie.provider.connect();
    await eddie.allSaved();
  }

  it('her verdict crossed by his move: she is told once, and Open card takes her to it', async () => {
    const claim = 'Gang homicides fell to zero in 2024';
    const id = await disputedCard(claim);
    eddie.provider.disconnect();
    moveCard(eddie.doc, id, { column: 'corroborated', index: 0 }, eddie.as);
    const dialog = await openCard(lea, claim);
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('False');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await expect.poll(() => announced(lea)).toBe('Verdict saved: False.');
    await closeCard(lea);
    await lea.getByRole('searchbox').first().focus();
    const from = (await liveSaid(lea)).length;
    await eddieReconnects();
    await expectCardIn(lea, claim, 'Corroborated');

    const text = `Eddie moved “${claim}” to Corroborated while you set “False”: pick its verdict again`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(lea)).toBe(text);
    await lea.waitForTimeout(QUIET_MS);
    expect(await said(from)).toEqual([text]);
    // From the keyboard: the notice's button opens the card, whose dialog asks again.
    await toast().getByRole('button', { name: 'Open card' }).focus();
    await lea.keyboard.press('Enter');
    await lea
      .getByRole('dialog', { name: claim })
      .getByText(
        '“False” is not a label for Corroborated: choose one of its labels, or No verdict.',
      )
      .waitFor();
    await closeCard(lea);
  });

  it('her move crossed by his verdict: she is told who set what', async () => {
    const claim = 'Bus fares doubled in a year';
    const id = await disputedCard(claim);
    eddie.provider.disconnect();
    setVerdict(eddie.doc, id, 'False', 'Fares rose by a fifth.', eddie.as);
    await moveTo(lea, claim, 'Corroborated');
    await expectCardIn(lea, claim, 'Corroborated');
    await lea.getByRole('searchbox').first().focus();
    const from = (await liveSaid(lea)).length;
    await eddieReconnects();

    const text = `Eddie set “False” on “${claim}” while you moved it to Corroborated: pick its verdict again`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(lea)).toBe(text);
    await lea.waitForTimeout(QUIET_MS);
    expect(await said(from)).toEqual([text]);
    await toast().getByRole('button', { name: 'Dismiss' }).click();
  });

  it('her move made offline, crossed by his verdict: told once she is back', async () => {
    const claim = 'The harbour tunnel cost 2 billion';
    const id = await disputedCard(claim);
    await lea.context().setOffline(true);
    await moveTo(lea, claim, 'Corroborated');
    await expectCardIn(lea, claim, 'Corroborated');
    setVerdict(eddie.doc, id, 'False', undefined, eddie.as);
    await eddie.allSaved();
    await lea.getByRole('searchbox').first().focus();
    const from = (await liveSaid(lea)).length;
    await lea.context().setOffline(false);
    await waitSaved(lea, 20_000);

    const text = `Eddie set “False” on “${claim}” while you moved it to Corroborated: pick its verdict again`;
    await expect.poll(() => toast().textContent()).toContain(text);
    await lea.waitForTimeout(QUIET_MS);
    expect(await said(from)).toEqual([text]);
    await toast().getByRole('button', { name: 'Dismiss' }).click();
  });

  it('both halves hers, from two tabs: no notice', async () => {
    const claim = 'The tram line opened on time';
    const id = await disputedCard(claim);
    leaElsewhere.provider.disconnect();
    setVerdict(leaElsewhere.doc, id, 'False', undefined, leaElsewhere.as);
    await moveTo(lea, claim, 'Corroborated');
    await expectCardIn(lea, claim, 'Corroborated');
    await lea.getByRole('searchbox').first().focus();
    await waitSaved(lea);
    const from = (await liveSaid(lea)).length;
    leaElsewhere.provider.connect();
    await leaElsewhere.allSaved();
    await column(lea, 'Corroborated')
      .getByRole('listitem', { name: /Verdict: False\W+Not a label for Corroborated/ })
      .filter({ hasText: claim })
      .waitFor();
    await lea.waitForTimeout(QUIET_MS);
    expect(await said(from)).toEqual([]);
    expect(await toast().filter({ hasText: 'pick' }).count()).toBe(0);
  });

  it('several crossed at once make one notice, and Show them filters to them', async () => {
    await addClaim(lea, 'Turnout was 61%');
    const claims = ['Rents rose 30%', 'Crime fell 10%'];
    const ids: string[] = [];
    for (const claim of claims) ids.push(await disputedCard(claim));
    eddie.provider.disconnect();
    for (const id of ids) moveCard(eddie.doc, id, { column: 'corroborated', index: 0 }, eddie.as);
    for (const id of ids) setVerdict(leaElsewhere.doc, id, 'False', undefined, leaElsewhere.as);
    await leaElsewhere.allSaved();
    await lea.getByRole('searchbox').first().focus();
    const from = (await liveSaid(lea)).length;
    await eddieReconnects();

    const text =
      'Eddie crossed your changes on 2 cards: their verdicts are no labels of their columns, pick them again';
    await expect.poll(() => toast().textContent()).toContain(text);
    await expect.poll(() => announced(lea)).toBe(text);
    await lea.waitForTimeout(QUIET_MS);
    expect(await said(from)).toEqual([text]);
    await toast().getByRole('button', { name: 'Show them' }).focus();
    await lea.keyboard.press('Enter');
    // Every card of this board whose verdict is no label of its column, the earlier tests' too.
    await expect.poll(() => lea.locator('.filter-count').textContent()).toBe('6 of 7 cards');
  });

  it('her move made offline is told as crossed even when the server stores it late', async () => {
    // Her page's own changes (y-protocols sync step 2 and updates: [0, 1] and [0, 2]) are held on
    // their way to the server while `holding`, until the page reads the history or 2 s pass: as
    // on a slow uplink, his verdict reaches her page before her move reaches the server.
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    let holding = false;
    const held: (() => void)[] = [];
    await page.routeWebSocket(/\/sync/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const own = typeof message !== 'string' && message[0] === 0 && [1, 2].includes(message[1]!);
        if (holding && own) held.push(() => server.send(message));
        else server.send(message);
      });
      server.onMessage((message) => ws.send(message));
    });
    await openBoard(page, leadUrl);
    const claim = 'The bridge reopened in May';
    await addClaim(page, claim);
    await moveTo(page, claim, 'Disputed');
    const id = (await card(page, claim).getAttribute('data-card-id'))!;
    await waitFor(() => readBoard(eddie.doc).cards[id]?.column === 'disputed', {
      what: 'Eddie sees the card in Disputed',
    });
    await waitSaved(page);
    await page.context().setOffline(true);
    await moveTo(page, claim, 'Corroborated');
    await expectCardIn(page, claim, 'Corroborated');
    setVerdict(eddie.doc, id, 'False', undefined, eddie.as);
    await eddie.allSaved();
    await page.getByRole('searchbox').first().focus();
    holding = true;
    const read = page.waitForResponse(/\/history/, { timeout: 2_000 }).catch(() => null);
    await page.context().setOffline(false);
    await read;
    holding = false;
    for (const send of held.splice(0)) send();
    await waitSaved(page, 20_000);

    const text = `Eddie set “False” on “${claim}” while you moved it to Corroborated: pick its verdict again`;
    await expect.poll(() => page.locator('.toast').textContent()).toContain(text);
    await page.context().close();
  }, 60_000);
});
