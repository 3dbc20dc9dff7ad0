/**
 * Acting on several cards at once: a lead selects cards by keyboard (X, Shift+Down) and by
 * mouse (a card's box, Shift+click), moves them in one change that one Undo takes back, a
 * colleague's page sees the move, the filter hiding some keeps them counted, a colleague's
 * deletion leaves the selection, and a deletion asks first with the count. Built app, real
 * server, headless Chromium, driven by role and accessible name; axe finds nothing with the
 * bar up.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { axeViolations } from './support/accessibilityChecks';
import { addClaim, deleteCards, moveCard, setVerdict } from '../../shared/board';
import { cardIdByClaim } from '../helpers/cardIdByClaim';
import { createBoardWithClaims, leadActor } from './support/boardWithClaims';
import {
  announced,
  card,
  column,
  expectCardIn,
  moveTo,
  openBoard,
  waitSaved,
} from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

const CLAIMS = [
  'Bus fares rose 40 percent in 2023',
  'Tram ridership fell by half',
  'The ring road cost 2 billion',
  'Cycle lanes doubled since 2019',
  'Parking fines paid for the new bridge',
  'Night buses carry 9,000 people a week',
];
const [A, B, C, D, E, F] = CLAIMS as [string, string, string, string, string, string];
/** Added later, on the server: two with a verdict of Unverified, one without. */
const [G, H, I] = [
  'Fares are lower than in 2010',
  'Buses are late one day in three',
  'The metro runs all night',
];

/** A board of its own for the cases across columns and what the tab keeps. */
const ECONOMY = [
  'Rents rose',
  'Wages fell',
  'Rates held',
  'Jobs grew',
  'Prices eased',
  'Debt shrank',
];
const [P1, P2, P3, P4, P5, P6] = ECONOMY as [string, string, string, string, string, string];

const count = (page: Page) => page.locator('.selection-count').textContent();

describe.skipIf(!RUN)('acting on several cards at once', () => {
  const { server, browser } = useBoardBrowser();
  let lead: Page;
  let editor: Page;
  let board: Awaited<ReturnType<typeof createBoardWithClaims>>;
  let other: Awaited<ReturnType<typeof createBoardWithClaims>>;

  beforeAll(async () => {
    board = await createBoardWithClaims(server, 'Transport', 'Lea', CLAIMS);
    const editorUrl = await server.invite(board, 'Eddie', 'editor');
    [lead, editor] = await Promise.all([
      browser.newContext().then((c) => c.newPage()),
      browser.newContext().then((c) => c.newPage()),
    ]);
    await Promise.all([openBoard(lead, board.leadUrl), openBoard(editor, editorUrl)]);
    lead.setDefaultTimeout(10_000);
    editor.setDefaultTimeout(10_000);
  }, 120_000);

  it('selects by keyboard and mouse, moves in one change, and one Undo takes it all back', async () => {
    // Keyboard: X selects the focused card, Shift+Down the next one too.
    await card(lead, A).focus();
    await lead.keyboard.press('x');
    await expect.poll(() => count(lead)).toBe('1 selected');
    await lead.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => count(lead)).toBe('2 selected');
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toContain(B);
    // Mouse: a card's box, then Shift+click on another card selects the cards between.
    await lead.getByRole('checkbox', { name: `Select ${D}` }).click();
    await card(lead, F)
      .locator('.claim')
      .click({ modifiers: ['Shift'] });
    await expect.poll(() => count(lead)).toBe('5 selected');
    for (const claim of [A, B, D, E, F]) {
      expect(await lead.getByRole('checkbox', { name: `Select ${claim}` }).isChecked()).toBe(true);
    }
    expect(await lead.getByRole('checkbox', { name: `Select ${C}` }).isChecked()).toBe(false);
    expect(await axeViolations(lead)).toEqual([]);

    await lead.getByRole('combobox', { name: 'Move selected cards to' }).selectOption('Disputed');
    await lead.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => announced(lead))
      .toBe('5 cards moved to Disputed. Press Control+Z to undo.');
    for (const claim of [A, B, D, E, F]) {
      await expectCardIn(lead, claim, 'Disputed');
      await expectCardIn(editor, claim, 'Disputed');
    }
    // In the order the board showed them.
    const disputed = await column(lead, 'Disputed').getByRole('listitem').allTextContents();
    expect(disputed.map((t) => CLAIMS.find((c) => t.startsWith(c)))).toEqual([A, B, D, E, F]);
    await waitSaved(lead);
    // Moved again where they are: nothing changed, so no Undo is offered (it would take back
    // the move before), in words or on the notice.
    await lead.getByRole('combobox', { name: 'Move selected cards to' }).selectOption('Disputed');
    await lead.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => announced(lead))
      .toBe('Nothing moved: the selected cards are in Disputed already.');
    expect(await lead.locator('.toast').getByRole('button', { name: 'Undo' }).count()).toBe(0);

    await card(lead, C).focus();
    await lead.keyboard.press('Control+z');
    await expect.poll(() => announced(lead)).toContain('Undone: the move of 5 cards.');
    for (const claim of CLAIMS) await expectCardIn(editor, claim, 'Unverified');
    // The selection stays for the next action.
    await expect.poll(() => count(lead)).toBe('5 selected');
  });

  it('counts selected cards the filter hides, and drops one a colleague deletes', async () => {
    await lead.getByRole('searchbox', { name: 'Search cards' }).fill('bus');
    await expect.poll(() => count(lead)).toBe('5 selected, 3 hidden by the filter');
    await lead.getByRole('searchbox', { name: 'Search cards' }).fill('');
    await expect.poll(() => count(lead)).toBe('5 selected');

    await card(editor, B)
      .getByRole('button', { name: /^Delete card/ })
      .click();
    await expect.poll(() => count(lead)).toBe('4 selected');
  });

  it('a deletion asks first, naming the count; Escape on a card clears the selection', async () => {
    const deleteSelected = lead.getByRole('button', { name: 'Delete selected…' });
    const dialog = lead.getByRole('dialog', { name: 'Delete 4 cards?' });
    // Not answered, by Escape or Cancel: nothing deleted, focus back on the bar's button.
    for (const close of [
      () => lead.keyboard.press('Escape'),
      () => dialog.getByRole('button', { name: 'Cancel' }).press('Enter'),
    ]) {
      await deleteSelected.press('Enter');
      await dialog.waitFor();
      await close();
      await dialog.waitFor({ state: 'detached' });
      expect(await deleteSelected.evaluate((el) => el === document.activeElement)).toBe(true);
    }
    expect(await count(lead)).toBe('4 selected');
    await deleteSelected.click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete 4 cards' }).click();
    await expect.poll(() => announced(lead)).toBe('4 cards deleted. Press Control+Z to undo.');
    // The bar's controls go with the selection: focus goes to the card left, not the body.
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toContain(C);
    await expect.poll(() => card(editor, A).count()).toBe(0);
    await expect.poll(() => card(editor, F).count()).toBe(0);
    await expect.poll(() => count(lead)).toBe('');

    await card(lead, C).focus();
    await lead.keyboard.press('x');
    await expect.poll(() => count(lead)).toBe('1 selected');
    await lead.keyboard.press('Escape');
    await expect.poll(() => count(lead)).toBe('');
    expect(await announced(lead)).toBe('Selection cleared.');
  });

  it('asks once for a label for the moving cards whose verdicts do not fit, and one Undo takes back move and labels', async () => {
    const actor = leadActor(board);
    await server.change(
      board.id,
      (doc) => {
        for (const [claim, verdict] of [
          [G, 'Unproven'],
          [H, 'Unproven'],
          [I, null],
        ] as const) {
          const id = addClaim(doc, { claim }, { actor });
          if (verdict) setVerdict(doc, id, verdict, undefined, { actor });
        }
      },
      actor,
    );
    for (const claim of [C, G, H, I]) {
      await lead.getByRole('checkbox', { name: `Select ${claim}` }).click();
    }
    await expect.poll(() => count(lead)).toBe('4 selected');
    const moveTo = async () => {
      await lead.getByRole('combobox', { name: 'Move selected cards to' }).selectOption('Disputed');
      await lead.getByRole('button', { name: 'Move', exact: true }).click();
      const dialog = lead.getByRole('dialog', { name: 'New verdict for Disputed' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(
        '2 of the 4 cards moving have verdicts that are not a label of Disputed.',
      );
      return dialog;
    };
    // Cancel: nothing moves, nothing is cleared, focus is back on Move.
    await (await moveTo()).getByRole('button', { name: 'Cancel move' }).click();
    await expect.poll(() => lead.getByRole('dialog').count()).toBe(0);
    expect(
      await lead
        .getByRole('button', { name: 'Move', exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    for (const claim of [C, G, H, I]) await expectCardIn(lead, claim, 'Unverified');

    await (await moveTo()).getByRole('button', { name: 'Misleading' }).click();
    await expect
      .poll(() => announced(lead))
      .toBe('4 cards moved to Disputed. 2 verdicts set to Misleading. Press Control+Z to undo.');
    for (const claim of [C, G, H, I]) await expectCardIn(editor, claim, 'Disputed');
    await expect.poll(() => card(editor, G).textContent()).toContain('Misleading');
    await expect.poll(() => card(editor, H).textContent()).toContain('Misleading');
    await waitSaved(lead);

    await card(lead, C).focus();
    await lead.keyboard.press('Control+z');
    await expect.poll(() => announced(lead)).toContain('Undone: the move of 4 cards.');
    for (const claim of [C, G, H, I]) await expectCardIn(editor, claim, 'Unverified');
    await expect.poll(() => card(editor, G).textContent()).toContain('Unproven');
    await expect.poll(() => card(editor, H).textContent()).toContain('Unproven');
  });

  it('selects a whole column by its header or Shift+A, and to its ends by Shift+Home and End', async () => {
    await lead.keyboard.press('Escape');
    await lead.getByRole('button', { name: 'Select all in Unverified' }).click();
    await expect.poll(() => count(lead)).toBe('4 selected');
    await card(lead, C).focus();
    await lead.keyboard.press('Escape');
    await expect.poll(() => count(lead)).toBe('');
    await lead.keyboard.press('Shift+A');
    await expect.poll(() => count(lead)).toBe('4 selected');
    await lead.keyboard.press('Escape');
    // C, G, H, I as the column shows them: from G to the end, then from I back to the top.
    await card(lead, G).focus();
    await lead.keyboard.press('Shift+End');
    await expect.poll(() => count(lead)).toBe('3 selected');
    expect(await lead.getByRole('checkbox', { name: `Select ${C}` }).isChecked()).toBe(false);
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toContain(I);
    await lead.keyboard.press('Shift+Home');
    await expect.poll(() => count(lead)).toBe('4 selected');
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toContain(C);
  });

  it('keeps focus on the board when a colleague deletes the selection the bar was acting on', async () => {
    await lead.getByRole('combobox', { name: 'Give selected cards to' }).focus();
    await server.change(
      board.id,
      (doc) => {
        const ids = [C, G, H, I].map((claim) => cardIdByClaim(doc, claim));
        deleteCards(doc, ids, { actor: leadActor(board) });
      },
      leadActor(board),
    );
    await expect.poll(() => count(lead)).toBe('');
    // The bar's controls went with the selection: focus is on the columns, not the body.
    await expect.poll(() => lead.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('selects across columns (X after Left and Right, Ctrl+click) and moves each card from where it is', async () => {
    other = await createBoardWithClaims(server, 'Economy', 'Lea', ECONOMY);
    const actor = leadActor(other);
    await server.change(
      other.id,
      (doc) => {
        const id = (claim: string) => cardIdByClaim(doc, claim);
        moveCard(doc, id(P4), { column: 'corroborated', index: 0 }, { actor });
        moveCard(doc, id(P5), { column: 'disputed', index: 0 }, { actor });
        moveCard(doc, id(P6), { column: 'disputed', index: 1 }, { actor });
      },
      actor,
    );
    const editorUrl = await server.invite(other, 'Eddie', 'editor');
    await Promise.all([openBoard(lead, other.leadUrl), openBoard(editor, editorUrl)]);

    // Keyboard: X and Shift+Down in Unverified, then Right twice to Disputed keeps them; X there.
    await card(lead, P1).focus();
    await lead.keyboard.press('x');
    await lead.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => count(lead)).toBe('2 selected');
    await lead.keyboard.press('ArrowRight');
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toContain(P4);
    await lead.keyboard.press('ArrowRight');
    await expect.poll(() => lead.evaluate(() => document.activeElement?.textContent)).toContain(P5);
    expect(await count(lead)).toBe('2 selected');
    await lead.keyboard.press('x');
    await expect.poll(() => count(lead)).toBe('3 selected in 2 columns');
    // Mouse: Ctrl+click selects a card or takes it out, keeping the others, in any column.
    await card(lead, P6)
      .locator('.claim')
      .click({ modifiers: ['Control'] });
    await expect.poll(() => count(lead)).toBe('4 selected in 2 columns');
    await card(lead, P4)
      .locator('.claim')
      .click({ modifiers: ['Control'] });
    await expect.poll(() => count(lead)).toBe('5 selected in 3 columns');
    await card(lead, P4)
      .locator('.claim')
      .click({ modifiers: ['Control'] });
    await expect.poll(() => count(lead)).toBe('4 selected in 2 columns');
    await card(lead, P4)
      .locator('.claim')
      .click({ modifiers: ['Control'] });
    await expect.poll(() => count(lead)).toBe('5 selected in 3 columns');
    expect(await lead.getByRole('checkbox', { name: `Select ${P3}` }).isChecked()).toBe(false);

    await lead
      .getByRole('combobox', { name: 'Move selected cards to' })
      .selectOption('Corroborated');
    await lead.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => announced(lead))
      .toBe(
        '4 cards moved to Corroborated. 1 was in Corroborated already. Press Control+Z to undo.',
      );
    for (const claim of [P1, P2, P4, P5, P6]) await expectCardIn(editor, claim, 'Corroborated');
    await expectCardIn(editor, P3, 'Unverified');
    // The card there already keeps its place, the others follow in the order the board showed them.
    const corroborated = await column(editor, 'Corroborated')
      .getByRole('listitem')
      .allTextContents();
    expect(corroborated.map((t) => ECONOMY.find((c) => t.startsWith(c)))).toEqual([
      P4,
      P1,
      P2,
      P5,
      P6,
    ]);
    await expect.poll(() => count(lead)).toBe('5 selected');
  });

  it('keeps the selection through a reload, without the cards deleted meanwhile, and not once acted on', async () => {
    // The move just made dropped what the tab kept: a reload selects nothing.
    await waitSaved(lead);
    await lead.reload();
    await waitSaved(lead);
    await expect.poll(() => count(lead)).toBe('');

    await card(lead, P3).focus();
    await lead.keyboard.press('x');
    for (const claim of [P1, P2]) {
      await card(lead, claim)
        .locator('.claim')
        .click({ modifiers: ['Control'] });
    }
    await expect.poll(() => count(lead)).toBe('3 selected in 2 columns');
    await lead.reload();
    await waitSaved(lead);
    await expect.poll(() => count(lead)).toBe('3 selected in 2 columns');
    for (const claim of [P1, P2, P3]) {
      expect(await lead.getByRole('checkbox', { name: `Select ${claim}` }).isChecked()).toBe(true);
    }

    // Away from the board (the same tab), a colleague deletes one: it is not put back.
    const boardUrl = lead.url();
    await lead.goto('about:blank');
    const actor = leadActor(other);
    await server.change(
      other.id,
      (doc) => void deleteCards(doc, [cardIdByClaim(doc, P2)], { actor }),
      actor,
    );
    await lead.goto(boardUrl);
    await waitSaved(lead);
    await expect.poll(() => count(lead)).toBe('2 selected in 2 columns');
    expect(await lead.getByRole('checkbox', { name: `Select ${P1}` }).isChecked()).toBe(true);
    expect(await lead.getByRole('checkbox', { name: `Select ${P3}` }).isChecked()).toBe(true);
  });

  it('checks the verdict question against the cards when answered, and asks again if a colleague changed them', async () => {
    const claims = ['Ferries run hourly', 'The port doubled', 'Tolls fell', 'Docks reopened'];
    const [Q1, Q2, Q3, Q4] = claims as [string, string, string, string];
    const harbour = await createBoardWithClaims(server, 'Harbour', 'Lea', claims);
    const actor = leadActor(harbour);
    const setVerdicts = (verdict: string) =>
      server.change(
        harbour.id,
        (doc) => {
          for (const claim of [Q2, Q3])
            setVerdict(doc, cardIdByClaim(doc, claim), verdict, undefined, { actor });
        },
        actor,
      );
    await setVerdicts('Unproven');
    const editorUrl = await server.invite(harbour, 'Eddie', 'editor');
    await Promise.all([openBoard(lead, harbour.leadUrl), openBoard(editor, editorUrl)]);
    await lead.getByRole('button', { name: 'Select all in Unverified' }).click();
    await expect.poll(() => count(lead)).toBe('4 selected');
    await lead.getByRole('combobox', { name: 'Move selected cards to' }).selectOption('Disputed');
    await lead.getByRole('button', { name: 'Move', exact: true }).click();
    const dialog = lead.getByRole('dialog', { name: 'New verdict for Disputed' });
    await expect
      .poll(() => dialog.textContent())
      .toContain('2 of the 4 cards moving have verdicts that are not a label of Disputed.');

    // The colleague moves one of them to Disputed meanwhile: the answer asks again, moving nothing.
    await moveTo(editor, Q1, 'Disputed');
    await expectCardIn(lead, Q1, 'Disputed');
    await dialog.getByRole('button', { name: 'Misleading' }).click();
    await expect
      .poll(() => dialog.textContent())
      .toContain(
        'The cards changed while you were choosing. 2 of the 3 cards moving have verdicts that are not a label of Disputed.',
      );
    for (const claim of [Q2, Q3, Q4]) await expectCardIn(editor, claim, 'Unverified');

    // Then their verdicts become labels of Disputed: nothing to ask, nothing moved, and said.
    await setVerdicts('False');
    await expect.poll(() => card(lead, Q2).textContent()).toContain('False');
    await dialog.getByRole('button', { name: 'Move and clear them' }).click();
    await expect.poll(() => lead.getByRole('dialog').count()).toBe(0);
    await expect
      .poll(() => announced(lead))
      .toBe(
        'The cards changed while you were choosing: no card moving has a verdict that is not a label of Disputed now. Nothing moved: press Move again to move them.',
      );
    for (const claim of [Q2, Q3, Q4]) await expectCardIn(editor, claim, 'Unverified');
    await expect.poll(() => card(editor, Q2).textContent()).toContain('False');

    await lead.getByRole('button', { name: 'Move', exact: true }).click();
    await expect
      .poll(() => announced(lead))
      .toBe('3 cards moved to Disputed. 1 was in Disputed already. Press Control+Z to undo.');
    for (const claim of [Q2, Q3, Q4]) await expectCardIn(editor, claim, 'Disputed');
    await expect.poll(() => card(editor, Q3).textContent()).toContain('False');
  });
});
