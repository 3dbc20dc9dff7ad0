/**
 * A board whose CSV has a cell longer than a spreadsheet cell holds (a card's four comments of
 * 10,000 characters; Excel holds 32,767 in a cell): after the CSV download, the Export dialog
 * says a cell was cut and that the JSON and Markdown exports hold it whole (QA's F5), in
 * headless Chromium against the real server; a JSON download says nothing of cut cells.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim, addComment } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('the Export dialog after a CSV with a cut cell', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: TestClient;

  beforeAll(async () => {
    const board = await server.createBoard('Long threads', 'Lea');
    eddie = server.connect(board.id, await server.invite(board, 'Eddie', 'editor'));
    await eddie.synced();
    const id = addClaim(eddie.doc, { claim: 'The new prison holds 40,000' }, eddie.as);
    for (const c of ['a', 'b', 'c', 'd']) {
      addComment(eddie.doc, id, { text: `${c} ${'x'.repeat(9_996)} ${c}` }, eddie.as);
    }
    await eddie.allSaved();
    lea = await openBoardPage(browser, board.leadUrl);
  }, 120_000);

  afterAll(async () => {
    eddie?.destroy();
  });

  it('says a cell was cut and where the whole of it is', async () => {
    await lea.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = lea.getByRole('dialog', { name: 'Export board' });
    const [file] = await Promise.all([
      lea.waitForEvent('download', { timeout: 15_000 }),
      dialog.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(await readFile(await file.path(), 'utf8')).toContain('[cut: ');
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe(
        `Downloaded ${file.suggestedFilename()}. 1 cell is longer than a spreadsheet cell holds (32,767 characters) and was cut, marked where: the JSON and Markdown exports hold it whole.`,
      );
    const [json] = await Promise.all([
      lea.waitForEvent('download', { timeout: 15_000 }),
      dialog.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe(`Downloaded ${json.suggestedFilename()}.`);
  });
});
