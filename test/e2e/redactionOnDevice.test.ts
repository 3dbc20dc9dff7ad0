/**
 * A lead's redaction reaches the browser that had the comment, in headless Chromium against the
 * real server: the words go from the board's IndexedDB copy (y-indexeddb's records, read raw in
 * the page) and from localStorage, in a tab that has the board open as the lead redacts over
 * REST, and in one that was closed, when it next opens the board. A change the open tab made
 * that the server has not had (its writes to the server held back) is kept through the rewrite:
 * closed before it was sent, it reaches the server from the copy when the board opens again.
 * A browser's first visit, whose copy never held the words, is spared the rewrite.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/board';
import { SCRUB_MEASURE } from '../../client/sync/scrubDeviceCopy';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { addClaim, card, openBoard, openCard, status, waitSaved } from './support/boardPage';
import type { BoardServer } from './support/boardServer';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

/** What the page's device keeps of a board: its IndexedDB records as text, and localStorage. */
interface DeviceRecords {
  readonly updates: string[];
  readonly custom: string;
  readonly localStorage: string;
}

/**
 * Reads the board's y-indexeddb database raw, each record's bytes decoded as UTF-8 (the text of
 * a Yjs value is its UTF-8 bytes, which decode whole whatever binary stands around them).
 */
const deviceRecords = (page: Page, boardId: string): Promise<DeviceRecords> =>
  page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const read = db.transaction(store, 'readonly').objectStore(store).getAll();
        read.onsuccess = () => resolve(read.result);
        read.onerror = () => reject(read.error);
      });
    const [updates, custom] = [await all('updates'), await all('custom')];
    db.close();
    const utf8 = new TextDecoder();
    return {
      updates: updates.map((u) => utf8.decode(u as Uint8Array)),
      custom: JSON.stringify(custom),
      localStorage: JSON.stringify({ ...localStorage }),
    };
  }, `factboard-${boardId}`);

/**
 * How many records the board's copy has, once y-indexeddb has made it (0 before): its first
 * load writes one, in the transaction that reads the copy.
 */
const deviceRecordCount = (page: Page, boardId: string): Promise<number> =>
  page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = !db.objectStoreNames.contains('updates')
      ? 0
      : await new Promise<number>((resolve, reject) => {
          const read = db.transaction('updates', 'readonly').objectStore('updates').count();
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        });
    db.close();
    return count;
  }, `factboard-${boardId}`);

const holds = (records: DeviceRecords, words: string) =>
  records.updates.some((u) => u.includes(words)) ||
  records.custom.includes(words) ||
  records.localStorage.includes(words);

describe.skipIf(!RUN)('a redaction on the devices that had the comment', () => {
  const { server, browser } = useBoardBrowser();
  let watcher: TestClient;
  let board: Awaited<ReturnType<BoardServer['createBoard']>>;
  let link: string;

  beforeAll(async () => {
    board = await server.createBoard('Bridge', 'Lea');
    link = await server.invite(board, 'Eddie', 'editor');
    watcher = server.connect(board.id, board.leadToken);
    await watcher.synced();
  }, 120_000);

  afterAll(async () => {
    watcher?.destroy();
  });

  /** Eddie posts a comment on a new card in his page, and edits it: the id of the comment. */
  async function postAndEdit(page: Page, claim: string, words: string, more: string) {
    await addClaim(page, claim);
    const dialog = await openCard(page, claim);
    await dialog.getByRole('textbox', { name: 'New comment' }).fill(words);
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await dialog.getByText(words, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: /^Edit comment/ }).click();
    const edit = dialog.getByRole('textbox', { name: 'Edit comment' });
    await edit.press('End');
    await page.keyboard.type(more);
    await dialog.getByRole('button', { name: 'Save comment' }).click();
    await dialog.getByText(`${words}${more}`, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await waitSaved(page);
    const cardId = (await card(page, claim).getAttribute('data-card-id'))!;
    await expect.poll(() => readBoard(watcher.doc).cards[cardId]?.comments.length ?? 0).toBe(1);
    return readBoard(watcher.doc).cards[cardId]!.comments[0]!.id;
  }

  /**
   * Routes a page's board sockets through the test: what it writes to the server can be held
   * back (`toServer` false: it never leaves, as on a bad line), and what the server sends it too.
   */
  async function cutOff(page: Page) {
    const line = { toServer: true, toPage: true };
    await page.routeWebSocket(/\/sync\//, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (line.toPage) ws.send(message);
      });
      ws.onMessage((message) => {
        if (line.toServer) server.send(message);
      });
      ws.onClose((code, reason) => void server.close({ code, reason }));
      server.onClose((code, reason) => void ws.close({ code, reason }));
    });
    return line;
  }

  const claims = () => Object.values(readBoard(watcher.doc).cards).map((c) => c.claim);

  it('leaves none of the words in an open tab’s IndexedDB copy or localStorage, keeping unsaved changes of its own and of another tab', async () => {
    const words = 'Source is Marisol Quintanilla-Ybarra';
    const more = ', 555-0142';
    const context = await browser.newContext();
    const page = await context.newPage();
    const other = await context.newPage();
    for (const p of [page, other]) p.setDefaultTimeout(10_000);
    const line = await cutOff(page);
    const otherLine = await cutOff(other);
    await openBoard(page, link);
    await openBoard(other, link);
    const commentId = await postAndEdit(page, 'The bridge cost twice its budget', words, more);
    // The copy holds the words as posted and as edited, as the updates that wrote them.
    const before = await deviceRecords(page, board.id);
    expect([holds(before, 'Quintanilla'), holds(before, '555-0142')]).toEqual([true, true]);
    // And so does localStorage: the edit, among this person's writes kept to tell a lost one.
    expect(before.localStorage).toContain('555-0142');

    // Changes the server never gets, saved on the device only: one of this tab, and one of
    // another tab of the board, cut off from the server altogether (it hears of no redaction).
    line.toServer = false;
    await addClaim(page, 'Fares rose 9% in March');
    await expect.poll(() => status(page).textContent()).not.toBe('All changes saved');
    Object.assign(otherLine, { toServer: false, toPage: false });
    await addClaim(other, 'Tolls rose 4% in May');
    for (const claim of ['Fares rose 9% in March', 'Tolls rose 4% in May']) {
      await expect.poll(async () => holds(await deviceRecords(page, board.id), claim)).toBe(true);
    }

    await server.redact(board, commentId);
    await expect
      .poll(async () => holds(await deviceRecords(page, board.id), 'Quintanilla'))
      .toBe(false);
    const after = await deviceRecords(page, board.id);
    expect(holds(after, '555-0142')).toBe(false);
    expect(after.updates).toHaveLength(1);
    expect(holds(after, 'Fares rose 9% in March')).toBe(true);
    expect(holds(after, 'Tolls rose 4% in May')).toBe(true);
    expect(claims()).not.toContain('Fares rose 9% in March');
    expect(claims()).not.toContain('Tolls rose 4% in May');

    // Both closed with their changes unsent: the board opening again sends them from the copy.
    await Promise.all([page.close(), other.close()]);
    const again = await context.newPage();
    await openBoard(again, link);
    await expect.poll(claims).toContain('Fares rose 9% in March');
    await expect.poll(claims).toContain('Tolls rose 4% in May');
    expect(holds(await deviceRecords(again, board.id), 'Quintanilla')).toBe(false);
    await context.close();
  }, 60_000); // four pages, two of them opening the board again

  it('leaves none of the words in the copy of a tab closed before, once the board opens again', async () => {
    const words = 'Heard it from Perpetua Oyelaran-Wicks';
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await openBoard(page, link);
    const commentId = await postAndEdit(page, 'The ferry fares doubled', words, ' on Monday');
    expect(holds(await deviceRecords(page, board.id), 'Oyelaran')).toBe(true);
    await page.close();

    await server.redact(board, commentId);
    const again = await context.newPage();
    await openBoard(again, link);
    await expect
      .poll(async () => holds(await deviceRecords(again, board.id), 'Oyelaran'))
      .toBe(false);
    await context.close();

    // A browser's first visit gets the comment redacted from the server: its copy never held
    // the words, and is not rewritten for them, only says it need not be. As over a real
    // network, the board arrives once the copy has loaded (here the server could be first,
    // and a copy that loads after the board cannot tell it was empty: it is rewritten then).
    const first = await (await browser.newContext()).newPage();
    const held: (() => void)[] = [];
    let holding = true;
    await first.routeWebSocket(/\/sync\//, (ws) => {
      const toServer = ws.connectToServer();
      toServer.onMessage((message) => {
        if (holding) held.push(() => ws.send(message));
        else ws.send(message);
      });
      ws.onMessage((message) => toServer.send(message));
      ws.onClose((code, reason) => void toServer.close({ code, reason }));
      toServer.onClose((code, reason) => void ws.close({ code, reason }));
    });
    await first.goto(link);
    await expect.poll(() => deviceRecordCount(first, board.id)).toBeGreaterThan(0);
    holding = false;
    for (const send of held.splice(0)) send();
    await waitSaved(first);
    await expect
      .poll(async () => (await deviceRecords(first, board.id)).custom)
      .toContain(commentId);
    const rewrites = await first.evaluate(
      (name) => performance.getEntriesByName(name).length,
      SCRUB_MEASURE,
    );
    expect(rewrites).toBe(0);
    await first.context().close();
  }, 60_000); // three pages opening the board
});
