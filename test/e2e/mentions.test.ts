/**
 * @-mention autocomplete in the browser: the built app in headless Chromium against the real
 * server. Rhea (reviewer) writes "@ed", the comment box (a multi-line textbox that names its
 * listbox of suggestions) suggests the people online whose names match, she picks Edith (the
 * editor) with the keyboard, and Edith's page shows the mention highlighted for her. Escape,
 * Enter for a new line, a second @ and a mouse click are tried in a reply, Tab in an edit; the
 * lead is also offered people invited but not yet here. Edith is told of the mention as it
 * arrives and opens the card from the notice; her board marks the card that waits for her
 * answer and "For me" finds it, until she replies.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  announced,
  card,
  openBoard,
  openCard,
  reloadAnsweringLeave,
} from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import type { BoardServer } from './support/boardServer';
import { useBoardBrowser } from './support/useBoardBrowser';

const CLAIM = 'The city planted 10,000 trees last year';
const RUN = chromiumAvailable();

/**
 * The suggestions as a screen reader meets them from the comment box: which list its
 * aria-controls names ('shown' only when that list is the one on screen), the options there,
 * the active one (aria-activedescendant) and the one marked selected.
 */
async function mentionState(box: Locator) {
  const page = box.page();
  const shown = await page
    .getByRole('listbox', { name: 'People to mention' })
    .evaluateAll((lists) => lists.map((l) => l.id));
  const listId = await box.getAttribute('aria-controls');
  const list = page.locator(`[id="${listId}"]`);
  const controls = listId === null ? 'none' : shown.includes(listId) ? 'shown' : 'not shown';
  const options = listId === null ? [] : await list.getByRole('option').allTextContents();
  const activeId = await box.getAttribute('aria-activedescendant');
  const active = activeId ? await page.locator(`[id="${activeId}"]`).textContent() : null;
  const selected =
    listId === null
      ? []
      : await list.locator('[role="option"][aria-selected="true"]').allTextContents();
  return { controls, options, active, selected };
}

const caretAndValue = (box: Locator) =>
  box.evaluate((el: HTMLTextAreaElement) => ({
    value: el.value,
    caret: el.selectionStart,
    focused: document.activeElement === el,
  }));

describe.skipIf(!RUN)('@-mention autocomplete in the browser', () => {
  const { server, browser } = useBoardBrowser();
  const contexts: BrowserContext[] = [];
  let lead: Page;
  let editor: Page;
  let viewer: Page;
  let reviewer: Page;
  let oscarUrl: string;
  let board: Awaited<ReturnType<BoardServer['createBoard']>>;

  beforeAll(async () => {
    board = await server.createBoard('Tree count', 'Lea');
    let editorUrl: string, viewerUrl: string, reviewerUrl: string;
    [editorUrl, viewerUrl, reviewerUrl, oscarUrl] = await Promise.all([
      server.invite(board, 'Edith Reyes', 'editor'),
      server.invite(board, 'Eddie Stone', 'viewer'),
      server.invite(board, 'Rhea', 'reviewer'),
      // Invited, never here: only the lead, who may list invites, can suggest him.
      server.invite(board, 'Oscar Ortiz', 'editor'),
    ]);
    for (let i = 0; i < 4; i++) contexts.push(await browser.newContext());
    [lead, editor, viewer, reviewer] = (await Promise.all(contexts.map((c) => c.newPage()))) as [
      Page,
      Page,
      Page,
      Page,
    ];
    await openBoard(lead, board.leadUrl);
    await addClaim(lead, CLAIM);
    // Edith and Eddie have done nothing on the board: Rhea knows them from presence alone.
    await Promise.all([
      openBoard(editor, editorUrl),
      openBoard(viewer, viewerUrl),
      openBoard(reviewer, reviewerUrl),
    ]);
  }, 120_000);

  it('the reviewer types @ed, picks the editor with the keyboard and posts', async () => {
    const dialog = await openCard(reviewer, CLAIM);
    const box = dialog.getByRole('textbox', { name: 'New comment' });
    // A plain multi-line text area that says it suggests: no combobox role, no aria-expanded.
    expect(
      await box.evaluate((el) => ({
        tag: el.localName,
        role: el.getAttribute('role'),
        autocomplete: el.getAttribute('aria-autocomplete'),
        expanded: el.hasAttribute('aria-expanded'),
      })),
    ).toEqual({ tag: 'textarea', role: null, autocomplete: 'list', expanded: false });
    await box.click();
    await reviewer.keyboard.type('Please check the count @ed');

    await expect
      .poll(() => mentionState(box), { timeout: 10_000 })
      .toEqual({
        controls: 'shown',
        options: ['Eddie Stone', 'Edith Reyes'],
        active: 'Eddie Stone',
        selected: ['Eddie Stone'],
      });
    const list = dialog.getByRole('listbox', { name: 'People to mention' });
    expect(await list.getAttribute('id')).toBe(await box.getAttribute('aria-controls'));
    await expect
      .poll(() => dialog.getByRole('status').filter({ hasText: 'to mention' }).textContent())
      .toMatch(/^2 people to mention\./);

    await reviewer.keyboard.press('ArrowDown');
    await expect.poll(async () => (await mentionState(box)).active).toBe('Edith Reyes');
    await reviewer.keyboard.press('ArrowDown');
    await expect.poll(async () => (await mentionState(box)).active).toBe('Eddie Stone');
    await reviewer.keyboard.press('ArrowUp');
    await expect.poll(async () => (await mentionState(box)).selected).toEqual(['Edith Reyes']);
    await reviewer.keyboard.press('Enter');

    const inserted = 'Please check the count @Edith Reyes ';
    expect(await caretAndValue(box)).toEqual({
      value: inserted,
      caret: inserted.length,
      focused: true,
    });
    expect(await mentionState(box)).toEqual({
      controls: 'none',
      options: [],
      active: null,
      selected: [],
    });
    await reviewer.keyboard.type('please.');
    await dialog.getByRole('button', { name: 'Post comment' }).click();

    const thread = dialog.getByRole('listitem', { name: /^Thread by Rhea/ });
    await expect
      .poll(() => thread.locator('.comment-text').textContent())
      .toBe('Please check the count @Edith Reyes please.');
    // Rhea sees a mention, not one of her own.
    expect(await thread.locator('.mention').textContent()).toBe('@Edith Reyes');
    expect(await thread.locator('mark.mention-me').count()).toBe(0);
  });

  it('the editor is told at once, opens the card from the notice, and sees it highlighted', async () => {
    const notice = editor.locator('.toast');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain(`Rhea mentioned you on “${CLAIM}”`);
    // Read out once, by the board's announcer; the notice itself is a labelled group.
    expect(await editor.getByTestId('announcer').textContent()).toContain(
      `Rhea mentioned you on “${CLAIM}”`,
    );
    expect(await notice.getAttribute('role')).toBe('group');
    // Rhea, whose comment it is, is told nothing.
    expect(await reviewer.locator('.toast').count()).toBe(0);
    await notice.getByRole('button', { name: 'Open card' }).click();
    const dialog = editor.getByRole('dialog', { name: CLAIM });
    await dialog.waitFor();
    const thread = dialog.getByRole('listitem', { name: /^Thread by Rhea/ });
    await expect
      .poll(() => thread.locator('mark.mention-me').textContent(), { timeout: 10_000 })
      .toBe('@Edith Reyes');
    await thread.getByText('Mentions you').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('the editor\'s board marks the card, "For me" finds it, and her reply clears it', async () => {
    await addClaim(lead, 'The city removed 2,000 trees last year');
    const card = editor.locator('li[data-card-id]', { hasText: CLAIM });
    const forMe = editor.getByRole('button', { name: /^For me/ });
    await card.getByText('Mentions you').waitFor({ timeout: 10_000 });
    // The count is a render of its own after the card's (ForMeCount): wait for it.
    await expect
      .poll(() => forMe.textContent())
      .toBe('For me 1 card assigned to you or with a mention to answer');
    await editor.locator('li[data-card-id]', { hasText: '2,000 trees' }).waitFor();

    await forMe.click();
    expect(await forMe.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => editor.locator('li[data-card-id]').count()).toBe(1);
    expect(await editor.getByRole('status').filter({ hasText: 'cards' }).textContent()).toBe(
      '1 of 2 cards',
    );
    // Rhea, who wrote the mention, has nothing waiting for her.
    expect(await reviewer.getByRole('button', { name: /^For me/ }).textContent()).toMatch(
      /^For me 0 cards/,
    );

    const dialog = await openCard(editor, CLAIM);
    const thread = dialog.getByRole('listitem', { name: /^Thread by Rhea/ });
    await thread.getByRole('button', { name: 'Reply to Rhea' }).click();
    await editor.keyboard.type('Counting them now.');
    await editor.keyboard.press('Control+Enter');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => card.getByText('Mentions you').count()).toBe(0);
    await expect.poll(() => forMe.textContent()).toMatch(/^For me 0 cards/);
    await forMe.click();
    await expect.poll(() => editor.locator('li[data-card-id]').count()).toBe(2);
  });

  it('in a reply, Escape closes only the list, and a click picks a name', async () => {
    const dialog = reviewer.getByRole('dialog', { name: CLAIM });
    const thread = dialog.getByRole('listitem', { name: /^Thread by Rhea/ });
    await thread.getByRole('button', { name: 'Reply to Rhea' }).click();
    const box = dialog.getByRole('textbox', { name: 'Reply to Rhea' });
    await expect.poll(() => caretAndValue(box)).toMatchObject({ focused: true });

    await reviewer.keyboard.type('@le');
    await expect.poll(async () => (await mentionState(box)).options).toEqual(['Lea']);
    await reviewer.keyboard.press('Escape');
    await expect.poll(async () => (await mentionState(box)).controls).toBe('none');
    // The text, the reply form and the dialog all stay.
    expect(await caretAndValue(box)).toEqual({ value: '@le', caret: 3, focused: true });
    // With the list closed, Enter is the text's own: a new line, not a pick or a post.
    await reviewer.keyboard.press('Enter');
    expect(await caretAndValue(box)).toEqual({ value: '@le\n', caret: 4, focused: true });

    await reviewer.keyboard.type('and @st');
    await expect.poll(async () => (await mentionState(box)).options).toEqual(['Eddie Stone']);
    await dialog.getByRole('option', { name: 'Eddie Stone' }).click();
    expect(await caretAndValue(box)).toEqual({
      value: '@le\nand @Eddie Stone ',
      caret: 21,
      focused: true,
    });
    await reviewer.keyboard.press('Control+Enter');
    await expect
      .poll(() =>
        thread.getByRole('list', { name: 'Replies' }).locator('.mention').allTextContents(),
      )
      .toEqual(['@le', '@Eddie Stone']);
  });

  it('in an edit, Tab inserts the name', async () => {
    const dialog = reviewer.getByRole('dialog', { name: CLAIM });
    const first = dialog.locator('.thread > .comment');
    await first.getByRole('button', { name: 'Edit comment' }).click();
    const box = dialog.getByRole('textbox', { name: 'Edit comment' });
    await expect.poll(() => caretAndValue(box)).toMatchObject({ focused: true });
    await reviewer.keyboard.press('ControlOrMeta+End');
    await reviewer.keyboard.type(' cc @LE');
    await expect.poll(async () => (await mentionState(box)).active).toBe('Lea');
    await reviewer.keyboard.press('Tab');
    expect((await caretAndValue(box)).value).toBe(
      'Please check the count @Edith Reyes please. cc @Lea ',
    );
    await dialog.getByRole('button', { name: 'Save comment' }).click();
    await expect
      .poll(() => dialog.locator('.thread > .comment .mention').allTextContents())
      .toEqual(['@Edith Reyes', '@Lea']);
  });

  it('everyone is offered people who have an invite but have not joined yet', async () => {
    const dialog = await openCard(lead, CLAIM);
    const box = dialog.getByRole('textbox', { name: 'New comment' });
    await box.click();
    await lead.keyboard.type('@or');
    await expect.poll(async () => (await mentionState(box)).options).toEqual(['Oscar Ortiz']);

    const rBox = reviewer.getByRole('textbox', { name: 'New comment' });
    await rBox.click();
    await reviewer.keyboard.type('@or');
    // Rhea may not list invites, but the board's members (names and roles) she may.
    await expect.poll(async () => (await mentionState(rBox)).options).toEqual(['Oscar Ortiz']);
  });

  it('a colleague mentioned before ever opening the board is told when they open it, once', async () => {
    // The lead's box holds "@or" and offers Oscar (the test before): Enter picks him.
    const dialog = lead.getByRole('dialog', { name: CLAIM });
    const box = dialog.getByRole('textbox', { name: 'New comment' });
    await box.press('Enter');
    await lead.keyboard.type('can you recount the trees?');
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await expect
      .poll(() => dialog.getByRole('listitem', { name: /^Thread by Lea/ }).count())
      .toBeGreaterThan(0);

    const oscar = await openBoardPage(browser, oscarUrl);
    const notice = oscar.locator('.toast');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain(`Lea mentioned you on “${CLAIM}”`);
    expect(await notice.getByRole('button', { name: 'Open card' }).count()).toBe(1);

    // Seen now: the next open does not tell it again, though the card still waits for him.
    // He changed nothing, so leaving asks nothing.
    expect(await reloadAnsweringLeave(oscar)).toEqual([]);
    await card(oscar, CLAIM).getByText('Mentions you').waitFor({ timeout: 10_000 });
    expect(await oscar.locator('.toast').count()).toBe(0);
    await oscar.context().close();
  }, 60_000);

  it('the lead gives a card to the editor, who is told at once and finds it under "For me"', async () => {
    const claim = 'The city waters 500 trees a day';
    await lead.keyboard.press('Escape');
    await lead.getByRole('dialog').waitFor({ state: 'detached' });
    await addClaim(lead, claim);
    const forMe = editor.getByRole('button', { name: /^For me/ });
    const forMeCount = async () =>
      Number(/^For me (\d+)/.exec((await forMe.textContent()) ?? '')?.[1]);
    const waitingBefore = await forMeCount();
    const dialog = await openCard(lead, claim);
    const give = dialog.getByRole('form', { name: 'Give the card to a colleague' });
    const who = give.getByRole('combobox', { name: 'Colleague to give the card to' });
    // Those who may edit, not the lead herself: reviewers and viewers cannot check a card.
    expect(await who.locator('option').allTextContents()).toEqual([
      'Choose a colleague…',
      'Edith Reyes',
      'Oscar Ortiz',
    ]);
    await who.selectOption({ label: 'Edith Reyes' });
    await give.getByRole('button', { name: 'Give card' }).click();
    await expect.poll(() => announced(lead)).toBe('Edith Reyes is now checking this card.');
    expect(await who.locator('option').allTextContents()).toEqual([
      'Choose a colleague…',
      'Oscar Ortiz',
    ]);

    const notice = editor.locator('.toast');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain(`Lea gave you “${claim}” to check`);
    // Lea, who gave it, is told nothing of it.
    expect(await lead.locator('.toast').allTextContents()).not.toContainEqual(
      expect.stringContaining('gave you'),
    );
    await expect.poll(forMeCount).toBe(waitingBefore + 1);
    // Opened from the board rather than from the notice: the notice goes all the same.
    const mine = await openCard(editor, claim);
    await expect.poll(() => notice.count()).toBe(0);
    await mine.getByRole('button', { name: 'Release' }).waitFor();
    // Her history of the card says who gave it.
    await expect
      .poll(() => mine.getByText('gave the card to Edith Reyes').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  it('a card given while its colleague is away is told when they next open the board', async () => {
    const dialog = lead.getByRole('dialog', { name: 'The city waters 500 trees a day' });
    const give = dialog.getByRole('form', { name: 'Give the card to a colleague' });
    await give
      .getByRole('combobox', { name: 'Colleague to give the card to' })
      .selectOption({ label: 'Oscar Ortiz' });
    await give.getByRole('button', { name: 'Give card' }).click();
    await expect.poll(() => announced(lead)).toContain('Oscar Ortiz is now checking this card.');

    // A browser of his that has never shown the board: his unanswered mention and the card.
    const oscar = await openBoardPage(browser, oscarUrl);
    // This browser's copy of the board is empty and answers first; what the server's copy adds
    // came while he was away, and the history dates the card's giving and names its giver.
    await expect
      .poll(() => oscar.locator('.toast').textContent(), { timeout: 10_000 })
      .toMatch(/^While you were away, you were mentioned in 1 comment and given 1 card to check/);
    await oscar.context().close();
  }, 60_000);

  it('a colleague invited while the board is open can be given a card without a reload', async () => {
    const claim = 'The city waters 500 trees a day';
    await lead.keyboard.press('Escape');
    await lead.getByRole('dialog').waitFor({ state: 'detached' });
    await server.invite(board, 'Nadia Park', 'editor');
    const dialog = await openCard(lead, claim);
    const who = dialog
      .getByRole('form', { name: 'Give the card to a colleague' })
      .getByRole('combobox', { name: 'Colleague to give the card to' });
    await expect
      .poll(() => who.locator('option').allTextContents())
      .toEqual(['Choose a colleague…', 'Edith Reyes', 'Nadia Park']);
  });
});
