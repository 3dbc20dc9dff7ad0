/**
 * A page in a fresh browser profile (its own localStorage and IndexedDB) with a board open from
 * an invite link, synced. A missing element fails its step after 10 s, well inside the test's
 * own timeout.
 */
import type { Page } from 'playwright-core';
import type { BrowserSession } from '../../helpers/browser';
import { openBoard } from './boardPage';

export async function openBoardPage(browser: BrowserSession, inviteUrl: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  await openBoard(page, inviteUrl);
  return page;
}
