/**
 * Several cards at once on a touch screen, where there is no Ctrl or Shift: a tap on a card's
 * box selects it (a slow one too, which does not pick the card up, as a long press on the grip
 * does), the selection bar acts on them by taps, and Escape (a tablet's keyboard)
 * clears the selection from the bar or a selected card, a dialog of the bar's closing first;
 * two quick taps on a box open nothing; a tap on a card's grip picks nothing up and opens its
 * Move to…, and a tap anywhere lets go of a card the keyboard picked up.
 * A phone (390 × 844) and a tablet (768 × 1024), touch and mobile layout; built app, real
 * server, headless Chromium, driven by role and accessible name.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { createBoardWithClaims } from './support/boardWithClaims';
import { announced, card, openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const TOUCH = { deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const PHONE = { ...TOUCH, viewport: { width: 390, height: 844 } };
const TABLET = { ...TOUCH, viewport: { width: 768, height: 1024 } };

const CLAIMS = [
  'Bus fares rose 40 percent in 2023',
  'Tram ridership fell by half',
  'The ring road cost 2 billion',
  'Cycle lanes doubled since 2019',
  'Parking fines paid for the new bridge',
  'Night buses carry 9,000 people a week',
];
const [A, B, C] = CLAIMS as [string, string, string];

const count = (page: Page) => page.locator('.selection-count').textContent();
const box = (page: Page, claim: string) => page.getByRole('checkbox', { name: `Select ${claim}` });
/** Where an element is on screen, and whether a finger there would touch it (nothing over it). */
const onScreen = (page: Page, claim: string) =>
  box(page, claim).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return { y: Math.round(r.y), touchable: hit === el };
  });
/** Where it was, within a pixel (a scroll lands on the screen's pixels), and touchable. */
const expectStill = (now: { y: number; touchable: boolean }, before: { y: number }) => {
  expect(now.touchable).toBe(true);
  expect(Math.abs(now.y - before.y)).toBeLessThanOrEqual(1);
};
/**
 * A finger held on an element for `ms`, then lifted, through the DevTools protocol (what a touch
 * screen sends); whether a card was in hand just before the finger went up.
 */
async function hold(page: Page, target: Locator, ms: number): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const r = await target.boundingBox();
  if (!r) throw new Error('not on screen');
  const at = { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await page.waitForTimeout(ms); // a press of this length, not a wait for something
  const lifted = (await page.locator('li.card.dragging').count()) > 0;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

  return lifted;
}
/** The text of what has focus, to say where it is. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe.skipIf(!RUN)('several cards at once on a touch screen', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };

  beforeAll(async () => {
    board = await createBoardWithClaims(server, 'Transport', 'Lea', CLAIMS);
  }, 120_000);

  const open = async (device: typeof PHONE): Promise<[BrowserContext, Page]> => {
    const context = await browser.newContext(device);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await openBoard(page, board.leadUrl);
    return [context, page];
  };

  it('Escape in the selection bar clears the selection and says so; a dialog of the bar’s closes first', async () => {
    const [context, page] = await open(TABLET);
    for (const claim of [A, B]) await box(page, claim).tap();
    await expect.poll(() => count(page)).toBe('2 selected');

    // From the bar's first control: cleared, said, and focus on a card of the selection.
    await page.getByRole('combobox', { name: 'Move selected cards to' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => count(page)).toBe('');
    expect(await announced(page)).toBe('Selection cleared.');
    expect(await focused(page)).toContain(A);

    // With "Delete 2 cards?" open, Escape closes the question, and the selection stays; the
    // next Escape, back on "Delete selected…", clears it.
    for (const claim of [A, B]) await box(page, claim).tap();
    await page.getByRole('button', { name: 'Delete selected…' }).tap();
    const question = page.getByRole('dialog', { name: 'Delete 2 cards?' });
    await question.waitFor();
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await count(page)).toBe('2 selected');
    expect(await focused(page)).toBe('Delete selected…');
    await page.keyboard.press('Escape');
    await expect.poll(() => count(page)).toBe('');
    expect(await announced(page)).toBe('Selection cleared.');

    // Two quick taps on a box (a double tap) select the card and take it out again, and open
    // nothing: the double click they make opened the card's dialog.
    await box(page, C).tap();
    await box(page, C).tap();
    await expect.poll(() => count(page)).toBe('');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // From a selected card's box, where a tap leaves focus.
    await box(page, C).tap();
    await expect.poll(() => count(page)).toBe('1 selected');
    expect(await box(page, C).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => count(page)).toBe('');
    expect(await box(page, C).isChecked()).toBe(false);
    await context.close();
  }, 60_000);

  it('on a phone, the card whose box a finger taps stays under it as the selection bar shows', async () => {
    const [context, page] = await open(PHONE);
    // A card's box in the lower half of the column's view (the third card's since the header
    // folds behind Board menu): the bar (138 px on this phone) pushed the column down, and
    // the box out of the screen (from y 719 to 866 of 844).
    // A target a finger can hit: 24 × 24 px at least (WCAG 2.5.8); it was 18 px wide.
    const size = await box(page, C).boundingBox();
    expect(Math.min(size?.width ?? 0, size?.height ?? 0)).toBeGreaterThanOrEqual(24);
    const before = await onScreen(page, C);
    expect(before.touchable).toBe(true);
    expect(before.y).toBeGreaterThan(600);
    await box(page, C).tap();
    await expect.poll(() => count(page)).toBe('1 selected');
    expectStill(await onScreen(page, C), before);
    // Taken out again, the bar goes: the box stays where it is, under the finger.
    await box(page, C).tap();
    await expect.poll(() => count(page)).toBe('');
    expectStill(await onScreen(page, C), before);
    // The first card, at the column's top: it moves down with the column, and stays in view.
    await box(page, A).tap();
    await expect.poll(() => count(page)).toBe('1 selected');
    expect((await onScreen(page, A)).touchable).toBe(true);
    await context.close();
  }, 60_000);
  it('a slow tap on a card’s box or Open is a tap: it does not pick the card up; a long press on the grip does', async () => {
    const [context, page] = await open(PHONE);
    // Held for 400 ms, past the 250 ms a still finger takes to pick a card up; on the second
    // card, which stays in view as the bar shows.
    expect(await hold(page, box(page, B), 400)).toBe(false);
    await expect.poll(() => count(page)).toBe('1 selected');
    expect(await box(page, B).isChecked()).toBe(true);
    expect(await hold(page, card(page, B).getByRole('button', { name: /^Open:/ }), 400)).toBe(
      false,
    );
    const dialog = page.getByRole('dialog', { name: B });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await dialog.waitFor({ state: 'detached' });
    expect(await hold(page, card(page, B).getByRole('button', { name: /^Pick up/ }), 400)).toBe(
      true,
    );
    await context.close();
  }, 60_000);
  it('on a phone, a tap on a card’s grip opens its Move to…, and Escape goes back to the grip', async () => {
    const [context, page] = await open(PHONE);
    const grip = card(page, A).getByRole('button', { name: /^Pick up/ });
    const moveTo = card(page, A).getByRole('combobox', { name: /^Move to…:/ });
    const inHand = () => page.locator('li.card.held, li.card.dragging').count();
    const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
    // A tap picked the card up as the keyboard does, for the arrow keys, Space and Escape, none
    // of which a phone has; then it only said how to move a card by touch, and moved nothing.
    // Now it opens the card's Move to…, the control the keyboard moves a card to a column with.
    await grip.tap();
    await expect.poll(() => isFocused(moveTo)).toBe(true);
    expect(await inHand()).toBe(0);
    // The browser's list of columns, opened by the tap, takes the first Escape (the page hears
    // none); the select's own then gives focus back to the grip, and nothing is in hand.
    await page.keyboard.press('Escape');
    expect(await isFocused(moveTo)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isFocused(grip)).toBe(true);
    expect(await inHand()).toBe(0);
    await context.close();
  }, 60_000);
  it('a card in hand from a tablet’s keyboard is let go by a tap elsewhere, and that is said', async () => {
    const [context, page] = await open(TABLET);
    const inHand = () => page.locator('li.card.held, li.card.dragging').count();
    await card(page, C).focus();
    await page.keyboard.press('Space');
    await expect.poll(inHand).toBe(1);
    // The arrow keys, Space and Escape went with the keyboard; a finger had no way to let go.
    await page.getByRole('heading', { name: /^Unverified/ }).tap();
    await expect.poll(inHand).toBe(0);
    expect(await announced(page)).toMatch(
      /^Move cancelled\. .* is back in Unverified, position 3 of 6\.$/,
    );
    await context.close();
  }, 60_000);
});
