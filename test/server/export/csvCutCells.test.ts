/**
 * A CSV cell longer than a spreadsheet cell holds (32,767 characters) is cut, marked where, and
 * the export counts such cells in X-Factboard-Cut-Cells, which the Export dialog words after the
 * download. On the composed server: real SQLite, the real sync server, a y-websocket client.
 */
import { describe, expect, it } from 'vitest';
import { addClaim, addComment } from '../../../shared/board';
import { CSV_HEADER } from '../../../shared/export';
import { CELL_LIMIT } from '../../../shared/export/toCsv';
import { parseCsvRows } from '../../helpers/parseCsvRows';
import { createBoardOverRest } from '../../helpers/restApi';
import { useTestServer } from '../../helpers/http/useTestServer';

const live = useTestServer();

describe('a CSV cell longer than a spreadsheet cell holds', () => {
  it('is cut, and the export counts the cells cut in a header', async () => {
    const board = await createBoardOverRest(live.server.url, 'Long threads', 'Lea');
    const lea = await live.connect(board.id, board.leadToken);
    const long = addClaim(lea.doc, { claim: 'The new prison holds 40,000' }, lea.as);
    for (const c of ['a', 'b', 'c', 'd']) {
      addComment(lea.doc, long, { text: `${c} ${'x'.repeat(9_996)} ${c}` }, lea.as);
    }
    const short = addClaim(lea.doc, { claim: 'Arrests doubled' }, lea.as);
    addComment(lea.doc, short, { text: 'Checked the register.' }, lea.as);
    await lea.allSaved();

    const get = (format: string) =>
      fetch(`${live.server.url}/api/boards/${board.id}/export?format=${format}`, {
        headers: { Authorization: `Bearer ${board.leadToken}` },
      });
    const res = await get('csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Factboard-Cut-Cells')).toBe('1');
    const rows = parseCsvRows(await res.text());
    const comments = (id: string) =>
      rows.find((r) => r[0] === id)?.[CSV_HEADER.indexOf('comments')] ?? '';
    expect(comments(long).length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(comments(long)).toMatch(
      /\n\[cut: [\d,]+ more characters do not fit in a spreadsheet cell;/,
    );
    expect(comments(short)).toMatch(/: Checked the register\.$/);
    // Only a CSV file has cells to cut.
    expect((await get('json')).headers.get('X-Factboard-Cut-Cells')).toBeNull();
  });
});
