/**
 * The review workflow in three browsers (issue 4): the built app in headless Chromium against
 * the real server, driven by role and accessible name. Lea leads the board and invites Eddie
 * (editor) and Rhea (reviewer) through the invites dialog; Eddie adds evidence and a verdict
 * and moves the card; Rhea comments and resolves; Lea reads it all in the history; Rhea, once
 * revoked, is disconnected.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  card,
  closeCard,
  expectCardIn,
  keyboardMove,
  latestActivity,
  openBoard,
  openCard,
  reloadAnsweringLeave,
  REVOKED_PILL,
  status,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const CLAIM = 'Unemployment fell to 3.9% in March';

const RUN = chromiumAvailable();

async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Invites someone through the invites dialog and returns the link it shows, copied by hand
 * (Ctrl+C in its field, which has focus, selected), as a lead would before closing: closing
 * with a link not copied asks first (inviteLinkClose.test.ts).
 */
async function inviteThroughUi(page: Page, name: string, role: string): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Invite people' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: role });
  await dialog.getByRole('button', { name: 'Create invite link' }).click();
  const link = dialog.getByRole('textbox', { name: `Invite link for ${name} (${role})` });
  await link.waitFor();
  await expect.poll(() => link.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Control+C');
  await link.locator('xpath=../..').getByText('Link copied.', { exact: false }).waitFor();
  return link.inputValue();
}

/** The keys the "Keyboard shortcuts" dialog lists, opened with ? and closed again. */
async function listedShortcuts(page: Page): Promise<string[]> {
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  const keys = await dialog.getByRole('term').allTextContents();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return keys;
}

/** The entries of a history list, without their times. */
const entries = (list: Locator) =>
  list.evaluate((ol) =>
    [...ol.querySelectorAll('li')].map((li) => {
      const copy = li.cloneNode(true) as HTMLElement;
      copy.querySelector('time')?.remove();
      return (copy.textContent ?? '').trim();
    }),
  );

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe.skipIf(!RUN)('the review workflow in the browser', () => {
  const { server, browser } = useBoardBrowser();
  let board: { id: string; leadUrl: string; leadToken: string };
  const contexts: BrowserContext[] = [];
  let lead: Page;
  let editor: Page;
  let reviewer: Page;

  beforeAll(async () => {
    board = await server.createBoard('Jobs report', 'Lea');
    for (let i = 0; i < 3; i++) contexts.push(await browser.newContext());
    [lead, editor, reviewer] = (await Promise.all(contexts.map((c) => c.newPage()))) as [
      Page,
      Page,
      Page,
    ];
    await openBoard(lead, board.leadUrl);
  }, 120_000);

  it('the lead invites an editor and a reviewer through the invites dialog', async () => {
    const opener = lead.getByRole('button', { name: 'Invite people' });
    await opener.click();
    const dialog = lead.getByRole('dialog', { name: 'Invite people' });
    await expect.poll(() => lead.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    const editorUrl = await inviteThroughUi(lead, 'Eddie', 'Editor');
    const reviewerUrl = await inviteThroughUi(lead, 'Rhea', 'Reviewer');
    expect(editorUrl).toMatch(new RegExp(`/b/${board.id}#invite=`));
    expect(reviewerUrl).not.toBe(editorUrl);
    await dialog.getByRole('button', { name: 'Copy link for Rhea (Reviewer)' }).click();
    await expect
      .poll(() => dialog.getByRole('status').first().textContent())
      .toMatch(/^(Link copied|Copying was blocked)/);

    const people = dialog.getByRole('list');
    await expect
      .poll(() => people.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringMatching(/^Lea \(you\)Lead/),
        expect.stringMatching(/^Eddie.*Not joined yet/),
        expect.stringMatching(/^Rhea.*Not joined yet/),
      ]);
    // Each active invite but the only lead's shows its role as a control that changes it.
    expect(await dialog.getByRole('combobox', { name: 'Role for Eddie' }).inputValue()).toBe(
      'editor',
    );
    expect(await dialog.getByRole('combobox', { name: 'Role for Rhea' }).inputValue()).toBe(
      'reviewer',
    );
    await lead.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedText(lead)).toBe('Invite people');

    await Promise.all([openBoard(editor, editorUrl), openBoard(reviewer, reviewerUrl)]);
    await opener.click();
    await expect
      .poll(() => dialog.getByRole('listitem').filter({ hasText: 'Eddie' }).textContent())
      .toMatch(/Joined /);
    await lead.keyboard.press('Escape');
  });

  it('the editor takes the card, adds evidence and a verdict', async () => {
    await addClaim(editor, CLAIM);
    const dialog = await openCard(editor, CLAIM);
    await dialog.getByRole('button', { name: 'Take this card' }).click();
    await dialog.getByRole('button', { name: 'Release' }).waitFor();

    await dialog.getByRole('button', { name: 'Add evidence' }).click();
    const form = dialog.getByRole('form', { name: 'New evidence' });
    // Only http(s) sources: anything else is refused next to the field.
    await form.getByRole('textbox', { name: 'Source URL' }).fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/http:\/\/ or https/);
    // Not a link at all: the same message, not the browser's own bubble.
    await form.getByRole('textbox', { name: 'Source URL' }).fill('the BLS site');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/http:\/\/ or https/);
    // As copied from a browser's address bar, without its https://: taken as a web page.
    await form.getByRole('textbox', { name: 'Source URL' }).fill('stats.example.org/march');
    await form
      .getByRole('textbox', { name: 'Quoted passage' })
      .fill('The unemployment rate was 3.9 percent in March.');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await form.waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the form.
    await expect.poll(() => focusedText(editor)).toBe('Add evidence');

    await dialog.getByRole('button', { name: 'Add evidence' }).click();
    // A source the card cites already is pointed out, not refused.
    const source = dialog.getByRole('textbox', { name: 'Source URL' });
    const already = dialog.getByText('This card already cites this source');
    await source.fill('stats.example.org/march');
    await expect
      .poll(() => already.textContent())
      .toBe('This card already cites this source, as supporting evidence.');
    await source.fill('https://news.example.com/revision');
    await already.waitFor({ state: 'detached' });
    await dialog.getByRole('radio', { name: 'Refutes' }).check();
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Revised to 4.0% later');
    await dialog
      .getByRole('form', { name: 'New evidence' })
      .getByRole('button', { name: 'Add evidence' })
      .click();
    await expect
      .poll(() => dialog.getByLabel(/^Balance of evidence/).textContent())
      .toBe('1 supporting, 1 refuting');
    const link = dialog.getByRole('link', { name: 'https://stats.example.org/march' });
    expect(await link.getAttribute('href')).toBe('https://stats.example.org/march');

    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('Unproven');
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Waiting for the revision.');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await closeDialog(dialog);

    // Everyone sees the balance, the verdict and who checks the card on the card itself.
    for (const page of [editor, lead, reviewer]) {
      await expect
        .poll(() => card(page, CLAIM).textContent())
        .toMatch(/Unproven.*1 supporting, 1 refuting.*Being checked by Eddie/);
    }
  });

  it('moving the card to Corroborated asks the editor for a new label', async () => {
    await keyboardMove(editor, CLAIM, ['ArrowRight']);
    const prompt = editor.getByRole('dialog', { name: 'New verdict for Corroborated' });
    await prompt.waitFor();
    // Focus is on the question, not on a label the drop's Space could press by itself.
    await expect.poll(() => focusedText(editor)).toBe('New verdict for Corroborated');
    await expectCardIn(editor, CLAIM, 'Unverified');
    await editor.keyboard.press('Tab');
    await expect.poll(() => focusedText(editor)).toBe('True');
    await editor.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    await expectCardIn(editor, CLAIM, 'Corroborated');
    await expectCardIn(lead, CLAIM, 'Corroborated');
    await expect.poll(() => card(lead, CLAIM).textContent()).toMatch(/True/);
    // The keyboard move ends with the card focused in its new place.
    await expect.poll(() => focusedText(editor)).toMatch(new RegExp(`^${CLAIM}`));
  });

  it('the reviewer has no controls to move or edit cards', async () => {
    const item = card(reviewer, CLAIM);
    await item.waitFor();
    for (const name of [/^Pick up/, 'Edit claim', 'Delete card']) {
      expect(await item.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await item.getByRole('combobox', { name: 'Move to…' }).count()).toBe(0);
    // Nothing to select: a selection is for acting on cards (SelectionBar).
    expect(await reviewer.getByRole('checkbox', { name: /^Select / }).count()).toBe(0);
    expect(await reviewer.getByRole('textbox', { name: 'New claim' }).count()).toBe(0);
    for (const name of ['Invite people', 'Rating scale']) {
      expect(await reviewer.getByRole('button', { name }).count()).toBe(0);
    }
    // Space on a focused card picks it up, and E or F2 edits its claim, for editors only; a
    // reviewer is told why not in the line over the board that names the role, politely.
    await recordLiveRegions(reviewer);
    const notice = reviewer.locator('.banner [role="status"]');
    const refusals = async () =>
      (await liveSaid(reviewer)).filter((said) => said.startsWith('Reviewers can comment'));
    const ASK = 'ask the board’s lead for editor access.';
    const MOVE = `Reviewers can comment but not move cards; ${ASK}`;
    const EDIT = `Reviewers can comment but not edit cards; ${ASK}`;
    const SELECT = `Reviewers can comment but not select cards to move; ${ASK}`;
    await item.focus();
    // Each refused key between two others, so each is said: the recorder counts one sentence
    // said twice in a row once, whatever the region, but a second region saying it would count.
    for (const [key, sentence] of [
      ['Space', MOVE],
      ['e', EDIT],
      ['Space', MOVE],
      ['F2', EDIT],
      ['Space', MOVE],
      // Caps Lock or Shift: the key arrives as "E".
      ['Shift+E', EDIT],
      ['x', SELECT],
    ] as const) {
      await reviewer.keyboard.press(key);
      await expect.poll(() => notice.textContent()).toContain(sentence);
    }
    await expect.poll(refusals).toEqual([MOVE, EDIT, MOVE, EDIT, MOVE, EDIT, SELECT]);
    expect(await item.getByRole('textbox').count()).toBe(0);
    expect(await item.evaluate((li) => li === document.activeElement)).toBe(true);
    // The keyboard shortcuts are the reviewer's: commenting and undo, no moving or editing.
    const keys = await listedShortcuts(reviewer);
    expect(keys).toEqual(expect.arrayContaining(['Ctrl+Z (⌘Z)', 'Ctrl+Enter (⌘Enter)']));
    expect(keys).not.toContain('Space');
    expect(keys).not.toContain('E or F2');
    expect(keys).not.toContain('X');
    await reviewer.keyboard.press('ArrowRight');
    await reviewer.keyboard.press('Space');
    await expectCardIn(reviewer, CLAIM, 'Corroborated');

    const dialog = await openCard(reviewer, CLAIM);
    for (const name of ['Add evidence', 'Take this card', 'Save verdict', /^Edit evidence/]) {
      expect(await dialog.getByRole('button', { name }).count()).toBe(0);
    }
    // No verdict, move or speaker controls; the comment box is a plain (multi-line) textbox.
    expect(await dialog.getByRole('combobox').count()).toBe(0);
    expect(await dialog.getByRole('textbox', { name: 'Rationale' }).count()).toBe(0);
    expect(await dialog.getByRole('textbox', { name: 'New comment' }).count()).toBe(1);
    await closeDialog(dialog);
  });

  it('the reviewer comments with a mention, the editor replies, the reviewer resolves', async () => {
    const rDialog = await openCard(reviewer, CLAIM);
    await rDialog
      .getByRole('textbox', { name: 'New comment' })
      .fill('@Eddie the BLS page says 3.9, see https://bls.example.gov/cps. <b>not bold</b>');
    await rDialog.getByRole('button', { name: 'Post comment' }).click();
    const rThread = rDialog.getByRole('listitem', { name: /^Thread by Rhea/ });
    await rThread.waitFor();
    // Text stays text: the markup shows as typed, only the http(s) URL is a link.
    await expect
      .poll(() => rThread.locator('.comment-text').textContent())
      .toContain('<b>not bold</b>');
    expect(await rThread.locator('b').count()).toBe(0);
    expect(
      await rThread.getByRole('link', { name: 'https://bls.example.gov/cps' }).getAttribute('href'),
    ).toBe('https://bls.example.gov/cps');

    const eDialog = await openCard(editor, CLAIM);
    const eThread = eDialog.getByRole('listitem', { name: /^Thread by Rhea/ });
    await eThread.waitFor();
    // The mention is highlighted for Eddie, and only for him.
    await expect.poll(() => eThread.locator('mark.mention-me').textContent()).toBe('@Eddie');
    await eThread.getByText('Mentions you').waitFor();
    expect(await rThread.locator('mark.mention-me').count()).toBe(0);
    expect(await eThread.getByRole('button', { name: 'Edit comment' }).count()).toBe(0);

    await eThread.getByRole('button', { name: 'Reply to Rhea' }).click();
    await eDialog
      .getByRole('textbox', { name: 'Reply to Rhea' })
      .fill('Thanks, noted in the rationale.');
    await editor.keyboard.press('Control+Enter');
    await expect.poll(() => focusedText(editor)).toBe('Reply');
    await closeDialog(eDialog);

    await rThread.getByText('Thanks, noted in the rationale.').waitFor();
    // Rhea may edit her own comment, not Eddie's reply.
    await expect.poll(() => rThread.getByRole('button', { name: 'Edit comment' }).count()).toBe(1);
    await rThread.getByRole('button', { name: 'Resolve thread' }).click();
    await rThread.getByText('Resolved by Rhea').waitFor();
    await rDialog.getByRole('listitem', { name: 'Thread by Rhea, resolved' }).waitFor();

    // Her own comments she edits and deletes; Escape leaves the edit, not the dialog, and
    // with text changed asks first, inside the edit.
    await rThread.getByRole('button', { name: 'Edit comment' }).click();
    const edit = rThread.getByRole('textbox', { name: 'Edit comment' });
    await edit.fill('@Eddie the BLS page says 3.9 (seasonally adjusted).');
    await reviewer.keyboard.press('Escape');
    const discard = rThread.getByRole('alertdialog', { name: 'Discard what you typed here?' });
    await discard.waitFor();
    // Escape again keeps editing, back in the text, and the dialog asks nothing.
    await reviewer.keyboard.press('Escape');
    await discard.waitFor({ state: 'detached' });
    expect(await edit.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await rDialog.getByRole('alertdialog').count()).toBe(0);
    await reviewer.keyboard.press('Escape');
    await discard.getByRole('button', { name: 'Discard' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => focusedText(reviewer)).toBe('Edit');
    await rThread.getByRole('button', { name: 'Edit comment' }).click();
    await edit.fill('@Eddie the BLS page says 3.9 (seasonally adjusted).');
    await rThread.getByRole('button', { name: 'Save comment' }).click();
    await expect
      .poll(() => rThread.locator('.comment-text').first().textContent())
      .toBe('@Eddie the BLS page says 3.9 (seasonally adjusted).');
    await rThread.getByText('(edited)').waitFor();

    await rDialog.getByRole('textbox', { name: 'New comment' }).fill('A comment posted by mistake');
    await rDialog.getByRole('button', { name: 'Post comment' }).click();
    // Its thread, not the card history's entries that quote it (posted, then deleted).
    const mistake = rDialog
      .getByRole('listitem', { name: /^Thread by Rhea/ })
      .filter({ hasText: 'posted by mistake' });
    await mistake.getByRole('button', { name: 'Delete comment' }).click();
    await mistake.waitFor({ state: 'detached' });
    await expect
      .poll(() => rDialog.getByRole('heading', { level: 3, name: /^Comments/ }).textContent())
      .toBe('Comments (2)');
    await closeDialog(rDialog);
  });

  it("the lead sees each step in the card's history and the activity feed, by name", async () => {
    const dialog = await openCard(lead, CLAIM);
    const timeline = dialog.getByRole('list', { name: 'Card history' });
    const expected = [
      'Eddie added the card to Unverified',
      'Eddie took the card',
      'Eddie added supporting evidence: https://stats.example.org/march',
      'Eddie added refuting evidence: https://news.example.com/revision',
      'Eddie set the verdict to Unproven',
      'Eddie changed the rationale to “Waiting for the revision.”',
      'Eddie moved the card from Unverified to Corroborated',
      'Eddie set the verdict to True (was Unproven)',
      'Rhea commented: “@Eddie the BLS page says 3.9, see https://bls.example.gov/cps. <b>not bold</b>”',
      'Eddie replied to a comment: “Thanks, noted in the rationale.”',
      'Rhea resolved a thread',
      'Rhea edited their comment: “@Eddie the BLS page says 3.9, see https://bls.example.gov/cps. <b>not bold</b>” → “@Eddie the BLS page says 3.9 (seasonally adjusted).”',
      'Rhea commented: “A comment posted by mistake”',
      'Rhea deleted their comment “A comment posted by mistake”',
    ];
    await expect.poll(() => entries(timeline), { timeout: 10_000 }).toEqual(expected);
    // "Created" reads its moment as the history entry of it does (the two are stored apart,
    // a moment from each other): the same words, to the second in the tooltip.
    const moment = async (time: Locator) => {
      const [text, title, at] = await time.evaluate((t) => [
        t.textContent ?? '',
        t.getAttribute('title') ?? '',
        t.getAttribute('datetime') ?? '',
      ]);
      return { shape: [text, title].map((words) => words.replace(/\d/g, '#')), at: Date.parse(at) };
    };
    const created = await moment(dialog.locator('dt:text-is("Created") + dd time'));
    const logged = await moment(timeline.getByRole('listitem').first().locator('time'));
    expect(created.shape).toEqual(logged.shape);
    expect(Math.abs(created.at - logged.at)).toBeLessThan(10_000);
    expect(await dialog.locator('dt:text-is("Created") + dd').textContent()).toMatch(/^Eddie, /);
    await closeDialog(dialog);

    await lead.getByRole('button', { name: 'Activity' }).click();
    const feed = lead.getByRole('region', { name: 'Activity' });
    await expect.poll(() => focusedText(lead)).toBe('Activity');
    await expect
      .poll(() => latestActivity(feed).textContent())
      .toMatch(/^Rhea deleted their comment/);
    await feed.getByRole('listitem').first().getByRole('button', { name: CLAIM }).click();
    await lead.getByRole('dialog', { name: CLAIM }).waitFor();
    await closeDialog(lead.getByRole('dialog', { name: CLAIM }));
    await feed.getByRole('button', { name: 'Close activity' }).click();
    await expect.poll(() => focusedText(lead)).toBe('Activity');
  });

  it('a viewer reads comments and history but cannot comment', async () => {
    const viewerUrl = await server.invite(board, 'Vic', 'viewer');
    const context = await browser.newContext();
    contexts.push(context);
    const viewer = await context.newPage();
    await openBoard(viewer, viewerUrl);
    const dialog = await openCard(viewer, CLAIM);
    await dialog.getByRole('listitem', { name: 'Thread by Rhea, resolved' }).waitFor();
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Card history' }).getByRole('listitem').count())
      .toBeGreaterThan(5);
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    for (const name of [
      /^Reply/,
      'Resolve thread',
      'Reopen thread',
      'Edit comment',
      'Delete comment',
    ]) {
      expect(await dialog.getByRole('button', { name }).count()).toBe(0);
    }
    await closeDialog(dialog);
    // Nor is a viewer told of keys to comment, undo, move or edit.
    const keys = await listedShortcuts(viewer);
    expect(keys).toEqual(expect.arrayContaining(['Enter', '?']));
    for (const key of ['Ctrl+Enter (⌘Enter)', '@ and a few letters', 'Ctrl+Z (⌘Z)', 'Space']) {
      expect(keys).not.toContain(key);
    }
    await context.close();
  });

  it('a browser that knows its person by another name comments under the invite’s name', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // This browser has been used before, by a "Dee" (a board of her own, say).
    await page.goto(`${server.url}/`);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dee');
    await page.getByRole('button', { name: 'Continue' }).click();
    await openBoard(page, await server.invite(board, 'Rosa Díaz', 'reviewer'));
    const dialog = await openCard(page, CLAIM);
    await dialog.getByRole('textbox', { name: 'New comment' }).fill('Checked the March table.');
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    // The name her colleagues see on her presence is the one on her comment.
    const lDialog = await openCard(lead, CLAIM);
    await lDialog.getByRole('listitem', { name: /^Thread by Rosa Díaz/ }).waitFor();
    expect(await lDialog.getByRole('listitem', { name: /^Thread by Dee/ }).count()).toBe(0);
    await closeDialog(lDialog);
    await context.close();
  });

  it('the lead adds a label to the scale, and a move to Disputed offers it', async () => {
    await lead.getByRole('button', { name: 'Rating scale' }).click();
    const scale = lead.getByRole('dialog', { name: 'Rating scale' });
    await scale.getByRole('button', { name: 'Add label' }).click();
    // Focus goes to the new row's label field.
    await lead.keyboard.type('Satire');
    await scale.getByRole('combobox', { name: 'Column for Satire' }).selectOption('Disputed');
    await scale.getByRole('textbox', { name: 'Value for Satire' }).fill('9');
    await scale.getByRole('button', { name: 'Save scale' }).click();
    await expect
      .poll(() => scale.getByRole('alert').textContent())
      .toBe('Satire: the value must be a number from worst to best.');
    // The field at fault is marked, described by its message, and takes the focus.
    const value = scale.getByRole('textbox', { name: 'Value for Satire' });
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    expect(await value.evaluate((el) => el === document.activeElement)).toBe(true);
    const describedBy = (await value.getAttribute('aria-describedby')) ?? '';
    expect(await scale.locator(`[id="${describedBy}"]`).textContent()).toMatch(/^Satire: /);
    await value.fill('1');
    await scale.getByRole('button', { name: 'Save scale' }).click();
    await scale.waitFor({ state: 'detached' });

    await card(editor, CLAIM).getByRole('combobox', { name: 'Move to…' }).selectOption('Disputed');
    const prompt = editor.getByRole('dialog', { name: 'New verdict for Disputed' });
    await prompt.getByRole('button', { name: 'Satire' }).click();
    await expectCardIn(lead, CLAIM, 'Disputed');
    await expect.poll(() => card(lead, CLAIM).textContent()).toMatch(/Satire/);

    // Cancelling a move leaves the card and its verdict where they were.
    await card(editor, CLAIM)
      .getByRole('combobox', { name: 'Move to…' })
      .selectOption('Unverified');
    await editor
      .getByRole('dialog', { name: 'New verdict for Unverified' })
      .getByRole('button', { name: 'Cancel move' })
      .click();
    await expectCardIn(editor, CLAIM, 'Disputed');
    expect(await card(editor, CLAIM).textContent()).toMatch(/Satire/);

    // Renaming the label in place relabels the card (B11), and the dialog says so first.
    await lead.getByRole('button', { name: 'Rating scale' }).click();
    await scale.getByRole('textbox', { name: 'Label 8' }).fill('Parody');
    await scale
      .locator('p')
      .filter({ hasText: /^1 card will be relabelled from “Satire” to “Parody”\.$/ })
      .waitFor();
    await scale.getByRole('button', { name: 'Save scale' }).click();
    await scale.waitFor({ state: 'detached' });
    await expect.poll(() => card(editor, CLAIM).textContent()).toMatch(/Parody/);
    // The activity feed tells the rename and the relabelling as one entry.
    const feed = lead.getByRole('region', { name: 'Activity' });
    if ((await feed.count()) === 0) await lead.getByRole('button', { name: 'Activity' }).click();
    await expect
      .poll(() => feed.getByRole('listitem').first().locator('p').first().textContent())
      .toMatch(
        /changed the rating scale: renamed “Satire” to “Parody”, and set the verdict of 1 card to Parody \(was Satire\)$/,
      );
  });

  it('a revoked reviewer is disconnected, and her page says so', async () => {
    await lead.getByRole('button', { name: 'Invite people' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Invite people' });
    const revoke = dialog.getByRole('button', { name: 'Revoke invite for Rhea' });
    // Escape in the question cancels the question, not the dialog, and focus goes back to
    // the Revoke button that asked it.
    await revoke.click();
    const question = dialog.getByRole('group', { name: "Revoke Rhea's access?" });
    await question.waitFor();
    await lead.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    await expect
      .poll(() => lead.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Revoke invite for Rhea');
    await revoke.click();
    await dialog.getByRole('button', { name: 'Revoke access for Rhea' }).click();
    await expect
      .poll(() => dialog.getByRole('listitem').filter({ hasText: 'Rhea' }).textContent())
      .toMatch(/Revoked /);
    await lead.keyboard.press('Escape');

    await expect
      .poll(() => reviewer.locator('[data-status]').getAttribute('data-status'))
      .toBe('refused');
    await expect.poll(() => status(reviewer).textContent()).toMatch(REVOKED_PILL);
    await reviewer
      .getByRole('alert')
      .filter({ hasText: 'so nothing changed here can be saved' })
      .waitFor();
    // The editor is not affected.
    await expect
      .poll(() => editor.locator('[data-status]').getAttribute('data-status'))
      .toBe('saved');

    // Nothing Rhea writes now could be saved: the page takes none of it.
    const dialog2 = await openCard(reviewer, CLAIM);
    expect(await dialog2.getByRole('textbox', { name: 'New comment' }).count()).toBe(0);
    // Closed, and its address gone (the dialog's history entry is taken back after it closes):
    // a reload would otherwise be the card's address, and the new link below a new page.
    await closeCard(reviewer);
    // And this browser kept no copy of the board: after a reload there is nothing to read,
    // and the page says why and where to go rather than show an empty board loading for ever.
    await reviewer.reload();
    await reviewer
      .getByRole('heading', { level: 1, name: 'This invite no longer opens the board' })
      .waitFor();
    // Who revoked it and when, once the server says (GET …/revocation).
    await expect
      .poll(() => reviewer.getByRole('alert').textContent())
      .toContain('Lea (lead) revoked your invite at ');
    expect(await reviewer.getByRole('link', { name: 'Go to your boards' }).count()).toBe(1);
    await reviewer.waitForTimeout(500); // a device copy, were there one, would have loaded
    expect(await card(reviewer, CLAIM).count()).toBe(0);

    // A new invite link opened in this tab changes only the address's #invite=: the page
    // opens the board with it at once, without a reload.
    const again = await server.invite(board, 'Rhea', 'reviewer');
    await reviewer.evaluate((url) => {
      (window as { sameDocument?: boolean }).sameDocument = true;
      window.location.assign(url);
    }, again);
    await card(reviewer, CLAIM).waitFor({ timeout: 10_000 });
    await waitSaved(reviewer);
    expect(await reviewer.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(reviewer.url()).not.toContain('#invite=');
  });

  it('closing a card with unsaved text asks first; Escape keeps editing', async () => {
    const dialog = await openCard(editor, CLAIM);
    const rationale = dialog.getByRole('textbox', { name: 'Rationale' });
    const saved = await rationale.inputValue();
    await rationale.fill(`${saved} Also the BLS revision.`);
    const comment = dialog.getByRole('textbox', { name: 'New comment' });
    await comment.fill('Half-written thought');
    await editor.keyboard.press('Escape');

    const ask = dialog.getByRole('alertdialog', { name: 'Close without saving?' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain(
      'Not saved yet: the verdict and rationale; new comment.',
    );
    expect(await focusedText(editor)).toBe('Keep editing');
    // Escape again is "keep editing": the drafts and the field the person was in come back.
    await editor.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await comment.inputValue()).toBe('Half-written thought');
    expect(await comment.evaluate((el) => el === document.activeElement)).toBe(true);
    // And a third Escape asks again (Chrome closes a dialog that refuses two close requests in
    // a row without a click or key between; the dialog handles Escape itself).
    await editor.keyboard.press('Escape');
    await ask.waitFor();
    expect(await dialog.evaluate((el) => (el as HTMLDialogElement).open)).toBe(true);
    await editor.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });

    // A speaker typed and not saved counts too: Close asks, and discarding does not save it.
    const speaker = dialog.getByRole('combobox', { name: 'Speaker', exact: true });
    const speakerBefore = await speaker.inputValue();
    await speaker.fill('Wrong Speaker');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await ask.waitFor();
    expect(await ask.textContent()).toContain('the speaker');
    await ask.getByRole('button', { name: 'Discard and close' }).click();
    await dialog.waitFor({ state: 'detached' });
    const again = await openCard(editor, CLAIM);
    expect(await again.getByRole('textbox', { name: 'Rationale' }).inputValue()).toBe(saved);
    expect(await again.getByRole('combobox', { name: 'Speaker', exact: true }).inputValue()).toBe(
      speakerBefore,
    );
    expect(await card(lead, CLAIM).textContent()).not.toContain('Wrong Speaker');

    // Escape inside an evidence form closes the form, not the dialog: an untouched one at once,
    // one with something typed after asking; Escape again keeps editing, in the same field.
    const addEvidence = again.getByRole('button', { name: 'Add evidence' });
    await addEvidence.click();
    const form = again.getByRole('form', { name: 'New evidence' });
    await editor.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await addEvidence.click();
    const url = form.getByRole('textbox', { name: 'Source URL' });
    await url.fill('https://www.bls.gov/news.release/empsit.nr0.htm');
    const passage = form.getByRole('textbox', { name: 'Quoted passage' });
    await passage.fill('fell to 3.9 percent');
    await editor.keyboard.press('Escape');
    const discard = form.getByRole('alertdialog', { name: 'Discard what you typed here?' });
    await discard.waitFor();
    expect(await focusedText(editor)).toBe('Keep editing');
    await editor.keyboard.press('Escape');
    await discard.waitFor({ state: 'detached' });
    expect(await url.inputValue()).toBe('https://www.bls.gov/news.release/empsit.nr0.htm');
    expect(await passage.evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.keyboard.press('Escape');
    await discard.getByRole('button', { name: 'Discard' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await ask.count()).toBe(0);

    // Nothing typed: Escape closes at once.
    await editor.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });

    // Leaving the page with text typed in the dialog asks too (the test answers "leave").
    const typed = await openCard(editor, CLAIM);
    await typed.getByRole('textbox', { name: 'New comment' }).fill('Half a thought');
    expect(await reloadAnsweringLeave(editor)).toEqual(['beforeunload']);
    await waitSaved(editor);
    // The address names the card: the reload opens it again, without what was typed.
    const reopened = editor.getByRole('dialog', { name: CLAIM });
    await reopened.waitFor();
    expect(await reopened.getByRole('textbox', { name: 'New comment' }).inputValue()).toBe('');
    await editor.keyboard.press('Escape');
    await reopened.waitFor({ state: 'detached' });
  });

  it('a new invite link opened over a comment being typed asks before starting the page again', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await openBoard(page, await server.invite(board, 'Nia', 'reviewer'));
    const dialog = await openCard(page, CLAIM);
    const comment = dialog.getByRole('textbox', { name: 'New comment' });
    await comment.fill('Half a thought about the March table');
    const asked: string[] = [];
    let answer = false;
    page.on('dialog', (question) => {
      asked.push(question.message());
      void (answer ? question.accept() : question.dismiss());
    });
    // Only the address's #invite= changes: the same page, which the new invite would restart.
    // With a card open the tab shows the card's address; an invite link to the bare board
    // address would load a new page instead (the browser's own "Leave site?" asks then).
    const invite = new URL(await server.invite(board, 'Nia', 'editor'));
    const link = `${page.url()}${invite.hash}`;
    expect(link).toContain('?card=');
    await page.evaluate((url) => window.location.assign(url), link);
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('What you have typed here and not saved would be lost');
    // Declined: the text and the old invite stay; the token leaves the address either way.
    expect(await comment.inputValue()).toBe('Half a thought about the March table');
    expect(page.url()).not.toContain('#invite=');
    expect(await page.getByText('Reviewer', { exact: true }).count()).toBe(1);

    // Opened again and accepted: the board opens with the new invite, in the same page.
    answer = true;
    await page.evaluate((url) => window.location.assign(url), link);
    await expect.poll(() => asked.length).toBe(2);
    await page.getByText('Editor', { exact: true }).waitFor();
    await waitSaved(page);
    expect(page.url()).not.toContain('#invite=');
    await context.close();
  });

  it('evidence a colleague removes while the lead edits it can be added again with her edit', async () => {
    const mine = await openCard(lead, CLAIM);
    await mine.getByRole('button', { name: 'Edit evidence from news.example.com' }).click();
    const form = mine.getByRole('form', { name: 'Edit evidence from news.example.com' });
    await form.getByRole('textbox', { name: 'Note (optional)' }).fill('BLS revised it to 4.0%');

    const theirs = await openCard(editor, CLAIM);
    await theirs.getByRole('button', { name: 'Remove evidence from news.example.com' }).click();
    await expect
      .poll(() => form.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toMatch(/^A colleague removed this evidence while you were editing it/);
    // Her draft is still there.
    expect(await form.getByRole('textbox', { name: 'Note (optional)' }).inputValue()).toBe(
      'BLS revised it to 4.0%',
    );
    await form.getByRole('button', { name: 'Add it again' }).click();
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => theirs.getByText('BLS revised it to 4.0%').count(), { timeout: 10_000 })
      .toBe(1);
    await closeDialog(theirs);
    await closeDialog(mine);
  });

  it('evidence its remover brings back with Undo reads as restored, not as a new source', async () => {
    const dialog = await openCard(editor, CLAIM);
    await dialog.getByRole('button', { name: 'Remove evidence from stats.example.org' }).click();
    await expect
      .poll(() => dialog.getByRole('link', { name: /stats\.example\.org/ }).count())
      .toBe(0);
    // Ctrl+Z from the dialog, where focus went after the removal (its Add evidence button).
    await editor.keyboard.press('Control+z');
    await dialog.getByRole('link', { name: 'https://stats.example.org/march' }).waitFor();
    await closeDialog(dialog);
    await waitSaved(editor);

    const restored =
      'Eddie restored the source https://stats.example.org/march as supporting evidence';
    const timeline = (await openCard(lead, CLAIM)).getByRole('list', { name: 'Card history' });
    await expect
      .poll(async () => (await entries(timeline)).slice(-2), { timeout: 10_000 })
      .toEqual([
        'Eddie removed supporting evidence: https://stats.example.org/march, quoting “The unemployment rate was 3.9 percent in March.”',
        restored,
      ]);
    await closeDialog(lead.getByRole('dialog', { name: CLAIM }));

    await lead.getByRole('button', { name: 'Activity' }).click();
    const feed = lead.getByRole('region', { name: 'Activity' });
    await expect
      .poll(() => latestActivity(feed).textContent())
      .toMatch(new RegExp(`^${restored.replace(/[.?]/g, '\\$&')}`));
    await feed.getByRole('button', { name: 'Close activity' }).click();
  });
});
