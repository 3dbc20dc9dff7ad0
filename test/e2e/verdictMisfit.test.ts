/**
 * A verdict that is no label of its card's column, as Lea meets it in the browser against the
 * real server, when her change and Eddie's (a y-websocket client, an editor) cross: he moves a
 * Disputed card to Corroborated while offline as she gives it "False"; or she undoes her move
 * of a card to Disputed after he gave it "False" there. Nobody's verdict is cleared: the card
 * says in words that its verdict does not fit, the dialog asks to pick it again, and the Undo
 * says so (found by QA: both boards showed "Verdict: False" in Corroborated unremarked).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveCard, readBoard, setVerdict } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import {
  addClaim,
  announced,
  card,
  closeCard,
  column,
  expectCardIn,
  keyboardMove,
  moveTo,
  openCard,
  waitSaved,
} from './support/boardPage';
import { startLeaAndEddie } from './support/leaAndEddie';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('a verdict that does not fit its card’s column', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: TestClient;

  beforeAll(async () => {
    ({ lea, eddie } = await startLeaAndEddie({ server, browser }));
  }, 120_000);

  afterAll(() => eddie?.destroy());

  /** The card's id, once Eddie's copy has it in `column`. */
  async function eddieSees(claim: string, column: string): Promise<string> {
    const id = await card(lea, claim).getAttribute('data-card-id');
    await waitFor(() => readBoard(eddie.doc).cards[id!]?.column === column, {
      what: `Eddie sees the card in ${column}`,
    });
    return id!;
  }

  it('a verdict set while a colleague moved the card: the card and its dialog say so', async () => {
    const claim = 'Gang homicides fell to zero in 2024';
    await addClaim(lea, 'Unemployment is at 3%');
    await addClaim(lea, claim);
    await moveTo(lea, claim, 'Disputed');
    const id = await eddieSees(claim, 'disputed');

    // Eddie, offline, moves the card to Corroborated while Lea gives it a Disputed label.
    eddie.provider.disconnect();
    moveCard(eddie.doc, id, { column: 'corroborated', index: 0 }, eddie.as);
    const dialog = await openCard(lea, claim);
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('False');
    await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Police data contradict it.');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await expect.poll(() => announced(lea)).toBe('Verdict saved: False.');
    await waitSaved(lea);
    eddie.provider.connect();
    await eddie.allSaved();

    // Her open dialog says so as it happens, and asks for a label of Corroborated.
    await expect
      .poll(() => announced(lea))
      .toBe('“False” is not a label for Corroborated: pick the verdict again.');
    await dialog
      .getByText(
        '“False” is not a label for Corroborated: choose one of its labels, or No verdict.',
      )
      .waitFor();
    await closeCard(lea);
    await expectCardIn(lea, claim, 'Corroborated');
    // On the board, in words, in the card's name too: not by colour alone.
    const flagged = column(lea, 'Corroborated').getByRole('listitem', {
      name: /Verdict: False\W+Not a label for Corroborated/,
    });
    await flagged.waitFor();
    expect(await flagged.getAttribute('data-card-id')).toBe(id);
    // A card whose verdict fits says nothing of the kind.
    expect(await lea.locator('.card').getByText('Not a label for').count()).toBe(1);
    // The verdict filter finds such cards, for whoever puts them right.
    await lea
      .getByRole('combobox', { name: 'Filter by verdict' })
      .selectOption({ label: 'Not a label for its column' });
    await expect.poll(() => lea.locator('.filter-count').textContent()).toBe('1 of 2 cards');
    expect(await flagged.count()).toBe(1);
    await lea.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('an Undo that takes a card back to where a colleague’s verdict is no label says so', async () => {
    const claim = 'Bus fares doubled in a year';
    await addClaim(lea, claim);
    await keyboardMove(lea, claim, ['ArrowRight', 'ArrowRight']);
    await expectCardIn(lea, claim, 'Disputed');
    const id = await eddieSees(claim, 'disputed');
    setVerdict(eddie.doc, id, 'False', 'Fares rose by a fifth.', eddie.as);
    await eddie.allSaved();
    await column(lea, 'Disputed')
      .getByRole('listitem', { name: /Verdict: False/ })
      .waitFor();

    await card(lea, claim).focus();
    await lea.keyboard.press('Control+z');
    await expectCardIn(lea, claim, 'Unverified');
    await expect
      .poll(() => announced(lea))
      .toMatch(
        new RegExp(
          `^Undone: the move of “${claim}” \\(back to Unverified, position \\d+ of \\d+\\)\\. ` +
            'Its verdict “False” is not a label for Unverified: open the card and pick the verdict again\\.$',
        ),
      );
    await column(lea, 'Unverified')
      .getByRole('listitem', { name: /Verdict: False\W+Not a label for Unverified/ })
      .waitFor();
    const dialog = await openCard(lea, claim);
    await dialog
      .getByText('“False” is not a label for Unverified: choose one of its labels, or No verdict.')
      .waitFor();
    // Eddie's verdict and rationale are kept, for Lea to see before she picks again.
    expect(await dialog.getByRole('textbox', { name: 'Rationale' }).inputValue()).toBe(
      'Fares rose by a fifth.',
    );
    await closeCard(lea);
  });
});
