/**
 * Edits of an evidence item that a colleague removed before seeing them, in the browser
 * against the real server: Ana (an editor, in Chromium) changes an item's note and stance
 * offline while Bo (another editor, on a y-websocket client, as another device would) removes
 * it. The board keeps Bo's removal, and Ana's edits went with the item: she is told, with the
 * item as she had it, in her open card (politely) and under the board's header (through a
 * reload), and "Add it again" puts it back from the keyboard. Put back (Bo's Undo) and removed
 * again, her open card says so as the notice under the header does. A
 * removal made after seeing her saved edit is no news (found by QA: the edits vanished without
 * a word while the pill said "All changes saved").
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addEvidence,
  cardsMap,
  CommandOrigin,
  readBoard,
  removeEvidence,
} from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import {
  announced,
  closeCard,
  openCard,
  reloadAnsweringLeave,
  status,
  waitSaved,
} from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { audibleLiveText, liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
/** Long enough for a notice that would come (a history read on a local server) to have come. */
const QUIET_MS = 1_500;

describe.skipIf(!RUN)('edits of an evidence item a colleague removed meanwhile', () => {
  const { server, browser } = useBoardBrowser();
  let ana: Page;
  let bo: TestClient;
  const notices = () => ana.locator('.lost-edits li');

  beforeAll(async () => {
    const board = await server.createBoard('Harbour', 'Lea');
    bo = server.connect(board.id, await server.invite(board, 'Bo', 'editor'));
    [ana] = await Promise.all([
      openBoardPage(browser, await server.invite(board, 'Ana', 'editor')),
      bo.synced(),
    ]);
  }, 120_000);

  afterAll(async () => {
    bo?.destroy();
  });

  /** A card of Bo's with one evidence item of his, once Ana's page shows it. */
  async function cardWithEvidence(claim: string, url: string) {
    const cardId = addClaim(bo.doc, { claim }, bo.as);
    const evidenceId = addEvidence(
      bo.doc,
      cardId,
      { url, quote: 'Cargo fell 4%', stance: 'supports', note: 'Bo’s note' },
      bo.as,
    );
    await bo.allSaved();
    const dialog = await openCard(ana, claim);
    await dialog.getByRole('button', { name: /^Edit evidence from/ }).waitFor();
    return { cardId, evidenceId, dialog };
  }

  async function editNoteAndStance(dialog: ReturnType<Page['getByRole']>, note: string) {
    await dialog.getByRole('button', { name: /^Edit evidence from/ }).click();
    await dialog.getByRole('textbox', { name: /^Note/ }).fill(note);
    await dialog.getByRole('radio', { name: 'Refutes' }).check();
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await dialog.getByRole('button', { name: 'Save evidence' }).waitFor({ state: 'detached' });
  }

  it('tells Ana of her offline edits, with the item as she had it, through a reload; Add it again puts it back', async () => {
    const claim = 'The port handled 3 million tonnes in 2024';
    const url = 'https://bo.example.org/cargo';
    const mine = 'Ana: the PDF on page 4 contradicts this';
    const { cardId, evidenceId, dialog } = await cardWithEvidence(claim, url);
    await ana.context().setOffline(true);
    await expect.poll(() => status(ana).textContent()).toMatch(/^Offline/);
    await editNoteAndStance(dialog, mine);
    removeEvidence(bo.doc, cardId, evidenceId, bo.as);
    await bo.allSaved();
    await ana.context().setOffline(false);
    await waitSaved(ana, 20_000);

    const told = notices().filter({ hasText: 'bo.example.org' });
    const sentence =
      `Bo removed the evidence from bo.example.org on “${claim}” before your changes to its ` +
      `stance and note reached them, so the board did not keep them. You had: Refutes, ${url}, ` +
      `“Cargo fell 4%” (${mine}).`;
    await expect.poll(() => told.textContent(), { timeout: 10_000 }).toContain(sentence);
    expect(readBoard(bo.doc).cards[cardId]!.evidence).toEqual([]);
    // The board behind her open card is inert: the card's evidence says it too, politely.
    const inDialog =
      `Evidence from bo.example.org was removed before your changes to its stance and note ` +
      `could be seen, so the board did not keep them. You had: Refutes, ${url}, ` +
      `“Cargo fell 4%” (${mine}).`;
    const here = dialog.locator('.evidence-gone-list');
    expect(await here.textContent()).toContain(inDialog);
    const voice = dialog.getByTestId('evidence-gone-announcer');
    await expect.poll(() => voice.textContent()).toContain(inDialog);
    expect(await voice.getAttribute('aria-live')).toBe('polite');
    expect((await audibleLiveText(ana)).some((text) => text.includes(inDialog))).toBe(true);
    await here.getByRole('button', { name: 'Add it again' }).waitFor();

    // Kept through a reload, until acted on.
    await closeCard(ana);
    await reloadAnsweringLeave(ana);
    await waitSaved(ana);
    await expect.poll(() => told.textContent()).toContain(sentence);

    // From the keyboard: the item again, with Ana's values, as a new item everyone sees.
    await told.getByRole('button', { name: 'Add it again' }).focus();
    await ana.keyboard.press('Enter');
    await told.waitFor({ state: 'detached' });
    expect(await announced(ana)).toBe('Evidence from bo.example.org added again.');
    await waitFor(() => readBoard(bo.doc).cards[cardId]!.evidence.length === 1, {
      what: 'Bo has the item again',
    });
    expect(readBoard(bo.doc).cards[cardId]!.evidence[0]).toMatchObject({
      url,
      quote: 'Cargo fell 4%',
      stance: 'refutes',
      note: mine,
      addedBy: { name: 'Ana' },
    });
  }, 90_000);

  it('once Bo undoes his removal, the item is back without her edits: told still, with Restore mine, not Add it again; removed again, her card says so too', async () => {
    const claim = 'The port dredged 2 km of channel';
    const { cardId, evidenceId, dialog } = await cardWithEvidence(
      claim,
      'https://bo.example.org/dredging',
    );
    const undo = new Y.UndoManager(cardsMap(bo.doc), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    await ana.context().setOffline(true);
    await expect.poll(() => status(ana).textContent()).toMatch(/^Offline/);
    await editNoteAndStance(dialog, 'Ana: 1.6 km, says the tender');
    removeEvidence(bo.doc, cardId, evidenceId, bo.as);
    await bo.allSaved();
    await ana.context().setOffline(false);
    await waitSaved(ana, 20_000);
    const here = dialog.locator('.evidence-gone-list');
    await here.getByRole('button', { name: 'Add it again' }).waitFor();
    undo.undo();
    await bo.allSaved();
    await dialog.getByRole('button', { name: /^Edit evidence from/ }).waitFor();
    // Bo's item, as he had it: Ana's values are in the notices only, which stay.
    expect(await dialog.locator('.evidence-list').textContent()).toContain('Bo’s note');
    expect(await here.getByRole('button', { name: 'Add it again' }).count()).toBe(0);
    const told = notices().filter({ hasText: 'dredging' });
    expect(await told.textContent()).toContain('(Ana: 1.6 km, says the tender)');
    expect(await told.getByRole('button', { name: 'Add it again' }).count()).toBe(0);
    // Her values can go on the item that is back instead.
    await here.getByRole('button', { name: 'Restore mine' }).waitFor();
    expect(await told.getByRole('button', { name: 'Restore mine' }).count()).toBe(1);

    // Bo removes it again while her card is open: the card says so, in the header's words,
    // once, politely, from the dialog (the header's notice behind it is inert).
    await recordLiveRegions(ana, 'dialog[open]');
    removeEvidence(bo.doc, cardId, evidenceId, bo.as);
    await bo.allSaved();
    const again =
      'It was put back since, and has been removed again: Add it again puts it back with your values.';
    await here.getByRole('button', { name: 'Add it again' }).waitFor();
    await expect.poll(() => here.getByRole('status').textContent()).toBe(` ${again}`);
    expect(await told.textContent()).toContain(again);
    await ana.waitForTimeout(QUIET_MS);
    // Its own region's, not the list's around it read out whole again.
    expect((await liveSaid(ana)).filter((text) => text === again)).toEqual([again]);
    expect((await audibleLiveText(ana)).filter((text) => text === again)).toEqual([again]);
    // Dismissed in the card, gone from under the header too.
    await here.getByRole('button', { name: 'Dismiss' }).click();
    await here.waitFor({ state: 'detached' });
    await told.waitFor({ state: 'detached' });
    undo.destroy();
    await closeCard(ana);
  }, 60_000);

  it('a second item removed before her edits, shown while the first is there, is said alone in her card, the first not again', async () => {
    const claim = 'The port’s ferries carried 9,000 cars';
    const hosts = ['cars.example.org', 'vans.example.net'];
    const cardId = addClaim(bo.doc, { claim }, bo.as);
    const ids = hosts.map((host) =>
      addEvidence(
        bo.doc,
        cardId,
        { url: `https://${host}/count`, quote: 'Cars counted', stance: 'supports', note: 'Bo' },
        bo.as,
      ),
    );
    await bo.allSaved();
    const dialog = await openCard(ana, claim);
    await recordLiveRegions(ana, 'dialog[open]');
    const gone = dialog.locator('.evidence-gone');
    for (const [i, host] of hosts.entries()) {
      await ana.context().setOffline(true);
      await expect.poll(() => status(ana).textContent()).toMatch(/^Offline/);
      await dialog.getByRole('button', { name: `Edit evidence from ${host}` }).click();
      await dialog.getByRole('textbox', { name: /^Note/ }).fill(`Ana: ${host} counts vans`);
      await dialog.getByRole('button', { name: 'Save evidence' }).click();
      await dialog.getByRole('button', { name: 'Save evidence' }).waitFor({ state: 'detached' });
      removeEvidence(bo.doc, cardId, ids[i]!, bo.as);
      await bo.allSaved();
      await ana.context().setOffline(false);
      await waitSaved(ana, 20_000);
      await gone.filter({ hasText: host }).waitFor();
      await notices().filter({ hasText: host }).waitFor({ state: 'attached' });
    }
    const sentences = (await gone.locator('p').allTextContents()).map((text) => text.trim());
    expect(sentences).toEqual([
      expect.stringContaining(`Evidence from ${hosts[0]} was removed before`),
      expect.stringContaining(`Evidence from ${hosts[1]} was removed before`),
    ]);
    // Each said once, as it appeared (the list was a status region, read out whole again),
    // and in the card's words only: the notice under the header, said through the dialog,
    // told the same news again.
    await expect
      .poll(async () => (await liveSaid(ana)).some((text) => text.includes(sentences[1]!)))
      .toBe(true);
    await ana.waitForTimeout(QUIET_MS);
    const said = await liveSaid(ana);
    for (const [i, sentence] of sentences.entries()) {
      expect(said.filter((text) => text.includes(sentence))).toHaveLength(1);
      expect(said.filter((text) => text.includes(hosts[i]!))).toHaveLength(1);
    }
    for (const host of hosts) {
      await gone.filter({ hasText: host }).getByRole('button', { name: 'Dismiss' }).click();
    }
    await gone.first().waitFor({ state: 'detached' });
    await closeCard(ana);
  }, 90_000);

  it('removed and put back (an Undo) before she reconnects: Restore mine puts her values on the item, as a change Bo sees', async () => {
    const claim = 'The port’s new crane lifts 80 tonnes';
    const url = 'https://bo.example.org/crane';
    const mine = 'Ana: 65 tonnes, says the maker';
    const { cardId, evidenceId, dialog } = await cardWithEvidence(claim, url);
    const undo = new Y.UndoManager(cardsMap(bo.doc), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    await ana.context().setOffline(true);
    await expect.poll(() => status(ana).textContent()).toMatch(/^Offline/);
    await editNoteAndStance(dialog, mine);
    // Bo removes the item and undoes that before Ana is back: it is there, without her edits.
    removeEvidence(bo.doc, cardId, evidenceId, bo.as);
    undo.undo();
    undo.destroy();
    await bo.allSaved();
    await ana.context().setOffline(false);
    await waitSaved(ana, 20_000);

    const told = notices().filter({ hasText: 'bo.example.org/crane' });
    await expect.poll(() => told.textContent(), { timeout: 10_000 }).toContain(`(${mine})`);
    expect(readBoard(bo.doc).cards[cardId]!.evidence).toMatchObject([
      { id: evidenceId, stance: 'supports', note: 'Bo’s note' },
    ]);
    await dialog.getByRole('button', { name: /^Edit evidence from/ }).waitFor();
    await closeCard(ana);
    // From the keyboard, under the header: no "Add it again" while the item is there.
    expect(await told.getByRole('button', { name: 'Add it again' }).count()).toBe(0);
    await told.getByRole('button', { name: 'Restore mine' }).focus();
    await ana.keyboard.press('Enter');
    await told.waitFor({ state: 'detached' });
    expect(await announced(ana)).toBe(
      'Your changes to the evidence from bo.example.org are restored.',
    );
    // On the same item, Bo's quote and URL kept: one change, which Bo's board has.
    await waitFor(() => readBoard(bo.doc).cards[cardId]!.evidence[0]?.note === mine, {
      what: 'Bo sees Ana’s values restored',
    });
    expect(readBoard(bo.doc).cards[cardId]!.evidence).toEqual([
      expect.objectContaining({
        id: evidenceId,
        url,
        quote: 'Cargo fell 4%',
        stance: 'refutes',
        note: mine,
      }),
    ]);
  }, 60_000);

  it('a removal made after seeing her saved edit is no news', async () => {
    const claim = 'The port employs 1,200 people';
    const { cardId, evidenceId, dialog } = await cardWithEvidence(
      claim,
      'https://bo.example.org/staff',
    );
    await editNoteAndStance(dialog, 'Ana: online, and saved');
    await waitSaved(ana);
    await waitFor(() => readBoard(bo.doc).cards[cardId]!.evidence[0]?.stance === 'refutes', {
      what: 'Bo sees Ana’s edit',
    });
    removeEvidence(bo.doc, cardId, evidenceId, bo.as);
    await bo.allSaved();
    await expect
      .poll(() => dialog.getByRole('button', { name: /^Edit evidence from/ }).count())
      .toBe(0);
    await closeCard(ana);
    await ana.waitForTimeout(QUIET_MS);
    expect(await notices().filter({ hasText: 'staff' }).count()).toBe(0);
    expect(await notices().filter({ hasText: claim }).count()).toBe(0);
  }, 60_000);
});
