/**
 * A new board with two people on it, each on a page in a fresh browser profile: its lead, and
 * an editor invited by name. Both pages are opened at the same time and are synced on return;
 * their steps keep Playwright's own default wait.
 */
import type { Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import { afterFailedTest } from './afterFailedTest';
import { openBoard, statusText } from './boardPage';
import type { BoardServer } from './boardServer';
import type { BoardBrowser } from './useBoardBrowser';

export async function leadAndEditorPages(
  { server, browser }: BoardBrowser,
  title: string,
  names: { lead: string; editor: string },
): Promise<{ board: Awaited<ReturnType<BoardServer['createBoard']>>; lead: Page; editor: Page }> {
  const board = await server.createBoard(title, names.lead);
  const editorUrl = await server.invite(board, names.editor, 'editor');
  const freshPage = async () => (await browser.newContext()).newPage();
  const [lead, editor] = await Promise.all([freshPage(), freshPage()]);
  await Promise.all([openBoard(lead, board.leadUrl), openBoard(editor, editorUrl)]);
  return { board, lead, editor };
}

type LeadAndEditor = Awaited<ReturnType<typeof leadAndEditorPages>>;

/**
 * A block's two pages, shared by its tests: made in a beforeAll, then `setUp` (which keeps
 * them in the block's variables and puts on the board what the tests expect). After a test
 * that failed, the pair is closed and a fresh one made on a new board, set up again: a failure
 * left a dialog open, a page offline or a notice up, and every test after it failed on that
 * (seven of eleven in colleagueCrossings), CI's second try of the failed one too.
 */
export function useLeadAndEditorPages(
  boardBrowser: BoardBrowser,
  title: string,
  names: { lead: string; editor: string },
  setUp: (pair: LeadAndEditor) => Promise<void> | void,
): void {
  let pair: LeadAndEditor | undefined;
  const fresh = async () => {
    pair = await leadAndEditorPages(boardBrowser, title, names);
    await setUp(pair);
  };
  beforeAll(fresh, 120_000);
  afterFailedTest(async (testName) => {
    if (!pair) return;
    // What each page said of its saving, for a failure that waited on it (CI's log keeps it).
    for (const [who, page] of [
      [names.lead, pair.lead],
      [names.editor, pair.editor],
    ] as const) {
      console.warn(`After "${testName}" failed, ${who}'s page said: ${await statusText(page)}`);
    }
    await Promise.all([pair.lead.context().close(), pair.editor.context().close()]);
    await fresh();
  });
}
