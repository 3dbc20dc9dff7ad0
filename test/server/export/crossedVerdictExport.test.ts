/**
 * Two people's changes cross on the composed server (startServer: real SQLite, the real sync
 * server, y-websocket clients): Eddie, offline, moves a Disputed card to Corroborated while Lea
 * gives it "False", a Disputed label. The server keeps both, as the merge does (nobody's verdict
 * is cleared behind their back), and every export says the verdict is not a label of the card's
 * column: none passes it off as a Corroborated card rated False.
 */
import { describe, expect, it } from 'vitest';
import { addClaim, moveCard, readBoard, setBoardMeta, setVerdict } from '../../../shared/board';
import { boardExportSchema } from '../../../shared/export';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { useTestServer } from '../../helpers/http/useTestServer';
import { waitFor } from '../../helpers/waitFor';
import { parseCsvRows } from '../../helpers/parseCsvRows';

const live = useTestServer();
const { connect } = live;

describe('a verdict and a move that cross', () => {
  it('are both kept, and the exports flag the verdict as not fitting the column', async () => {
    const board = await createBoardOverRest(live.server.url, 'Crossed', 'Lea');
    const eddiesInvite = await inviteOverRest(live.server.url, board, 'Eddie', 'editor');
    const lea = await connect(board.id, board.leadToken);
    const eddie = await connect(board.id, eddiesInvite.token);
    setBoardMeta(
      lea.doc,
      { organisation: { name: 'Checkers', url: 'https://checkers.example/' } },
      lea.as,
    );
    const id = addClaim(lea.doc, { claim: 'Gang homicides fell to zero in 2024' }, lea.as);
    moveCard(lea.doc, id, { column: 'disputed', index: 0 }, lea.as);
    await lea.allSaved();
    await waitFor(() => readBoard(eddie.doc).cards[id]?.column === 'disputed', {
      what: 'Eddie sees the card in Disputed',
    });

    // Eddie goes offline and moves the card; Lea gives it a verdict meanwhile.
    eddie.provider.disconnect();
    moveCard(eddie.doc, id, { column: 'corroborated', index: 0 }, eddie.as);
    setVerdict(lea.doc, id, 'False', 'Police data contradict it.', lea.as);
    await lea.allSaved();
    eddie.provider.connect();
    await eddie.allSaved();
    await waitFor(() => readBoard(lea.doc).cards[id]?.column === 'corroborated', {
      what: 'Lea sees the move',
    });

    // What the server stored: both changes, the rationale too.
    const stored = readBoard((await connect(board.id, board.leadToken)).doc).cards[id];
    expect(stored).toMatchObject({
      column: 'corroborated',
      verdict: 'False',
      rationale: 'Police data contradict it.',
    });

    const get = (format: string) =>
      fetch(`${live.server.url}/api/boards/${board.id}/export?format=${format}`, {
        headers: { Authorization: `Bearer ${board.leadToken}` },
      });
    const json = boardExportSchema.parse(await (await get('json')).json());
    expect(json.cards.find((c) => c.id === id)).toMatchObject({
      column: 'corroborated',
      verdict: 'False',
      verdictOnScale: true,
      verdictFitsColumn: false,
    });

    const rows = parseCsvRows(await (await get('csv')).text());
    const header = rows[0] as string[];
    const row = rows.find((r) => r[0] === id) as string[];
    expect(row[header.indexOf('verdict')]).toBe('False');
    expect(row[header.indexOf('verdict on scale')]).toBe('yes');
    expect(row[header.indexOf('verdict fits column')]).toBe('no');

    expect(await (await get('md')).text()).toContain(
      "- Verdict: **False** _(not a label for Corroborated, the card's column)_",
    );

    const claimReview = await get('claimreview');
    expect(await claimReview.json()).toEqual([]);
    expect(claimReview.headers.get('X-Factboard-Skipped')).toBe('1');
  });
});
