/**
 * An invite made before 5 December 2026 with a lone UTF-16 surrogate in its name, in the
 * browser: its link opens the board, a card made on the page is saved (the server rewrites the
 * stored name as Yjs sends it: server/storage/wellFormStoredNames), and a colleague's mention of
 * her name as the board shows it ("@Ana � Ruiz") is hers: her page's name is made well-formed
 * too (client/app/tokenClaims, BoardRoute), where it kept the token's surrogate and so matched
 * no name on the board.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { addComment, deleteCard } from '../../shared/board';
import { readBoard } from '../../shared/board/readBoard';
import { chromiumAvailable } from '../helpers/browser';
import {
  type OldSurrogateInvite,
  SENT_NAME,
  storeOldSurrogateInvite,
} from '../helpers/oldSurrogateInvite';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import { addClaim, openBoard, waitSaved } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

// CI tries a failed test again on the same board: each try makes a card of its own, and the
// lead deletes it after the try, so a try after a failed one counts one card "For me" too.
let tries = 0;

describe.skipIf(!chromiumAvailable())('an invite with a lone surrogate in its name', () => {
  let dir: TempDir;
  let old: OldSurrogateInvite;
  let context: BrowserContext;
  let lead: TestClient | undefined;

  // The board and its old invite are in the data dir before the server opens it.
  beforeAll(async () => {
    dir = makeTempDir('factboard-old-invite-');
    old = await storeOldSurrogateInvite(dir.path);
  }, 120_000);
  afterAll(() => dir?.remove());

  const { server, browser } = useBoardBrowser(() => ({ dataDir: dir.path }));

  beforeAll(async () => {
    context = await browser.newContext();
  }, 120_000);
  afterEach(async () => {
    if (!lead) return;
    for (const card of Object.values(readBoard(lead.doc).cards))
      deleteCard(lead.doc, card.id, lead.as);
    await lead.allSaved();
    lead.destroy();
    lead = undefined;
  });

  it('saves a card made on the page, and is told of a mention of her name', async () => {
    const CLAIM = `Rents rose 4 percent in 2025 (try ${++tries})`;
    const page = await context.newPage();
    await openBoard(page, `${server.url}/b/${old.board.id}#invite=${old.token}`);
    await addClaim(page, CLAIM);
    await waitSaved(page);

    const leads = server.connect(old.board.id, old.board.leadToken);
    lead = leads;
    await leads.synced();
    const card = await waitFor(
      () => Object.values(readBoard(leads.doc).cards).find((c) => c.claim === CLAIM),
      { what: 'her card on the lead’s board' },
    );
    expect(card.createdBy.name).toBe(SENT_NAME);
    addComment(leads.doc, card.id, { text: `@${SENT_NAME} where is this from?` }, leads.as);

    const onPage = page.locator('li[data-card-id]', { hasText: CLAIM });
    await onPage.getByText('Mentions you').waitFor({ timeout: 10_000 });
    // The count is a render of its own after the card's (ForMeCount): wait for it.
    await expect
      .poll(() => page.getByRole('button', { name: /^For me/ }).textContent())
      .toBe('For me 1 card assigned to you or with a mention to answer');
  });
});
