/**
 * Two people editing the same card at once, in two browsers against the real server. Saving a
 * form writes only what its person changed, so a colleague's edit of another field survives;
 * a colleague's edit of the same field is shown as a conflict, and nothing is overwritten until
 * the person chooses to keep theirs or take the colleague's. Writes that crossed anyway (one
 * of them offline) are reported to the person whose value lost, who can restore it.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import {
  addClaim,
  card,
  clickCardAction,
  closeCard,
  openBoard,
  openCard,
  reloadAnsweringLeave,
  waitSaved,
} from './support/boardPage';
import { leadAndEditorPages } from './support/leadAndEditorPages';
import { useBoardBrowser } from './support/useBoardBrowser';
import { moveCard, setVerdict } from '../../shared/board';

const RUN = chromiumAvailable();
const CLAIM = 'The bridge cost $4 million in 2023';

const conflict = (scope: Locator) =>
  scope.getByRole('alert').filter({ hasText: 'While you were editing' });
/** The lost-edit notices under the header (client/board/LostEdits). */
const notice = (page: Page) =>
  page.locator('.lost-edits').filter({ hasText: 'without seeing yours' });

describe.skipIf(!RUN)('concurrent edits of one card in two browsers', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: Page;
  let leaCard: Locator;
  let eddieCard: Locator;
  let boardId: string;

  beforeAll(async () => {
    let board: { id: string };
    ({
      board,
      lead: lea,
      editor: eddie,
    } = await leadAndEditorPages({ server, browser }, 'City budget', {
      lead: 'Lea',
      editor: 'Eddie',
    }));
    boardId = board.id;
    await addClaim(lea, CLAIM);
    [leaCard, eddieCard] = await Promise.all([openCard(lea, CLAIM), openCard(eddie, CLAIM)]);
  }, 120_000);

  const closeDialogs = async () => {
    for (const page of [lea, eddie]) {
      if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
    }
  };

  const rationale = (dialog: Locator) => dialog.getByRole('textbox', { name: 'Rationale' });
  const verdictLabel = (dialog: Locator) => dialog.getByRole('combobox', { name: 'Verdict label' });
  const saveVerdict = (dialog: Locator) => dialog.getByRole('button', { name: 'Save verdict' });

  it('a label picked by one and a rationale saved by the other both stay', async () => {
    await verdictLabel(leaCard).selectOption('Unproven');
    await rationale(eddieCard).fill('Only the city says so.');
    await saveVerdict(eddieCard).click();
    // Lea's form follows the field she has not touched.
    await expect.poll(() => rationale(leaCard).inputValue()).toBe('Only the city says so.');
    await saveVerdict(leaCard).click();
    for (const dialog of [leaCard, eddieCard]) {
      await expect.poll(() => verdictLabel(dialog).inputValue()).toBe('Unproven');
      await expect.poll(() => rationale(dialog).inputValue()).toBe('Only the city says so.');
    }
  });

  it('the same field changed by both is a conflict: nothing is overwritten until Lea chooses', async () => {
    await rationale(leaCard).fill('The audit has the figure.');
    await rationale(eddieCard).fill('The minutes disagree.');
    await saveVerdict(eddieCard).click();
    await expect
      .poll(() => conflict(leaCard).textContent())
      .toContain('a colleague changed:the rationale: “The minutes disagree.”');
    expect(await rationale(leaCard).inputValue()).toBe('The audit has the figure.');
    expect(await saveVerdict(leaCard).getAttribute('aria-disabled')).toBe('true');

    await conflict(leaCard).getByRole('button', { name: 'Keep mine' }).click();
    await saveVerdict(leaCard).click();
    await expect.poll(() => rationale(eddieCard).inputValue()).toBe('The audit has the figure.');
    expect(await conflict(leaCard).count()).toBe(0);
  });

  it('a conflict keeps naming the colleague who wrote it when Lea then changes the card', async () => {
    await rationale(leaCard).fill('Lea read the audit again.');
    await rationale(eddieCard).fill('Eddie read the minutes again.');
    await saveVerdict(eddieCard).click();
    const told = 'a colleague changed:the rationale: “Eddie read the minutes again.”';
    await expect.poll(() => conflict(leaCard).textContent()).toContain(told);
    // Taking the card makes Lea the card's last writer; the rationale is still Eddie's, not
    // hers "in another tab or window", which would invite her to keep hers over it.
    await leaCard.getByRole('button', { name: 'Take this card' }).click();
    await leaCard.getByRole('button', { name: 'Take this card' }).waitFor({ state: 'detached' });
    expect(await conflict(leaCard).textContent()).toContain(told);
    await conflict(leaCard).getByRole('button', { name: 'Use theirs' }).click();
    expect(await rationale(leaCard).inputValue()).toBe('Eddie read the minutes again.');
  });

  it('editing evidence keeps a colleague’s change to another of its fields', async () => {
    await eddieCard.getByRole('button', { name: 'Add evidence' }).click();
    const form = eddieCard.getByRole('form', { name: 'New evidence' });
    await form.getByRole('textbox', { name: 'Source URL' }).fill('https://city.example.org/audit');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await form.waitFor({ state: 'detached' });

    const edit = { name: 'Edit evidence from city.example.org' };
    await leaCard.getByRole('button', edit).click();
    const leaForm = leaCard.getByRole('form', edit);
    await leaForm.getByRole('textbox', { name: 'Note (optional)' }).fill('Page 12.');
    await eddieCard.getByRole('button', edit).click();
    const eddieForm = eddieCard.getByRole('form', edit);
    await eddieForm.getByRole('radio', { name: 'Refutes' }).check();
    await eddieForm.getByRole('button', { name: 'Save evidence' }).click();
    await eddieForm.waitFor({ state: 'detached' });
    // Lea's form shows the stance Eddie saved: she has not touched it.
    await expect.poll(() => leaForm.getByRole('radio', { name: 'Refutes' }).isChecked()).toBe(true);
    await leaForm.getByRole('button', { name: 'Save evidence' }).click();
    await leaForm.waitFor({ state: 'detached' });
    for (const dialog of [leaCard, eddieCard]) {
      const item = dialog.locator('.evidence-list li').first();
      await expect.poll(() => item.textContent()).toMatch(/^Refutes https:\/\/city.*Page 12\./);
    }
  });

  it('a speaker typed while a colleague saves another is not replaced; “Use theirs” takes it', async () => {
    const leaSpeaker = leaCard.getByRole('combobox', { name: 'Speaker', exact: true });
    const eddieSpeaker = eddieCard.getByRole('combobox', { name: 'Speaker', exact: true });
    await leaSpeaker.fill('Mayor Ana Ruiz');
    await eddieSpeaker.fill('Council member Tom Berg');
    await eddieSpeaker.press('Enter');
    await expect
      .poll(() => conflict(leaCard).textContent())
      .toContain('a colleague changed:the speaker: “Council member Tom Berg”');
    expect(await leaSpeaker.inputValue()).toBe('Mayor Ana Ruiz');
    await conflict(leaCard).getByRole('button', { name: 'Use theirs' }).click();
    expect(await leaSpeaker.inputValue()).toBe('Council member Tom Berg');
    // Nothing of Lea's was written: Eddie's speaker stands on both sides.
    await expect.poll(() => eddieSpeaker.inputValue()).toBe('Council member Tom Berg');
  });

  it('a claim edited in place by both: Enter does not overwrite, “Keep mine” does', async () => {
    for (const page of [lea, eddie]) await page.keyboard.press('Escape');
    await Promise.all([
      leaCard.waitFor({ state: 'detached' }),
      eddieCard.waitFor({ state: 'detached' }),
    ]);
    const editor = (page: Page) => page.getByRole('textbox', { name: 'Claim text' });
    for (const page of [lea, eddie]) {
      await card(page, CLAIM).focus();
      await page.keyboard.press('e');
    }
    await editor(lea).fill('The bridge cost $4.2 million in 2023');
    await editor(eddie).fill('The bridge cost $3.9 million in 2023');
    await editor(eddie).press('Enter');
    const leaConflict = lea.getByRole('alert').filter({ hasText: 'While you were editing' });
    await expect
      .poll(() => leaConflict.textContent())
      .toContain('the claim: “The bridge cost $3.9 million in 2023”');
    await editor(lea).press('Enter');
    expect(await editor(lea).inputValue()).toBe('The bridge cost $4.2 million in 2023');
    await leaConflict.getByRole('button', { name: 'Keep mine' }).click();
    await card(eddie, 'The bridge cost $4.2 million in 2023').waitFor();
    expect(await editor(lea).count()).toBe(0);
  });

  it('an offline edit that a colleague’s concurrent one replaced is reported, and restored', async () => {
    const claim = 'The bridge cost $4.2 million in 2023';
    [leaCard, eddieCard] = await Promise.all([openCard(lea, claim), openCard(eddie, claim)]);
    // Each has the board open in a second tab too, where the notice must also be seen.
    const [leaTwo, eddieTwo] = (await Promise.all(
      [lea, eddie].map(async (page) => {
        const tab = await page.context().newPage();
        await openBoard(tab, page.url());
        return tab;
      }),
    )) as [Page, Page];
    await lea.context().setOffline(true);
    await rationale(leaCard).fill('Lea, offline: the audit, page 12.');
    await saveVerdict(leaCard).click();
    await rationale(eddieCard).fill('Eddie, online: the council minutes.');
    await saveVerdict(eddieCard).click();
    await waitSaved(eddie);
    await lea.context().setOffline(false);
    await Promise.all([waitSaved(lea, 20_000), waitSaved(eddie)]);

    // One value won everywhere; the person whose value lost is told, the other is not.
    await expect
      .poll(() => rationale(leaCard).inputValue())
      .toBe(await rationale(eddieCard).inputValue());
    const kept = await rationale(leaCard).inputValue();
    const [loser, winner, mine, loserTwo, winnerTwo] = kept.startsWith('Eddie')
      ? [lea, eddie, 'Lea, offline: the audit, page 12.', leaTwo, eddieTwo]
      : [eddie, lea, 'Eddie, online: the council minutes.', eddieTwo, leaTwo];
    await notice(loser).waitFor({ timeout: 10_000 });
    expect(await notice(loser).textContent()).toContain(`Yours was “${mine}”`);
    expect(await notice(winner).count()).toBe(0);
    // The loser's other tab shows it as it happens, once, without a reload.
    await notice(loserTwo).waitFor({ timeout: 10_000 });
    expect(await notice(loserTwo).textContent()).toContain(`Yours was “${mine}”`);
    expect(await notice(loserTwo).count()).toBe(1);
    expect(await notice(winnerTwo).count()).toBe(0);

    await closeCard(loser);
    expect(await axeViolations(loser)).toEqual([]);
    // The notice is the only place the lost value is left: a reload keeps it, Restore mine too.
    expect(await reloadAnsweringLeave(loser)).toEqual([]);
    await waitSaved(loser);
    expect(await notice(loser).textContent()).toContain(`Yours was “${mine}”`);
    await notice(loser).getByRole('button', { name: 'Restore mine' }).click();
    expect(await notice(loser).count()).toBe(0);
    // Restored in one tab, it leaves the other.
    await expect.poll(() => notice(loserTwo).count()).toBe(0);
    await Promise.all([leaTwo.close(), eddieTwo.close()]);
    await expect.poll(() => rationale(winner.getByRole('dialog')).inputValue()).toBe(mine);
    // Restored, it is gone for good.
    await waitSaved(loser);
    await loser.reload();
    await waitSaved(loser);
    expect(await notice(loser).count()).toBe(0);
  }, 60_000);

  it('crossed edits of an evidence item’s note: the loser is told, and restores theirs', async () => {
    const claim = 'The bridge cost $4.2 million in 2023';
    await closeDialogs();
    const edit = { name: 'Edit evidence from city.example.org' };
    const setNote = async (page: Page, note: string) => {
      const dialog = await openCard(page, claim);
      await dialog.getByRole('button', edit).click();
      const form = dialog.getByRole('form', edit);
      await form.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
      await form.getByRole('button', { name: 'Save evidence' }).click();
      await form.waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
    };
    await lea.context().setOffline(true);
    await setNote(lea, 'Lea: page 14, offline.');
    await setNote(eddie, 'Eddie: page 15.');
    await waitSaved(eddie);
    await lea.context().setOffline(false);
    await Promise.all([waitSaved(lea, 20_000), waitSaved(eddie)]);
    await expect
      .poll(async () => (await notice(lea).count()) + (await notice(eddie).count()))
      .toBe(1);
    const [loser, winner, mine] =
      (await notice(lea).count()) > 0
        ? [lea, eddie, 'Lea: page 14, offline.']
        : [eddie, lea, 'Eddie: page 15.'];
    expect(await notice(loser).textContent()).toContain(
      'changed the note of evidence on “The bridge',
    );
    await notice(loser).getByRole('button', { name: 'Restore mine' }).click();
    const winnerDialog = await openCard(winner, claim);
    await expect
      .poll(() => winnerDialog.locator('.evidence-list li').first().textContent())
      .toContain(mine);
    await winner.keyboard.press('Escape');
  });

  it('offline edits kept through a reload of the tab are still compared when they sync', async () => {
    // Who wins a tie depends on the writers' random client ids, so both write offline and
    // reload: whoever loses, their write was made before the reload, in a page gone since.
    const claim = 'The bridge cost $4.2 million in 2023';
    const speaker = (dialog: Locator) =>
      dialog.getByRole('combobox', { name: 'Speaker', exact: true });
    const people = [
      { page: lea, mine: 'Lea, offline, then reloaded' },
      { page: eddie, mine: 'Eddie, offline, then reloaded' },
    ];
    await closeDialogs();
    for (const { page, mine } of people) {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 10_000,
      });
      page.on('dialog', (prompt) => void prompt.accept()); // "leave with unsaved changes?"
      await page.context().setOffline(true);
      const dialog = await openCard(page, claim);
      await speaker(dialog).fill(mine);
      await speaker(dialog).press('Enter');
      await page.reload(); // offline: the shell from the service worker, the board from IndexedDB
      // The address names the card, so the reload opens it again: closed, for the notices.
      await page.getByRole('dialog', { name: claim }).waitFor();
      await page.keyboard.press('Escape');
      // The edit outlived the reload: the card shows it, still offline.
      await expect.poll(() => card(page, claim).textContent()).toContain(`Speaker: ${mine}`);
    }
    for (const { page } of people) await page.context().setOffline(false);
    await Promise.all(people.map(({ page }) => waitSaved(page, 20_000)));

    await expect
      .poll(async () => (await notice(lea).count()) + (await notice(eddie).count()))
      .toBe(1);
    const kept = await card(lea, claim).textContent();
    const loser = people.find(({ mine }) => !kept?.includes(mine));
    expect(loser).toBeDefined();
    expect(await notice(loser!.page).textContent()).toContain(`Yours was “${loser!.mine}”`);
    // Dismissed, it does not come back with the next reload.
    await notice(loser!.page).getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice(loser!.page).count()).toBe(0);
    await loser!.page.reload();
    await waitSaved(loser!.page);
    expect(await notice(loser!.page).count()).toBe(0);
  }, 120_000);

  it('work on a card a colleague deleted meanwhile is told, and comes back with the card', async () => {
    const claim = 'The ferry carried 2 million people in 2024';
    await closeDialogs();
    await addClaim(lea, claim);
    await waitSaved(lea);
    const mine = 'Eddie, offline: the port authority’s annual report.';
    const eddieDialog = await openCard(eddie, claim);
    await eddie.context().setOffline(true);
    await rationale(eddieDialog).fill(mine);
    await saveVerdict(eddieDialog).click();
    await eddie.keyboard.press('Escape');
    await eddieDialog.waitFor({ state: 'detached' });
    await clickCardAction(lea, claim, 'Delete card');
    await waitSaved(lea);
    await eddie.context().setOffline(false);
    await waitSaved(eddie, 20_000);

    const told = eddie.locator('.lost-edits li').filter({ hasText: claim });
    await expect
      .poll(() => told.textContent(), { timeout: 10_000 })
      .toContain(
        `Lea deleted “${claim}” before your change to the rationale, “${mine}”, reached them`,
      );
    // Lea deleted it knowing what it held: nothing to tell her.
    expect(await lea.locator('.lost-edits li').filter({ hasText: claim }).count()).toBe(0);
    await told.getByRole('button', { name: 'Restore the card' }).click();
    await told.getByRole('button', { name: 'Restore mine' }).click();
    expect(await told.count()).toBe(0);
    const leaDialog = await openCard(lea, claim);
    await expect.poll(() => rationale(leaDialog).inputValue()).toBe(mine);
  }, 60_000);

  it('text typed in a card a colleague deletes stays on screen, to copy', async () => {
    const claim = 'The tunnel opened in 2021';
    await closeDialogs();
    await addClaim(lea, claim);
    const opened = await openCard(eddie, claim);
    await rationale(opened).fill('Eddie was writing this.');
    await opened.getByRole('textbox', { name: 'New comment' }).fill('And this comment.');
    await clickCardAction(lea, claim, 'Delete card');
    // The dialog is named after the card; once it is gone, "Card deleted".
    const dialog = eddie.getByRole('dialog');
    const typed = dialog.getByRole('region', { name: 'What you had typed' });
    await typed.waitFor();
    expect(
      await typed.getByRole('textbox', { name: 'The verdict and rationale' }).inputValue(),
    ).toBe('Eddie was writing this.');
    expect(await typed.getByRole('textbox', { name: 'New comment' }).inputValue()).toBe(
      'And this comment.',
    );
    // Focus is on the news, not lost to the page; the news names Lea once the history has.
    await expect
      .poll(() => eddie.evaluate(() => document.activeElement?.textContent))
      .toMatch(/^Lea deleted this card/);
    // Lea undoes her deletion: the card comes back to Eddie with empty forms, and what he had
    // typed is still there to copy.
    await lea
      .getByRole('group', { name: 'Notice' })
      .filter({ hasText: 'Card deleted' })
      .getByRole('button', { name: 'Undo' })
      .click();
    // The comment form is back; the kept copy in "What you had typed" is named apart from it.
    await dialog.getByRole('textbox', { name: 'New comment', exact: true }).waitFor();
    expect(
      await typed
        .getByRole('textbox', { name: 'New comment (not saved)', exact: true })
        .inputValue(),
    ).toBe('And this comment.');
    // Closing throws it away: the dialog asks first.
    await eddie.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', { name: 'Close without saving?' });
    expect(await ask.textContent()).toContain('what you had typed when the card was deleted');
    await ask.getByRole('button', { name: 'Discard and close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('a verdict set while a colleague moved the card, not one of its new column’s, is pointed out', async () => {
    const claim = 'Harbour tolls paid for the new pier';
    await closeDialogs();
    await addClaim(lea, claim);
    await waitSaved(lea);
    // Crossed changes, as two offline replicas make them: one moves the card to Disputed, the
    // other sets "Unproven", a label of Unverified only. Each command alone keeps them apart.
    await server.change(boardId, (doc) => {
      const cardId = cardIdByClaim(doc, claim);
      const fork = (edit: (replica: Y.Doc) => void) => {
        const replica = new Y.Doc();
        Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
        edit(replica);
        return Y.encodeStateAsUpdate(replica);
      };
      const ctx = { actor: { id: 'x', name: 'x' } };
      const moved = fork((r) => moveCard(r, cardId, { column: 'disputed', index: 0 }, ctx));
      const judged = fork((r) => setVerdict(r, cardId, 'Unproven', '', ctx));
      Y.applyUpdate(doc, moved);
      Y.applyUpdate(doc, judged);
    });
    const dialog = await openCard(eddie, claim);
    // Its words as the picker shows them: the dialog's live region also says "… is not a label
    // for Disputed" when the crossed change reaches a dialog already open.
    const warning = dialog.getByText(
      '“Unproven” is not a label for Disputed: choose one of its labels, or No verdict.',
    );
    await warning.waitFor();
    expect(await verdictLabel(dialog).getAttribute('aria-describedby')).toContain(
      await warning.getAttribute('id'),
    );
    // Choosing a label of Disputed puts it right.
    await verdictLabel(dialog).selectOption('False');
    await saveVerdict(dialog).click();
    await warning.waitFor({ state: 'detached' });
    await eddie.keyboard.press('Escape');
  });
});
