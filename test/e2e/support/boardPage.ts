/**
 * The board as a screen-reader user meets it: columns are regions named by their heading,
 * cards are list items whose names start with their claim.
 */
import type { Dialog, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type ColumnName = 'Unverified' | 'Corroborated' | 'Disputed';
const COLUMN_NAMES: readonly ColumnName[] = ['Unverified', 'Corroborated', 'Disputed'];

export const column = (page: Page, name: ColumnName): Locator =>
  page.getByRole('region', { name: new RegExp(`^${name}\\b`) });

export const card = (scope: Page | Locator, claim: string): Locator =>
  scope.getByRole('listitem', { name: new RegExp(`^${escape(claim)}`) });

/**
 * Clicks a card's own button for `action`: its name starts with the action and goes on with
 * the claim ("Delete card “…”"), so the button is found within the card.
 */
export async function clickCardAction(
  page: Page,
  claim: string,
  action: 'Delete card' | 'Edit claim',
): Promise<void> {
  await card(page, claim)
    .getByRole('button', { name: new RegExp(`^${action}`) })
    .click();
}

/** The status pill's words as shown (a hidden live region beside them repeats some). */
export const status = (page: Page): Locator => page.locator('[data-status] .status-label');

/**
 * What "← Boards" asks before leaving a board with something unsaved: the question's words,
 * answered Cancel (the page stays on the board).
 */
export async function leaveQuestion(page: Page): Promise<string> {
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (prompt) => {
      resolve(prompt.message());
      void prompt.dismiss();
    }),
  );
  await page.getByRole('link', { name: /Boards/ }).click();
  return asked;
}

/**
 * The status pill of a page whose invite was revoked: generic words until GET …/revocation
 * answers, then the lead's name and the time ("Lea (lead) revoked your invite at 14:02").
 */
export const REVOKED_PILL =
  /^(Your invite is no longer valid|.+ \(lead\) revoked your invite at .+)$/;

/**
 * What the board's announcer last said where it speaks now: while a modal dialog is open (the
 * page behind it inert), from the topmost dialog's own live region; otherwise from the board's.
 * Without the invisible mark that lets the same sentence be said twice.
 */
export function announced(page: Page): Promise<string> {
  return page.evaluate(() => {
    const top = [...document.querySelectorAll('dialog[open]')].at(-1);
    const region = top
      ? top.querySelector('[data-testid="dialog-announcer"]')
      : document.querySelector('[data-testid="announcer"]');
    return (region?.textContent ?? '').replace(/\u00a0/g, '');
  });
}

/**
 * Starts recording what the status pill's live region says: each sentence put into it, in
 * order (its emptying, once a sentence has been there a while, is not a sentence).
 * `statusSaid` reads the record. Install again after a reload.
 */
export async function recordStatusVoice(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { statusSaid: string[]; statusEar?: MutationObserver };
    w.statusEar?.disconnect(); // recording anew: one observer, or each sentence counts twice
    w.statusSaid = [];
    const said = () => document.querySelector('[data-status] [role="status"]')?.textContent ?? '';
    let last = said();
    w.statusEar = new MutationObserver(() => {
      const text = said();
      if (text && text !== last) w.statusSaid.push(text);
      last = text;
    });
    w.statusEar.observe(document.body, { childList: true, characterData: true, subtree: true });
  });
}

export const statusSaid = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { statusSaid: string[] }).statusSaid);

/** Waits for "All changes saved": connected, synced, and every local change acknowledged. */
export async function waitSaved(page: Page, timeout = 10_000): Promise<void> {
  try {
    await page.locator('[data-status="saved"]').waitFor({ timeout });
  } catch (error) {
    // Say where the page stood instead: a flaky wait is then diagnosable from the log alone.
    throw new Error(`not saved within ${timeout} ms; status: ${await statusText(page)}`, {
      cause: error,
    });
  }
}

/** What the page's status pill says, and its state, for an error or a log line. */
export async function statusText(page: Page): Promise<string> {
  const status = await page
    .locator('[data-status]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')}: ${e.textContent}`))
    .catch(() => ['(page not readable)']);
  return status.join(' | ') || 'none';
}

/**
 * Reloads the page, answering "leave" to any question it asks on the way out, and returns the
 * kinds of dialog it asked (['beforeunload'] when leaving would lose something).
 */
export async function reloadAnsweringLeave(page: Page): Promise<string[]> {
  const asked: string[] = [];
  const answer = (dialog: Dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  };
  page.on('dialog', answer);
  try {
    await page.reload();
  } finally {
    page.off('dialog', answer);
  }
  return asked;
}

/**
 * Closes the open card with Escape and waits until the address no longer names it. Closing
 * takes the card's history entry back with history.back(), which lands a moment after the
 * dialog has gone; a reload before then would open the card again from its address.
 */
export async function closeCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await expect.poll(() => new URL(page.url()).searchParams.has('card')).toBe(false);
}

/** Opens an invite link and waits until the board has synced with the server. */
export async function openBoard(page: Page, inviteUrl: string): Promise<void> {
  await page.goto(inviteUrl);
  await waitSaved(page);
}

/** Waits until a card shows in a column (and nowhere else on that page). */
export async function expectCardIn(
  page: Page,
  claim: string,
  name: ColumnName,
  timeout = 10_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const where: string[] = [];
        for (const c of COLUMN_NAMES) {
          if ((await card(column(page, c), claim).count()) > 0) where.push(c);
        }
        return where.join(',');
      },
      { timeout },
    )
    .toBe(name);
}

/** The columns a card shows in on this page, for "exactly one column". */
export async function columnsOf(page: Page, claim: string): Promise<ColumnName[]> {
  const where: ColumnName[] = [];
  for (const c of COLUMN_NAMES) if ((await card(column(page, c), claim).count()) > 0) where.push(c);
  return where;
}

export async function addClaim(page: Page, claim: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'New claim', exact: true });
  await box.fill(claim);
  // Once in a loaded CI run (dropUnderPointer) Add claim stayed disabled after this fill, as if
  // New claim were empty, and its click timed out: say at once what the box and the button
  // hold, and where focus is (fill focuses the box, then types into whatever has focus).
  const typed = await box.evaluate((field: HTMLTextAreaElement) => ({
    value: field.value,
    disabled: field.form?.querySelector('button[type="submit"]')?.getAttribute('aria-disabled'),
    focus: document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing',
  }));
  if (typed.value !== claim || typed.disabled === 'true') {
    throw new Error(`New claim after fill(${JSON.stringify(claim)}): ${JSON.stringify(typed)}`);
  }
  await page.getByRole('button', { name: 'Add claim' }).click();
  await card(column(page, 'Unverified'), claim).waitFor({ timeout: 5_000 });
}

/** Picks a card up with the keyboard, presses the arrows, and drops it. */
export async function keyboardMove(page: Page, claim: string, keys: string[]): Promise<void> {
  await card(page, claim).focus();
  await page.keyboard.press('Space');
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Space');
}

/** The "Move to…" control on a card. */
export async function moveTo(page: Page, claim: string, target: ColumnName): Promise<void> {
  await card(page, claim).getByRole('combobox', { name: 'Move to…' }).selectOption(target);
}

/**
 * The newest change in the Activity panel, as its sentence reads ("Ana moved the card from …",
 * without the time): the first entry of the feed's first row, whether that row is about one
 * card (its entries under the card's heading), about many cards or about the board.
 */
export const latestActivity = (panel: Locator): Locator =>
  panel
    .getByRole('list', { name: 'Board activity, newest first' })
    .getByRole('listitem')
    .first()
    .locator('p')
    .first();

/** Opens a card's detail dialog from its "Open" button. */
export async function openCard(page: Page, claim: string): Promise<Locator> {
  await card(page, claim)
    .getByRole('button', { name: /^Open:/ })
    .click();
  const dialog = page.getByRole('dialog', { name: claim });
  await dialog.waitFor();
  return dialog;
}
