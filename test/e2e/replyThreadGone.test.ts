/**
 * A reply being typed when a colleague's deletion takes its thread off the card (QA18): Rhea
 * (a reviewer, in Chromium, from the keyboard) writes a reply to Colin's comment while Colin (a
 * reviewer on a y-websocket client, as another device would) deletes it, or undoes posting it,
 * or Dana deletes the last live reply of a thread whose first comment was already deleted. The
 * reply box went with the thread, and with it the text, the focus (to <body>, outside the
 * dialog) and any word of it. What she typed now stays under "What you had typed", to copy or
 * post as a new comment, focus on the news in the dialog, which says it. A thread resolved by a
 * colleague meanwhile keeps her reply box and text. Lea (lead) redacting the comment's text is
 * told as hers, not as a deletion by Colin (QA20): the reply is Rhea's own words, kept; in a
 * thread that stays (it has replies), the reply box stays and the redaction is said politely.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  CommandOrigin,
  commentsMap,
  deleteComment,
  readBoard,
  resolveThread,
} from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import { announced, openCard, waitSaved } from './support/boardPage';
import { openBoardPage } from './support/openBoardPage';
import { useBoardBrowser } from './support/useBoardBrowser';
import { liveSaid, recordLiveRegions } from './support/liveRegions';

const RUN = chromiumAvailable();
const TYPED = 'My reply text that took a while to write';

describe.skipIf(!RUN)('a reply typed when a colleague’s deletion takes its thread', () => {
  const { server, browser } = useBoardBrowser();
  let rhea: Page;
  let lea: TestClient;
  let colin: TestClient;
  let dana: TestClient;
  let rheaLink: string;
  let board: { id: string; leadToken: string };

  beforeAll(async () => {
    board = await server.createBoard('Harbour', 'Lea');
    lea = server.connect(board.id, board.leadToken);
    colin = server.connect(board.id, await server.invite(board, 'Colin', 'reviewer'));
    dana = server.connect(board.id, await server.invite(board, 'Dana', 'reviewer'));
    rheaLink = await server.invite(board, 'Rhea', 'reviewer');
    await Promise.all([lea.synced(), colin.synced(), dana.synced()]);
  }, 120_000);

  afterAll(async () => {
    for (const client of [lea, colin, dana]) client?.destroy();
  });

  /** A card with Colin's comment on it, open on a page of Rhea's of its own. */
  async function cardWithComment(claim: string) {
    rhea = await openBoardPage(browser, rheaLink);
    const cardId = addClaim(lea.doc, { claim }, lea.as);
    await lea.allSaved();
    await colin.cardArrived(cardId);
    const rootId = addComment(colin.doc, cardId, { text: 'Colin: please check this' }, colin.as);
    await colin.allSaved();
    const dialog = await openCard(rhea, claim);
    return { cardId, rootId, dialog };
  }

  /** Rhea opens the reply box from the keyboard and types in it. */
  async function typeReply(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Reply to Colin' }).focus();
    await rhea.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: 'Reply to Colin' }).waitFor();
    await rhea.keyboard.type(TYPED);
    await recordLiveRegions(rhea, 'dialog[open]');
  }

  /** What has focus: its text (a field's value), and whether it is in the open dialog. */
  const focused = () =>
    rhea.evaluate(() => {
      const at = document.activeElement;
      return {
        text: (at instanceof HTMLTextAreaElement ? at.value : at?.textContent) ?? '',
        inDialog: at?.closest('dialog[open]') !== null,
      };
    });

  /** The reply kept, said, focused, asked for on closing, and posted as a new comment. */
  async function expectKept(dialog: Locator, cardId: string, news: string): Promise<void> {
    const gone = dialog.locator('.comment-gone');
    await gone.waitFor();
    expect(await gone.textContent()).toContain(news);
    expect(await gone.getByRole('textbox', { name: 'What you had typed' }).inputValue()).toBe(
      TYPED,
    );
    expect(await focused()).toEqual({ text: news, inDialog: true });
    expect(await liveSaid(rhea)).toContain(news);
    // Closing would lose it: the dialog asks first.
    await rhea.keyboard.press('Escape');
    const ask = dialog.getByRole('alertdialog', { name: 'Close without saving?' });
    expect(await ask.textContent()).toContain('your reply to a deleted comment');
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await gone.getByRole('button', { name: 'Post as a new comment' }).click();
    await gone.waitFor({ state: 'detached' });
    expect(await announced(rhea)).toBe('Comment posted.');
    await waitFor(
      () =>
        readBoard(colin.doc).cards[cardId]!.comments.some(
          (c) => c.text === TYPED && c.parentId === null && c.author.name === 'Rhea',
        ),
      { what: 'Colin has Rhea’s reply as a new comment' },
    );
    await waitSaved(rhea);
  }

  it('Colin deletes the comment Rhea is replying to, its thread’s only one', async () => {
    const { cardId, rootId, dialog } = await cardWithComment('The port handled 3 Mt in 2024');
    await typeReply(dialog);
    deleteComment(colin.doc, rootId, colin.as);
    await colin.allSaved();
    await expectKept(
      dialog,
      cardId,
      'Colin deleted the comment you were replying to, so your reply was not posted.',
    );
  }, 60_000);

  it('Colin undoes posting the comment Rhea is replying to', async () => {
    const undo = new Y.UndoManager(commentsMap(colin.doc), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    const { cardId, dialog } = await cardWithComment('The port dredged 2 km of channel');
    await typeReply(dialog);
    undo.undo();
    undo.destroy();
    await colin.allSaved();
    await expectKept(
      dialog,
      cardId,
      'Colin deleted the comment you were replying to, so your reply was not posted.',
    );
  }, 60_000);

  it('Dana deletes the last reply of a thread whose first comment was deleted', async () => {
    const { cardId, rootId, dialog } = await cardWithComment('The crane lifts 65 tonnes');
    const replyId = addComment(
      dana.doc,
      cardId,
      { text: 'Dana: agreed', parentId: rootId },
      dana.as,
    );
    await dana.allSaved();
    deleteComment(colin.doc, rootId, colin.as);
    await colin.allSaved();
    await dialog.getByText('Dana: agreed').waitFor();
    await typeReply(dialog);
    deleteComment(dana.doc, replyId, dana.as);
    await dana.allSaved();
    await expectKept(
      dialog,
      cardId,
      'Dana deleted the last comment left in the thread you were replying to, so your reply was not posted.',
    );
  }, 60_000);

  it('Lea redacts the text of the comment Rhea is replying to: she is named, not Colin', async () => {
    const { cardId, rootId, dialog } = await cardWithComment('The port has 4 dry docks');
    await typeReply(dialog);
    await server.redact(board, rootId);
    await expectKept(
      dialog,
      cardId,
      'Lea redacted the text of the comment you were replying to, so your reply was not posted.',
    );
  }, 60_000);

  /** Rhea's reply box still holds her text, with focus; Ctrl+Enter posts it into the thread. */
  async function replyStaysAndPosts(dialog: Locator, cardId: string, rootId: string) {
    const box = dialog.getByRole('textbox', { name: 'Reply to Colin' });
    expect(await box.inputValue()).toBe(TYPED);
    expect(await focused()).toEqual({ text: TYPED, inDialog: true });
    await rhea.keyboard.press('Control+Enter');
    await box.waitFor({ state: 'detached' });
    await waitFor(
      () =>
        readBoard(colin.doc).cards[cardId]!.comments.some(
          (c) => c.text === TYPED && c.parentId === rootId,
        ),
      { what: 'Colin has Rhea’s reply in the thread' },
    );
  }

  it('Lea redacts the first comment of a thread with replies: the box stays, and it is said', async () => {
    const { cardId, rootId, dialog } = await cardWithComment('The port dredges every spring');
    addComment(dana.doc, cardId, { text: 'Dana: agreed', parentId: rootId }, dana.as);
    await dana.allSaved();
    await dialog.getByText('Dana: agreed').waitFor();
    await typeReply(dialog);
    await server.redact(board, rootId);
    await dialog.getByText(/^Comment text redacted by Lea on /).waitFor();
    await expect
      .poll(() => liveSaid(rhea))
      .toContain('Lea redacted the text of the comment you are replying to.');
    await replyStaysAndPosts(dialog, cardId, rootId);
  }, 60_000);

  it('Colin resolves the thread Rhea is replying to: her reply box and text stay', async () => {
    const { cardId, rootId, dialog } = await cardWithComment('The harbour has 12 berths');
    await typeReply(dialog);
    resolveThread(colin.doc, rootId, true, colin.as);
    await colin.allSaved();
    await dialog.getByText('Resolved by Colin').waitFor();
    await replyStaysAndPosts(dialog, cardId, rootId);
  }, 60_000);
});
