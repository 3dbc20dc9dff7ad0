/**
 * Text pasted past a field's limit (shared LIMITS) is kept whole and told, not cut without a
 * word as `maxLength` did: the field is marked invalid and described by a message shown next
 * to it, the submit is refused with that message said, and once trimmed the text goes in.
 * The built app in headless Chromium against the real server.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/board/inputs';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { addClaim, announced, card, column, openBoard, openCard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** `length` characters of words, ending on a full stop (nothing a trim would take off). */
const words = (length: number) =>
  'Rents in the capital doubled between 2015 and 2023 '.repeat(length / 40).slice(0, length - 1) +
  '.';

/** A field's description as a screen reader reads it, and whether every part of it shows. */
const description = (field: Locator) =>
  field.evaluate((el) => {
    const parts = (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id));
    return {
      text: parts.map((p) => p?.textContent ?? '').join(' '),
      shown: parts.every((p) => p?.checkVisibility() === true),
    };
  });

/** The board's announcer as it is, with the mark that tells the same sentence said again. */
const announcerText = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('dialog[open] [data-testid="dialog-announcer"]') ??
        document.querySelector('[data-testid="announcer"]'))!.textContent,
  );

/**
 * Pastes `text` into `box`, as a paste does (one input of it all), and checks that it is kept
 * whole, the field marked invalid, and `message` said as the text went over.
 */
async function pastePastLimit(page: Page, box: Locator, text: string, message: string) {
  await box.focus();
  await page.keyboard.insertText(text);
  expect((await box.inputValue()).length).toBe(text.length); // nothing cut
  expect(await box.getAttribute('aria-invalid')).toBe('true');
  await expect.poll(() => announced(page)).toBe(message);
}

/** Submits with `submit` and checks it is refused: `message` said again, focus on the box. */
async function refusedSaying(
  page: Page,
  box: Locator,
  submit: () => Promise<void>,
  message: string,
) {
  const before = await announcerText(page);
  const text = await box.inputValue();
  await submit();
  await expect.poll(() => announcerText(page)).not.toBe(before);
  expect(await announced(page)).toBe(message);
  expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
  expect((await box.inputValue()) === text).toBe(true);
}

describe.skipIf(!RUN)('long text past a field’s limit', () => {
  const { server, browser } = useBoardBrowser();
  let page: Page;

  beforeAll(async () => {
    const board = await server.createBoard('Housing desk', 'Ana');
    page = await (await browser.newContext()).newPage();
    await openBoard(page, board.leadUrl);
  }, 120_000);

  it('a 5,000-character claim is kept whole, told, refused, and added once trimmed', async () => {
    expect(LIMITS.claim).toBe(2_000); // the numbers in the messages below
    const box = page.getByRole('textbox', { name: 'New claim', exact: true });
    const long = words(5_000);
    const message = '3,000 characters too many: a claim is at most 2,000.';
    await pastePastLimit(page, box, long, message);
    expect(await description(box)).toEqual({ text: message, shown: true });
    expect(await axeViolations(page)).toEqual([]);

    // Enter and the button both refuse, each saying why again.
    await refusedSaying(page, box, () => page.keyboard.press('Enter'), message);
    const add = page.getByRole('button', { name: 'Add claim' });
    await refusedSaying(page, box, () => add.click(), message);

    // Trimmed to the limit: the count replaces the message, and the claim goes in.
    const trimmed = long.slice(0, LIMITS.claim - 1) + '.';
    await box.fill(trimmed);
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    expect(await description(box)).toEqual({ text: '2,000 of 2,000 characters', shown: true });
    await add.click();
    await card(column(page, 'Unverified'), trimmed.slice(0, 200)).waitFor();
    expect(await column(page, 'Unverified').getByRole('listitem').count()).toBe(1);
    expect(await announced(page)).toBe('Claim added to Unverified.');
    expect(await box.inputValue()).toBe('');
    expect(await box.getAttribute('aria-describedby')).toBeNull();
  });

  it('an article’s and the organisation’s URL past the limit are kept whole, told, and refused', async () => {
    const long = `https://news.example/2026/flats?q=${'x'.repeat(2_100)}`;
    const message = `${long.length - LIMITS.url} characters too many: a URL is at most 2,048.`;

    await page.getByRole('button', { name: 'Import article' }).click();
    const importer = page.getByRole('dialog', { name: 'Import article' });
    await importer
      .getByRole('textbox', { name: 'Article text' })
      .fill('Rents doubled, the mayor said.');
    const link = importer.getByRole('textbox', { name: 'Source URL (optional)' });
    await pastePastLimit(page, link, long, message);
    expect(await description(link)).toEqual({ text: message, shown: true });
    await refusedSaying(
      page,
      link,
      () => importer.getByRole('button', { name: 'Import' }).click(),
      message,
    );
    await importer.getByRole('button', { name: 'Cancel' }).click();
    await importer.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exporter = page.getByRole('dialog', { name: 'Export board' });
    const site = exporter.getByRole('textbox', { name: 'Organisation website' });
    await pastePastLimit(page, site, long, message);
    const save = exporter.getByRole('button', { name: 'Save organisation' });
    await refusedSaying(page, site, () => save.click(), message);
    expect(await description(site)).toEqual({ text: message, shown: true });
    await exporter.getByRole('button', { name: 'Close', exact: true }).click();
    await exporter.waitFor({ state: 'detached' });
  });

  it('a comment past its limit is kept whole, told, refused, and posted once trimmed', async () => {
    expect(LIMITS.comment).toBe(10_000);
    const claim = 'Half the new flats stand empty';
    await addClaim(page, claim);
    const dialog = await openCard(page, claim);
    const box = dialog.getByRole('textbox', { name: 'New comment' });
    const long = words(12_345);
    const message = '2,345 characters too many: a comment is at most 10,000.';
    await pastePastLimit(page, box, long, message);
    // After the field's own hint, which stays.
    expect(await description(box)).toEqual({
      text: `Ctrl+Enter (⌘Enter on a Mac): post comment. ${message}`,
      shown: true,
    });
    expect(await axeViolations(page)).toEqual([]);

    const post = dialog.getByRole('button', { name: 'Post comment' });
    await refusedSaying(page, box, () => post.click(), message);
    const heading = dialog.getByRole('heading', { level: 3, name: /^Comments/ });
    expect(await heading.textContent()).toBe('Comments (0)');

    await box.fill(long.slice(0, LIMITS.comment - 1) + '.');
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    expect((await description(box)).text).toMatch(/ 10,000 of 10,000 characters$/);
    await post.click();
    await expect.poll(() => heading.textContent()).toBe('Comments (1)');
    expect(await box.inputValue()).toBe('');
  });

  it('a rationale past its limit is kept whole, told, refused, and saved once trimmed', async () => {
    expect(LIMITS.rationale).toBe(10_000);
    const dialog = page.getByRole('dialog', { name: 'Half the new flats stand empty' });
    const box = dialog.getByRole('textbox', { name: 'Rationale' });
    const long = words(10_500);
    const message = '500 characters too many: a rationale is at most 10,000.';
    await pastePastLimit(page, box, long, message);
    expect(await description(box)).toEqual({ text: message, shown: true });
    const save = dialog.getByRole('button', { name: 'Save verdict' });
    await refusedSaying(page, box, () => save.click(), message);

    await box.fill(long.slice(0, LIMITS.rationale - 1) + '.');
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    await save.click();
    await expect.poll(() => announced(page)).toBe('Rationale saved.');
  });

  it('a published fact-check URL past its limit is kept whole, told, refused, and saved once trimmed', async () => {
    expect(LIMITS.url).toBe(2_048);
    const dialog = page.getByRole('dialog', { name: 'Half the new flats stand empty' });
    const box = dialog.getByRole('textbox', { name: 'Published fact-check URL' });
    const long = `https://checkers.example/2026/flats?q=${'x'.repeat(2_562)}`;
    const message = '552 characters too many: a URL is at most 2,048.';
    await pastePastLimit(page, box, long, message);
    expect(await description(box)).toEqual({
      text: `The page where the fact-check is published: the ClaimReview export links to it. ${message}`,
      shown: true,
    });
    await refusedSaying(page, box, () => page.keyboard.press('Enter'), message);
    const save = dialog.getByRole('button', { name: 'Save publication details' });
    await refusedSaying(page, box, () => save.click(), message);

    const trimmed = long.slice(0, LIMITS.url);
    await box.fill(trimmed);
    expect(await box.getAttribute('aria-invalid')).toBe('false');
    await save.click();
    await expect.poll(() => announced(page)).toBe('Publication details saved.');
    expect(await box.inputValue()).toBe(trimmed);
  });

  it("a speaker past its limit in the card's dialog is kept whole, told, and not saved", async () => {
    expect(LIMITS.speaker).toBe(300);
    const dialog = page.getByRole('dialog', { name: 'Half the new flats stand empty' });
    const box = dialog.getByRole('combobox', { name: 'Speaker', exact: true });
    const message = '100 characters too many: a speaker’s name is at most 300.';
    await pastePastLimit(page, box, words(400), message);
    await refusedSaying(page, box, () => page.keyboard.press('Enter'), message);
    // Leaving the field does not save it either.
    await page.keyboard.press('Tab');
    expect(
      await card(column(page, 'Unverified'), 'Half the new flats').textContent(),
    ).not.toContain('Rents in the capital');
  });
});
