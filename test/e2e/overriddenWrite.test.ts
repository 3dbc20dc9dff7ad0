/**
 * A verdict that lost a merge, as a lead reads it in the Activity panel, in headless Chromium
 * against the real server: Eddie (a y-websocket client, an editor) gives a card "True" while
 * offline, Lea gives it "Mostly true", and the board keeps hers. The history says that Eddie's
 * verdict was made and was not kept, not only that Lea's was set.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, setVerdict } from '../../shared/board';
import { chromiumAvailable } from '../helpers/browser';
import type { TestClient } from '../helpers/connectProvider';
import { waitFor } from '../helpers/waitFor';
import {
  addClaim,
  announced,
  card,
  closeCard,
  latestActivity,
  moveTo,
  openCard,
  waitSaved,
} from './support/boardPage';
import { startLeaAndEddie } from './support/leaAndEddie';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();

describe.skipIf(!RUN)('a write that a concurrent one overrode', () => {
  const { server, browser } = useBoardBrowser();
  let lea: Page;
  let eddie: TestClient;

  beforeAll(async () => {
    // Yjs keeps the value of the higher client id: Eddie's, the lowest there is, loses.
    const doc = new Y.Doc();
    doc.clientID = 7;
    ({ lea, eddie } = await startLeaAndEddie({ server, browser }, doc));
  }, 120_000);

  afterAll(() => eddie?.destroy());

  it('shows the verdict that was not kept in its writer’s name, with the one kept', async () => {
    const claim = 'Rents doubled since 2015';
    await addClaim(lea, claim);
    await moveTo(lea, claim, 'Corroborated');
    const id = (await card(lea, claim).getAttribute('data-card-id'))!;
    await waitFor(() => readBoard(eddie.doc).cards[id]?.column === 'corroborated', {
      what: 'Eddie sees the card in Corroborated',
    });

    eddie.provider.disconnect();
    setVerdict(eddie.doc, id, 'True', undefined, eddie.as);
    const dialog = await openCard(lea, claim);
    await dialog.getByRole('combobox', { name: 'Verdict label' }).selectOption('Mostly true');
    await dialog.getByRole('button', { name: 'Save verdict' }).click();
    await expect.poll(() => announced(lea)).toBe('Verdict saved: Mostly true.');
    await waitSaved(lea);
    await closeCard(lea);
    eddie.provider.connect();
    await eddie.allSaved();
    await waitFor(() => readBoard(eddie.doc).cards[id]?.verdict === 'Mostly true', {
      what: 'the board keeps Lea’s verdict',
    });

    await lea.getByRole('button', { name: 'Activity' }).click();
    const panel = lea.getByRole('region', { name: 'Activity' });
    await expect
      .poll(() => latestActivity(panel).textContent())
      .toBe(
        'Eddie set the verdict to True, but it crossed Lea’s change and was not kept (the board kept Mostly true)',
      );
  });
});
