/**
 * The setup of the browser tests where Lea's and Eddie's changes cross: the real server,
 * Chromium, a board "Crossings" with Lea, its lead, on a page, and Eddie, an editor, on a
 * y-websocket client elsewhere, both synced. `eddieDoc` gives Eddie's client its doc (to fix
 * its client id, which decides which of two crossing writes Yjs keeps). `stop` ends it all.
 */
import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { type BrowserSession, launchBrowser } from '../../helpers/browser';
import type { TestClient } from '../../helpers/connectProvider';
import { type BoardServer, startBoardServer } from './boardServer';
import { openBoardPage } from './openBoardPage';

export interface LeaAndEddie {
  readonly server: BoardServer;
  readonly browser: BrowserSession;
  readonly board: { id: string; leadUrl: string; leadToken: string };
  readonly lea: Page;
  readonly eddie: TestClient;
  stop(): Promise<void>;
}

export async function startLeaAndEddie(eddieDoc?: Y.Doc): Promise<LeaAndEddie> {
  const [server, browser] = await Promise.all([startBoardServer(), launchBrowser()]);
  let eddie: TestClient | undefined;
  const stop = async () => {
    eddie?.destroy();
    await browser.close();
    await server.stop();
  };
  try {
    const board = await server.createBoard('Crossings', 'Lea');
    const eddieUrl = await server.invite(board, 'Eddie', 'editor');
    eddie = server.connect(board.id, eddieUrl, eddieDoc ? { doc: eddieDoc } : {});
    const [lea] = await Promise.all([openBoardPage(browser, board.leadUrl), eddie.synced()]);
    return { server, browser, board, lea, eddie, stop };
  } catch (error) {
    // Half started: nothing is left running for the test's afterAll, which has no `stop`.
    await stop();
    throw error;
  }
}
