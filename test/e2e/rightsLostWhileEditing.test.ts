/**
 * Forms open on an editor's page when a lead revokes the invite or lowers the role (QA15 F1-F3,
 * F6): a claim edited in place and the card dialog's evidence and comment edits go read-only or
 * give way to "What you had typed", keep the text to copy, say why (revoked, or a role changed)
 * and never say "saved" of what the server did not take. The built app in headless Chromium
 * against the real server; the server's board is read back from its JSON export.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addClaim as addClaimTo, addEvidence } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import {
  addClaim,
  announced,
  card,
  clickCardAction,
  openBoard,
  openCard,
  status,
  waitSaved,
} from './support/boardPage';
import type { BoardServer } from './support/boardServer';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
const CLAIM = 'The port handled 2 million containers in 2023';
const SOURCE = 'https://stats.example.org/port';
/** What every note says of the revocation: who (the board's lead, Lea) and when follows. */
const REVOKED_BY_LEA = 'Lea (lead) revoked your invite at ';

type Board = Awaited<ReturnType<BoardServer['createBoard']>>;

describe.skipIf(!RUN)('forms open when the invite is revoked or its role lowered', () => {
  const { server, browser } = useBoardBrowser();
  const contexts: BrowserContext[] = [];

  /** A board with one claim and one item of evidence, and Eddie (editor) on it. */
  async function boardWithEddie(title: string): Promise<{ board: Board; eddie: Page }> {
    const board = await server.createBoard(title, 'Lea');
    const lea = server.connect(board.id, board.leadToken);
    await lea.synced();
    const cardId = addClaimTo(lea.doc, { claim: CLAIM, speaker: null }, lea.as);
    addEvidence(lea.doc, cardId, { url: SOURCE, quote: '', stance: 'supports', note: '' }, lea.as);
    await lea.allSaved();
    lea.destroy();
    const context = await browser.newContext();
    contexts.push(context);
    const eddie = await context.newPage();
    eddie.on('dialog', (prompt) => void prompt.accept()); // "leave with unsaved changes?"
    await openBoard(eddie, await server.invite(board, 'Eddie', 'editor'));
    return { board, eddie };
  }

  /** The board as the server has it. */
  const exported = (board: Board) => server.exportJson(board);

  async function revokeEddie(board: Board, eddie: Page): Promise<void> {
    await server.revoke(board, 'Eddie');
    // The page names the lead who revoked it once the server says (GET …/revocation): the
    // banner, and the status pill, which said only "Your invite is no longer valid" before.
    await eddie.getByRole('alert').filter({ hasText: REVOKED_BY_LEA }).waitFor();
    await expect.poll(() => status(eddie).textContent()).toContain(REVOKED_BY_LEA);
  }

  const claimEditor = (page: Page) => page.getByRole('textbox', { name: 'Claim text' });

  async function editClaimInPlace(page: Page, text: string): Promise<void> {
    await clickCardAction(page, CLAIM, 'Edit claim');
    await claimEditor(page).fill(text);
  }

  it('revoked, a claim edited in place stays read-only to copy; Enter, a click elsewhere, Escape and Undo save nothing', async () => {
    const { board, eddie } = await boardWithEddie('Revoked in place');
    const added = 'Ships waited 3 days on average';
    await addClaim(eddie, added);
    await waitSaved(eddie);
    const newClaim = eddie
      .getByRole('form', { name: 'Add a claim' })
      .getByRole('textbox', { name: 'New claim', exact: true });
    await newClaim.fill('Dockers struck for 2 weeks');
    const mine = 'The port handled 1.8 million containers in 2023';
    await editClaimInPlace(eddie, mine);
    await recordLiveRegions(eddie);
    await revokeEddie(board, eddie);

    const editor = claimEditor(eddie);
    await expect.poll(() => editor.getAttribute('readonly')).not.toBeNull();
    expect(await editor.inputValue()).toBe(mine);
    const note = eddie.getByText('You can no longer edit claims');
    expect(await note.textContent()).toContain(REVOKED_BY_LEA);
    expect(await note.textContent()).toContain('was not saved');
    // Said with the field (its description), not only shown.
    const describedBy = (await editor.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await note.getAttribute('id'));

    await editor.press('Enter');
    await expect.poll(() => announced(eddie)).toContain('You can no longer edit claims');
    expect(await editor.inputValue()).toBe(mine);
    // Clicking elsewhere leaves the editor as it is too.
    await eddie.getByRole('heading', { level: 1 }).click();
    expect(await editor.inputValue()).toBe(mine);
    // Escape discards nothing: it says again why the text stays, as Enter does (QA16 F2); only
    // "Discard typed claim" throws it away.
    // Said again: the announcer's region, the same sentence in it, flips its invisible mark.
    const region = eddie.getByTestId('announcer');
    const before = await region.textContent();
    await editor.press('Escape');
    await expect.poll(() => region.textContent()).not.toBe(before);
    expect(await announced(eddie)).toContain('You can no longer edit claims');
    expect(await editor.inputValue()).toBe(mine);
    expect(await editor.getAttribute('readonly')).not.toBeNull();
    expect(await liveSaid(eddie)).not.toContain('Claim saved.');
    expect((await exported(board)).cards.map((c) => c.claim)).toEqual([CLAIM, added]);

    // New claim says the same reason, and promises nothing a revoked invite will not get.
    const kept = eddie.getByText('You can no longer add claims');
    expect(await kept.textContent()).toContain(REVOKED_BY_LEA);
    expect(await kept.textContent()).not.toContain('once you may edit');
    expect(await newClaim.inputValue()).toBe('Dockers struck for 2 weeks');

    await card(eddie, CLAIM).getByRole('button', { name: 'Discard typed claim' }).click();
    await editor.waitFor({ state: 'detached' });
    await card(eddie, CLAIM).waitFor();
    // Focus is back on the card: Ctrl+Z there would take the added card off this page only.
    await eddie.keyboard.press('Control+z');
    await expect
      .poll(() => announced(eddie))
      .toMatch(/^Could not undo: Lea \(lead\) revoked your invite at .+\.$/);
    expect(await card(eddie, added).count()).toBe(1);
  });

  it('revoked, the card’s evidence and comment edits give way to what was typed, with nothing said saved', async () => {
    const { board, eddie } = await boardWithEddie('Revoked in the dialog');
    const dialog = await openCard(eddie, CLAIM);
    await dialog.getByRole('textbox', { name: 'New comment' }).fill('Ask the port authority');
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await dialog.getByRole('button', { name: /^Edit comment/ }).waitFor();
    await waitSaved(eddie);

    await dialog.getByRole('button', { name: 'Edit evidence from stats.example.org' }).click();
    const evidenceForm = dialog.getByRole('form', { name: 'Edit evidence from stats.example.org' });
    await evidenceForm
      .getByRole('textbox', { name: 'Note (optional)' })
      .fill('Counts transshipments');
    await dialog.getByRole('button', { name: /^Edit comment/ }).click();
    await dialog.getByRole('textbox', { name: 'Edit comment' }).fill('Ask the harbour master');
    await recordLiveRegions(eddie, 'dialog[open]');
    await revokeEddie(board, eddie);

    // No button left that would say "saved" of what the server will not take.
    await expect.poll(() => dialog.getByRole('button', { name: 'Save evidence' }).count()).toBe(0);
    expect(await evidenceForm.count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Save comment' }).count()).toBe(0);
    const typed = dialog.getByRole('region', { name: 'What you had typed' });
    await typed.waitFor();
    await expect
      .poll(async () =>
        (
          await typed
            .getByRole('textbox')
            .evaluateAll((boxes) => boxes.map((b) => (b as HTMLTextAreaElement).value))
        ).sort(),
      )
      // The evidence's text is its values, one a line.
      .toEqual(['Ask the harbour master', `${SOURCE}\nCounts transshipments`]);
    expect(await typed.textContent()).toContain(REVOKED_BY_LEA);
    expect(await liveSaid(eddie)).not.toContain('Evidence saved.');
    const [saved] = (await exported(board)).cards;
    expect(saved?.evidence.map((e) => e.note)).toEqual(['']);
    expect(saved?.comments.map((c) => c.text)).toEqual(['Ask the port authority']);
  });

  it('made a reviewer, a claim edited in place is kept read-only, and saved once an editor again', async () => {
    const { board, eddie } = await boardWithEddie('Demoted in place');
    const mine = 'The port handled 2.1 million containers in 2023';
    await editClaimInPlace(eddie, mine);
    await recordLiveRegions(eddie);
    await server.changeRole(board, 'Eddie', 'reviewer');
    await expect.poll(() => announced(eddie)).toContain('changed your role to Reviewer');

    const editor = claimEditor(eddie);
    await expect.poll(() => editor.getAttribute('readonly')).not.toBeNull();
    const note = eddie.getByText('You can no longer edit claims');
    expect(await note.textContent()).toContain('your role on the board changed');
    await editor.press('Enter');
    await expect.poll(() => announced(eddie)).toContain('You can no longer edit claims');
    expect(await editor.inputValue()).toBe(mine);
    expect((await liveSaid(eddie)).filter((s) => s.startsWith('Could not'))).toEqual([]);

    await server.changeRole(board, 'Eddie', 'editor');
    await expect.poll(() => announced(eddie)).toContain('changed your role to Editor');
    await expect.poll(() => editor.getAttribute('readonly')).toBeNull();
    await editor.press('Enter');
    await card(eddie, mine).waitFor();
    await waitSaved(eddie);
    expect((await exported(board)).cards.map((c) => c.claim)).toEqual([mine]);
  });
});
