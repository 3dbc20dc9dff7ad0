/**
 * A verdict on a card still in Unverified ("Unproven") is no finished review, and ClaimReview
 * does not publish it; the export says how many it left out (X-Factboard-Unverified-Verdicts,
 * which the Export dialog words after the download), and the dialog lists them before it
 * (claimReviewReadiness), so a lead is not surprised by the file. On the composed server: real
 * SQLite, the real sync server, a y-websocket client.
 */
import { describe, expect, it } from 'vitest';
import { addClaim, moveCard, readBoard, setBoardMeta, setVerdict } from '../../../shared/board';
import { claimReviewReadiness, toClaimReview } from '../../../shared/export';
import { createBoardOverRest } from '../../helpers/restApi';
import { useTestServer } from '../../helpers/http/useTestServer';

const live = useTestServer();

describe('verdicts in Unverified', () => {
  it('are left out of ClaimReview, which counts them in a header, as the dialog lists them', async () => {
    const board = await createBoardOverRest(live.server.url, 'Unproven', 'Lea');
    const lea = await live.connect(board.id, board.leadToken);
    const organisation = { name: 'Checkers', url: 'https://checkers.example/' };
    setBoardMeta(lea.doc, { organisation }, lea.as);
    const disputed = addClaim(lea.doc, { claim: 'Homicides fell to zero' }, lea.as);
    moveCard(lea.doc, disputed, { column: 'disputed', index: 0, verdict: 'False' }, lea.as);
    const unproven = addClaim(lea.doc, { claim: 'The new prison holds 40,000' }, lea.as);
    setVerdict(lea.doc, unproven, 'Unproven', 'No figures published.', lea.as);
    const second = addClaim(lea.doc, { claim: 'Arrests doubled' }, lea.as);
    setVerdict(lea.doc, second, 'Unproven', '', lea.as);
    addClaim(lea.doc, { claim: 'No verdict yet' }, lea.as);
    await lea.allSaved();

    const res = await fetch(`${live.server.url}/api/boards/${board.id}/export?format=claimreview`, {
      headers: { Authorization: `Bearer ${board.leadToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Factboard-Unverified-Verdicts')).toBe('2');
    expect(res.headers.get('X-Factboard-Skipped')).toBe('0');
    const reviews = (await res.json()) as { claimReviewed: string }[];
    expect(reviews.map((r) => r.claimReviewed)).toEqual(['Homicides fell to zero']);

    const view = readBoard(lea.doc);
    const listed = claimReviewReadiness(view).unverifiedVerdict.map((c) => c.id);
    expect(listed.sort()).toEqual([unproven, second].sort());
    expect(toClaimReview(view, { organisation }).unverifiedVerdicts.sort()).toEqual(listed);
  });
});
