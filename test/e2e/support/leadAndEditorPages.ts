/**
 * A new board with two people on it, each on a page in a fresh browser profile: its lead, and
 * an editor invited by name. Both pages are opened at the same time and are synced on return;
 * their steps keep Playwright's own default wait.
 */
import type { Page } from 'playwright-core';
import { openBoard } from './boardPage';
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
