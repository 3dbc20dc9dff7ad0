/**
 * A card whose verdict a lead removed from the rating scale (a scale edit never clears a
 * verdict, B11): ClaimReview leaves it out and says so; JSON, CSV and Markdown keep the
 * verdict and flag it as off the scale, and an export from before the flag still imports.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE, readBoard, setRatingScale } from '../../../shared/board';
import {
  boardExportSchema,
  CSV_HEADER,
  importBoardFromJson,
  toCsv,
  toJsonExport,
  toMarkdown,
} from '../../../shared/export';
import { alice, buildHostileBoard } from './hostileBoard';
import { importedDoc } from '../../helpers/importedDoc';
import { parseCsvRows } from '../../helpers/parseCsvRows';

describe('a verdict no longer on the rating scale', () => {
  const board = buildHostileBoard();
  // The board's cards carry True (eq) and False (lines); a lead removes True.
  setRatingScale(
    board.doc,
    {
      ...DEFAULT_RATING_SCALE,
      labels: DEFAULT_RATING_SCALE.labels.filter((l) => l.label !== 'True'),
    },
    alice,
  );
  const view = readBoard(board.doc);
  const { eq, lines, noVerdict } = board.ids;

  it('is flagged in the JSON export, and the file validates and imports', () => {
    const json = JSON.parse(JSON.stringify(toJsonExport(view, [], { exportedAt: 1 })));
    const flag = (id: string) => json.cards.find((c: { id: string }) => c.id === id);
    expect(flag(eq)).toMatchObject({ verdict: 'True', verdictOnScale: false });
    expect(flag(lines)).toMatchObject({ verdict: 'False', verdictOnScale: true });
    expect(flag(noVerdict)).toMatchObject({ verdict: null, verdictOnScale: null });
    expect(boardExportSchema.safeParse(json).success).toBe(true);
    expect(readBoard(importedDoc(json, { actor: alice.actor })).cards[eq]?.verdict).toBe('True');
  });

  it('still imports from an export written before the flag', () => {
    const json = JSON.parse(JSON.stringify(toJsonExport(view, [], { exportedAt: 1 })));
    for (const card of json.cards) delete card.verdictOnScale;
    expect(importBoardFromJson(json).ok).toBe(true);
  });

  it('has a CSV column beside the verdict: yes, no, or empty without a verdict', () => {
    const rows = parseCsvRows(toCsv(view));
    const header = rows[0] as string[];
    expect(header).toEqual([...CSV_HEADER]);
    const at = header.indexOf('verdict on scale');
    expect(at).toBe(header.indexOf('verdict') + 1);
    const cell = (id: string) => rows.find((r) => r[0] === id)?.[at];
    expect([cell(eq), cell(lines), cell(noVerdict)]).toEqual(['no', 'yes', '']);
  });

  it('has a note beside the verdict in the Markdown report, for that card only', () => {
    const verdicts = toMarkdown(view)
      .split('\n')
      .filter((l) => l.startsWith('- Verdict: '));
    expect(verdicts).toContain("- Verdict: **True** _(not on the board's rating scale)_");
    expect(verdicts).toContain('- Verdict: **False**');
    expect(verdicts.filter((l) => l.includes('rating scale'))).toHaveLength(1);
  });
});
