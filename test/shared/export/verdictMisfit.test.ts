/**
 * A verdict that does not fit its card's column: Eddie moves a Disputed card to Corroborated
 * while Lea gives it "False" (a Disputed label), and the merge keeps both. No export passes it
 * off as a Corroborated card rated False: JSON and CSV flag it, Markdown notes it beside the
 * verdict, ClaimReview leaves it out and says why, and the JSON still imports, keeping it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  initBoard,
  moveCard,
  readBoard,
  setBoardMeta,
  setVerdict,
} from '../../../shared/board';
import {
  boardExportSchema,
  claimReviewReadiness,
  CSV_HEADER,
  importBoardFromJson,
  toClaimReview,
  toCsv,
  toJsonExport,
  toMarkdown,
} from '../../../shared/export';
import { importedDoc } from '../../helpers/importedDoc';
import { parseCsvRows } from '../../helpers/parseCsvRows';

const lea = { actor: { id: 'inv-lea', name: 'Lea' } };
const eddie = { actor: { id: 'inv-eddie', name: 'Eddie' } };
const organisation = { name: 'Checkers', url: 'https://checkers.example/' };

function crossedBoard() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Crossed' }, lea);
  setBoardMeta(doc, { organisation }, lea);
  const crossed = addClaim(doc, { claim: 'Rents doubled since 2015' }, lea);
  moveCard(doc, crossed, { column: 'disputed', index: 0 }, lea);
  const fitting = addClaim(doc, { claim: 'Crime fell by half' }, lea);
  moveCard(doc, fitting, { column: 'corroborated', index: 0, verdict: 'True' }, lea);
  const none = addClaim(doc, { claim: 'Unemployment is at 3%' }, lea);
  // Eddie's copy, offline: he moves the card while Lea gives it a Disputed verdict.
  const eddiesDoc = new Y.Doc();
  Y.applyUpdate(eddiesDoc, Y.encodeStateAsUpdate(doc));
  moveCard(eddiesDoc, crossed, { column: 'corroborated', index: 0 }, eddie);
  setVerdict(doc, crossed, 'False', 'The series shows a 40% rise.', lea);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(eddiesDoc));
  return { view: readBoard(doc), crossed, fitting, none };
}

describe('a verdict that does not fit its card’s column', () => {
  const { view, crossed, fitting, none } = crossedBoard();

  it('is what the merge keeps: the card in Corroborated with the Disputed label', () => {
    expect(view.cards[crossed]).toMatchObject({ column: 'corroborated', verdict: 'False' });
  });

  it('is flagged in the JSON export, and the file validates and imports with the verdict', () => {
    const json = JSON.parse(JSON.stringify(toJsonExport(view, [], { exportedAt: 1 })));
    const card = (id: string) => json.cards.find((c: { id: string }) => c.id === id);
    expect(card(crossed)).toMatchObject({
      column: 'corroborated',
      verdict: 'False',
      verdictOnScale: true,
      verdictFitsColumn: false,
    });
    expect(card(fitting)).toMatchObject({ verdictFitsColumn: true });
    expect(card(none)).toMatchObject({ verdict: null, verdictFitsColumn: null });
    expect(boardExportSchema.safeParse(json).success).toBe(true);
    // A reader's edit of the flag changes nothing: the import works it out again.
    card(crossed).verdictFitsColumn = true;
    const again = readBoard(importedDoc(json, lea));
    expect(again.cards[crossed]).toMatchObject({ column: 'corroborated', verdict: 'False' });
    const reexported = toJsonExport(again, [], { exportedAt: 2 });
    expect(reexported.cards.find((c) => c.id === crossed)?.verdictFitsColumn).toBe(false);
  });

  it('still imports from an export written before the flag', () => {
    const json = JSON.parse(JSON.stringify(toJsonExport(view, [], { exportedAt: 1 })));
    for (const card of json.cards) delete card.verdictFitsColumn;
    expect(importBoardFromJson(json).ok).toBe(true);
  });

  it('has a CSV column beside "verdict on scale": yes, no, or empty without a verdict', () => {
    const rows = parseCsvRows(toCsv(view));
    const header = rows[0] as string[];
    expect(header).toEqual([...CSV_HEADER]);
    const at = header.indexOf('verdict fits column');
    expect(at).toBe(header.indexOf('verdict on scale') + 1);
    const cell = (id: string, column: number) => rows.find((r) => r[0] === id)?.[column];
    expect([cell(crossed, at), cell(fitting, at), cell(none, at)]).toEqual(['no', 'yes', '']);
    expect(cell(crossed, at - 1)).toBe('yes');
  });

  it('has a note beside the verdict in the Markdown report, for that card only', () => {
    const verdicts = toMarkdown(view)
      .split('\n')
      .filter((l) => l.startsWith('- Verdict: '));
    expect(verdicts).toContain(
      "- Verdict: **False** _(not a label for Corroborated, the card's column)_",
    );
    expect(verdicts).toContain('- Verdict: **True**');
    expect(verdicts.filter((l) => l.includes('not a label'))).toHaveLength(1);
  });

  it('is left out of ClaimReview, with its reason, and the export dialog’s check agrees', () => {
    const { reviews, skipped } = toClaimReview(view, { organisation });
    expect(reviews.map((r) => r.claimReviewed)).toEqual(['Crime fell by half']);
    expect(skipped).toEqual([{ cardId: crossed, reason: 'verdict_not_for_column' }]);
    expect(claimReviewReadiness(view).skipped).toEqual(skipped);
  });
});
