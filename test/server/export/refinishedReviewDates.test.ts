/**
 * A review finished, taken back to Unverified and finished again, as the sync server records it
 * (its history, dated by the server's clock, here moved on a day at a time) and the ClaimReview
 * export reads it: datePublished stays the day it was first published (schema.org: "date of
 * first publication"; a crawler that saw the review then keeps it), while dateModified moves to
 * the day it was finished again and the rating is the new verdict's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addClaim, moveCard, setBoardMeta } from '../../../shared/board';
import type { ClaimReview } from '../../../shared/export';
import { isoDate } from '../../../shared/export/isoTime';
import { renderExport } from '../../../server/export/renderExport';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';

const DAY = 86_400_000;

describe('a review finished again after going back to Unverified', () => {
  let server: SyncTestServer;
  let lead: TestClient;
  afterEach(async () => {
    lead.destroy();
    await server.close();
  });

  it('keeps its first datePublished; its dateModified and rating follow the second finish', async () => {
    // The server's clock, and the lead's, which the server checks the card's times against.
    let clock = Date.now();
    server = await startSyncTestServer({ now: () => clock });
    const boardId = await server.createBoard('Refinished');
    const invite = await server.invite(boardId, 'lead', 'Lea');
    const as = { ...invite.as, now: () => clock };
    lead = connectProvider(server.syncUrl, boardId, invite.token);
    await lead.synced();
    const organisation = { name: 'Checkers', url: 'https://checkers.example/' };
    setBoardMeta(lead.doc, { organisation }, as);
    const id = addClaim(lead.doc, { claim: 'Gang homicides fell to zero in 2024' }, as);
    await lead.allSaved();

    const exported = async () => {
      const content = await server.storage.loadContent(boardId);
      const { text } = renderExport({
        format: 'claimreview',
        boardId,
        ...content,
        history: await readAllHistory(server.storage, boardId),
        exportedAt: clock,
        asOf: null,
        organisation: null,
        redactions: [],
      });
      return JSON.parse(text) as ClaimReview[];
    };

    clock += DAY;
    const firstFinish = clock;
    moveCard(lead.doc, id, { column: 'disputed', index: 0, verdict: 'False' }, as);
    await lead.allSaved();
    const [first] = await exported();
    expect(first).toMatchObject({
      datePublished: isoDate(firstFinish),
      dateModified: isoDate(firstFinish),
      reviewRating: { alternateName: 'False', ratingValue: 1 },
    });

    // Back to Unverified: "False" is no label there, so the move clears it; no review.
    clock += 2 * DAY;
    moveCard(lead.doc, id, { column: 'unverified', index: 0 }, as);
    await lead.allSaved();
    expect(await exported()).toEqual([]);

    clock += 2 * DAY;
    const secondFinish = clock;
    moveCard(lead.doc, id, { column: 'corroborated', index: 0, verdict: 'Mostly true' }, as);
    await lead.allSaved();
    const [again] = await exported();
    expect(again).toMatchObject({
      datePublished: isoDate(firstFinish),
      dateModified: isoDate(secondFinish),
      reviewRating: { alternateName: 'Mostly true', ratingValue: 4 },
    });
  });
});
