/**
 * The setup of the browser tests where Lea's and Eddie's changes cross, on a block's server and
 * Chromium (useBoardBrowser): a board "Crossings" with Lea, its lead, on a page, and Eddie, an
 * editor, on a y-websocket client elsewhere, both synced. `eddieDoc` gives Eddie's client its
 * doc (to fix its client id, which decides which of two crossing writes Yjs keeps). The
 * caller's afterAll destroys `eddie`.
 */
import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import type { TestClient } from '../../helpers/connectProvider';
import { openBoardPage } from './openBoardPage';
import type { BoardBrowser } from './useBoardBrowser';

export interface LeaAndEddie {
  readonly board: { id: string; leadUrl: string; leadToken: string };
  readonly lea: Page;
  readonly eddie: TestClient;
}

export async function startLeaAndEddie(
  { server, browser }: BoardBrowser,
  eddieDoc?: Y.Doc,
): Promise<LeaAndEddie> {
  const board = await server.createBoard('Crossings', 'Lea');
  const eddieUrl = await server.invite(board, 'Eddie', 'editor');
  const eddie = server.connect(board.id, eddieUrl, eddieDoc ? { doc: eddieDoc } : {});
  try {
    const [lea] = await Promise.all([openBoardPage(browser, board.leadUrl), eddie.synced()]);
    return { board, lea, eddie };
  } catch (error) {
    // Half started: the caller's afterAll has no `eddie` to destroy.
    eddie.destroy();
    throw error;
  }
}
