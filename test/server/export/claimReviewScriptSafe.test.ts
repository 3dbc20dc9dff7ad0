/**
 * The ClaimReview file is pasted into a `<script type="application/ld+json">` block of the
 * newsroom's page, and often into a script's source by a CMS template. No text a card holds may
 * end that block (`</script`, in any case), open an HTML comment in it (`<!--`), or end a line
 * inside a string literal: U+2028 and U+2029 are line terminators to every JavaScript engine
 * before ES2019, where JSON.stringify writes them raw. Each goes out as a \u escape, the same JSON.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, initBoard, setBoardMeta, setVerdict } from '../../../shared/board';
import type { ClaimReview } from '../../../shared/export';
import { renderExport } from '../../../server/export/renderExport';

const editor = { actor: { id: 'inv-ed', name: 'Ed' }, now: () => Date.UTC(2026, 11, 6) };
const CLAIM = 'Pasted from a PDF:\u2028a second line\u2029a new paragraph </SCRIPT><!-- & more';
const RATIONALE = 'The report says otherwise.\u2028See page 4 </script>';

function reviewFile(): string {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Script safe' }, editor);
  setBoardMeta(doc, { organisation: { name: 'Desk', url: 'https://desk.example' } }, editor);
  const cardId = addClaim(doc, { claim: CLAIM, column: 'disputed' }, editor);
  setVerdict(doc, cardId, 'False', RATIONALE, editor);
  return renderExport({
    format: 'claimreview',
    boardId: 'b1',
    snapshot: Y.encodeStateAsUpdate(doc),
    updates: [],
    history: [],
    exportedAt: Date.UTC(2026, 11, 7),
    asOf: null,
    organisation: null,
    redactions: [],
  }).text;
}

describe('ClaimReview in a script block', () => {
  it('escapes < > & and the two line terminators, the same value as JSON and as script', () => {
    const text = reviewFile();
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const [review] = JSON.parse(text) as ClaimReview[];
    expect(review?.claimReviewed).toBe(CLAIM);
    expect(review?.reviewBody).toBe(RATIONALE);
    // What a template writing `var reviews = <file>;` runs.
    expect(new Function(`return (${text});`)()).toEqual(JSON.parse(text));
  });
});
