/**
 * A reviewer's working day in the browser, against the real server: Rhea (reviewer) comments
 * on cards while Eddie (editor, on a page of his own) acts on several of them at once with the
 * selection bar, and Lea (the lead, on a y-websocket client, as another device) changes Rhea's
 * role. Rhea's typing, her focus and what she hears are followed through each of their changes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaims, addComment, readBoard } from '../../shared/board';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import type { TestClient } from '../helpers/connectProvider';
import { chromiumAvailable } from '../helpers/browser';
import { announced, card, closeCard, openBoard, openCard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();

/** The id, or else the tag and name, of what has focus on the page. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || `${el?.tagName.toLowerCase()} ${el?.getAttribute('aria-label') ?? ''}`.trim();
  });

describe.skipIf(!RUN)('a reviewer’s day beside an editor acting on several cards', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  let lea: TestClient;
  let eddie: Page;
  let rhea: Page;

  /** New cards, from Lea, on both pages. */
  async function newCards(...claims: string[]): Promise<void> {
    addClaims(
      lea.doc,
      claims.map((claim) => ({ claim })),
      lea.as,
    );
    await lea.allSaved();
    for (const page of [eddie, rhea]) {
      for (const claim of claims) await card(page, claim).waitFor();
    }
  }

  /** Eddie selects the cards (X on the first, Shift+Down to the last, one column). */
  async function eddieSelects(first: string, count: number): Promise<void> {
    await card(eddie, first).focus();
    await eddie.keyboard.press('x');
    for (let i = 1; i < count; i++) await eddie.keyboard.press('Shift+ArrowDown');
  }

  async function eddieDeletesSelected(count: number): Promise<void> {
    await eddie.getByRole('button', { name: 'Delete selected…' }).click();
    await eddie
      .getByRole('dialog', { name: `Delete ${count} cards?` })
      .getByRole('button', { name: `Delete ${count} cards` })
      .click();
  }

  /** Rhea opens the card from the keyboard and types a comment she does not post. */
  async function rheaTypes(claim: string, text: string) {
    await card(rhea, claim).focus();
    await rhea.keyboard.press('Enter');
    const dialog = rhea.getByRole('dialog', { name: claim });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'New comment' }).focus();
    await rhea.keyboard.type(text);
    return dialog;
  }

  beforeAll(async () => {
    board = await server.createBoard('Reviewer day', 'Lea');
    const [eddieUrl, rheaUrl] = await Promise.all([
      server.invite(board, 'Eddie Stone', 'editor'),
      server.invite(board, 'Rhea Vance', 'reviewer'),
    ]);
    lea = server.connect(board.id, board.leadToken);
    const fresh = async () => (await browser.newContext()).newPage();
    [eddie, rhea] = await Promise.all([fresh(), fresh()]);
    for (const page of [eddie, rhea]) page.setDefaultTimeout(10_000);
    await Promise.all([openBoard(eddie, eddieUrl), openBoard(rhea, rheaUrl), lea.synced()]);
  }, 120_000);

  afterAll(() => lea?.destroy());

  it('a card deleted and brought back while she types keeps her text, and her focus, and says it is back', async () => {
    const [A, B] = ['The ferry fare rose 40%', 'The ferry runs at night'];
    await newCards(A, B);
    const dialog = await rheaTypes(A, 'Which fare table?');
    await eddieSelects(A, 2);
    await eddieDeletesSelected(2);
    await rhea.getByRole('dialog', { name: 'Card deleted' }).waitFor();
    await expect.poll(() => focused(rhea)).toBe('p'); // the sentence saying who deleted it

    await card(eddie, B).waitFor({ state: 'detached' });
    await eddie.keyboard.press('Control+z');
    await dialog.waitFor();
    await expect.poll(() => announced(rhea)).toBe('This card is back on the board.');
    // Not the page's body, where focus fell as the deletion's sentence went.
    expect(await focused(rhea)).toBe('detail-typed');
    expect(
      await dialog.getByRole('textbox', { name: 'New comment (not saved)' }).inputValue(),
    ).toBe('Which fare table?');

    await rhea.keyboard.press('Escape');
    await rhea.getByRole('button', { name: 'Discard and close' }).click();
    await expect.poll(() => rhea.getByRole('dialog').count()).toBe(0);
  });

  it('made a reviewer with focus on a control only editors have, she is left on her card, not the page', async () => {
    const [C, D] = ['Tram ridership doubled', 'The tram line cost €2bn'];
    await newCards(C, D);
    /** The claim of the card that has focus, or what else has it. */
    const focusedCard = () =>
      rhea.evaluate(() => {
        const el = document.activeElement;
        return el?.matches('li[data-card-id]') ? el.textContent : el?.tagName;
      });
    const roleNow = async (role: 'editor' | 'reviewer') => {
      await server.changeRole(board, 'Rhea Vance', role);
      const box = rhea.getByRole('checkbox', { name: `Select ${C}` });
      await box.waitFor({ state: role === 'editor' ? 'visible' : 'detached' });
    };
    await roleNow('editor');
    // The selection bar's Move, with her card selected.
    await card(rhea, C).focus();
    await rhea.keyboard.press('x');
    await rhea.getByRole('combobox', { name: 'Move selected cards to' }).focus();
    await roleNow('reviewer');
    await expect.poll(focusedCard).toMatch(new RegExp(`^${C}`));
    // A card's own Move to…
    await roleNow('editor');
    await card(rhea, D)
      .getByRole('combobox', { name: /^Move to…/ })
      .focus();
    await roleNow('reviewer');
    await expect.poll(focusedCard).toMatch(new RegExp(`^${D}`));
  });

  it('an answer to her comment is told to her, read out, with a way to the card', async () => {
    const E = 'Bus fares froze in 2025';
    await newCards(E);
    const dialog = await rheaTypes(E, 'Which budget line says so?');
    await rhea.keyboard.press('Control+Enter');
    await dialog.getByText('Which budget line says so?').waitFor();
    await closeCard(rhea);
    const id = cardIdByClaim(lea.doc, E);
    await expect.poll(() => readBoard(lea.doc).cards[id]?.comments.length).toBe(1);
    const [asked] = readBoard(lea.doc).cards[id]!.comments;
    addComment(lea.doc, id, { text: 'Line 4.2 of the budget', parentId: asked!.id }, lea.as);
    await lea.allSaved();

    const notice = rhea.locator('.toast');
    await expect.poll(() => notice.textContent()).toContain(`Lea replied to you on “${E}”`);
    expect(await rhea.getByTestId('announcer').textContent()).toContain(
      `Lea replied to you on “${E}”`,
    );
    await notice.getByRole('button', { name: 'Open card' }).press('Enter');
    await rhea
      .getByRole('dialog', { name: E })
      .getByRole('list', { name: 'Replies' })
      .getByText('Line 4.2 of the budget')
      .waitFor();
    await closeCard(rhea);
  });

  it('her comment on a card Eddie deletes and brings back with Undo is back, and its mention of him is no news again', async () => {
    const [F, G] = ['Road deaths fell by a third', 'Speed cameras cut crashes'];
    await newCards(F, G);
    await recordLiveRegions(eddie);
    const dialog = await rheaTypes(F, '@Edd');
    await rhea.keyboard.press('Enter'); // the suggested name
    await rhea.keyboard.type(' which year is the base?');
    await rhea.keyboard.press('Control+Enter');
    await dialog.getByText('which year is the base?').waitFor();
    await closeCard(rhea);
    await expect.poll(() => liveSaid(eddie)).toContain(`Rhea Vance mentioned you on “${F}”`);
    await eddie.locator('.toast').getByRole('button', { name: 'Dismiss' }).click();
    const from = (await liveSaid(eddie)).length;

    await eddieSelects(F, 2);
    await eddieDeletesSelected(2);
    await card(rhea, F).waitFor({ state: 'detached' });
    await eddie.keyboard.press('Control+z');
    const saidSince = async () => (await liveSaid(eddie)).slice(from);
    // "Undone: …", not the mention told again in its place.
    await expect.poll(async () => (await saidSince()).join(' | ')).toContain('Undone');
    await card(rhea, F).waitFor();
    const back = await openCard(rhea, F);
    await back.getByText('which year is the base?').first().waitFor();
    await closeCard(rhea);
    expect((await saidSince()).filter((t) => t.includes('mentioned you'))).toEqual([]);
  });
});
