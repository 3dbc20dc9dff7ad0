/**
 * A person's text that leaves a right-to-left override open (U+202E, pasted from a document or
 * typed on purpose), quoted in one of the app's own sentences in the browser: the override is
 * closed where it stands (quoted), so neither the quoted text nor the rest of the sentence
 * reads reversed: the text reads as stored, as its card shows it. Found
 * by QA: the question a move asks about the verdict ("“…” has the verdict Unproven, which is
 * not a label of Disputed…") and a form's conflict ("a colleague changed: the rationale: “…”")
 * put the text in as it was; so did the question and the notice of an article's removal, with
 * an imported article's title, and a lost edit's notice, with both values.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, setVerdict } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import {
  addClaim,
  announced,
  card,
  closeCard,
  moveTo,
  openCard,
  waitSaved,
} from './support/boardPage';
import { startLeaAndEddie } from './support/leaAndEddie';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
const RLO = '\u202E';
const PDF = '\u202C';
/** The text as quoted: its override closed where it stands, so it reads as stored. */
const inert = (text: string) => text.replace(RLO, RLO + PDF);

describe.skipIf(!RUN)('text with an open right-to-left override in the app’s sentences', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: TestClient;
  let board: { id: string; leadToken: string };

  beforeAll(async () => {
    // Yjs keeps the value of the higher client id: Eddie's, the highest there is, wins.
    const doc = new Y.Doc();
    doc.clientID = 0xffffffff;
    ({ lea, eddie, board } = await startLeaAndEddie({ server, browser }, doc));
  }, 120_000);

  afterAll(() => eddie?.destroy());

  it('the verdict question of a move closes the claim’s override inside its quotes', async () => {
    const claim = `Turnout was 80% ${RLO}in the north`;
    await addClaim(lea, claim);
    const dialog = await openCard(lea, claim);
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('Unproven');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await moveTo(lea, claim, 'Disputed');
    const prompt = lea.getByRole('dialog', { name: 'New verdict for Disputed' });
    expect(await prompt.locator('p').first().textContent()).toBe(
      `“${inert(claim)}” has the verdict Unproven, which is not a label of Disputed. Choose its verdict in Disputed:`,
    );
    await prompt.getByRole('button', { name: 'Cancel move' }).click();
  });

  it('a form’s conflict closes the colleague’s override inside its quotes', async () => {
    const claim = 'Exports rose by 4% in March';
    await addClaim(lea, claim);
    const id = await card(lea, claim).getAttribute('data-card-id');
    await waitFor(() => readBoard(eddie.doc).cards[id!] !== undefined, {
      what: 'Eddie has the card',
    });
    const dialog = await openCard(lea, claim);
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('The ministry says so.');
    const theirs = `The customs data ${RLO}disagree`;
    setVerdict(eddie.doc, id!, null, theirs, eddie.as);
    const conflict = dialog.getByRole('alert').filter({ hasText: 'While you were editing' });
    await expect
      .poll(() => conflict.locator('li').textContent())
      .toBe(`the rationale: “${inert(theirs)}”`);
    await conflict.getByRole('button', { name: 'Use theirs' }).click();
    await lea.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('removing an article whose title leaves an override open: the question and the notice', async () => {
    const title = `Mayor ${RLO}tegdub drocer`;
    await server.importArticle(board, { title, text: 'The city budget grew by 12% in 2024.' });
    await lea.getByRole('button', { name: 'Article view' }).click();
    const view = lea.getByRole('region', { name: 'Article view' });
    await view.getByRole('heading', { name: title }).waitFor();
    await view.getByRole('button', { name: 'Remove article…' }).click();
    const question = lea.getByRole('dialog', { name: /^Remove / });
    expect(await question.getByRole('heading').textContent()).toBe(`Remove “${inert(title)}”?`);
    await question.getByRole('button', { name: 'Remove article' }).click();
    await expect
      .poll(() => lea.getByRole('group', { name: 'Notice' }).textContent())
      .toContain(`Removed “${inert(title)}”: `);
  });

  it('a lost edit’s notice closes the override of the value kept and of the one lost', async () => {
    const claim = 'Bus fares went up 15%';
    await addClaim(lea, claim);
    const id = (await card(lea, claim).getAttribute('data-card-id'))!;
    await waitFor(() => readBoard(eddie.doc).cards[id] !== undefined, {
      what: 'Eddie has the card',
    });
    eddie.provider.disconnect();
    const theirs = `The fare table ${RLO}says otherwise`;
    setVerdict(eddie.doc, id, null, theirs, eddie.as);
    const dialog = await openCard(lea, claim);
    const mine = `The operator ${RLO}confirms it`;
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill(mine);
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await waitSaved(lea);
    await closeCard(lea);
    eddie.provider.connect();
    await eddie.allSaved();
    const notice = lea.locator('.lost-edits li').filter({ hasText: claim });
    await expect.poll(() => notice.textContent()).toContain(`“${inert(theirs)}”`);
    expect(await notice.textContent()).toContain(`Yours was “${inert(mine)}”`);
  });

  it('the rating scale’s announcement of a move closes the label’s override inside its quotes', async () => {
    await lea.getByRole('button', { name: 'Rating scale' }).click();
    const scale = lea.getByRole('dialog', { name: 'Rating scale' });
    const labels = scale.getByRole('textbox', { name: /^Label \d/ });
    const count = await labels.count();
    const label = `Mostly ${RLO}eslaf`;
    await labels.last().fill(label);
    await scale.getByRole('button', { name: `Move ${label} up` }).focus();
    await lea.keyboard.press('Enter');
    await expect
      .poll(() => announced(lea))
      .toBe(`Moved “${inert(label)}” up: now ${count - 1} of ${count}.`);
    await scale.getByRole('button', { name: 'Cancel' }).click();
    await scale.waitFor({ state: 'detached' });
  });
});
