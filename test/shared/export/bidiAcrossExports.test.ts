/**
 * Every text export treats a hostile direction control alike: kept, and closed at once where it
 * stands (inertBidi), so "U+202E eslaf si siht" never reads "this is false", in a CSV cell, a
 * Markdown report or a ClaimReview. Closed at the end of its line (as CSV and ClaimReview did),
 * it still reversed the rest of the claim. JSON keeps every text as stored: it is the board's
 * data, imported back.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, initBoard, moveCard, readBoard, setVerdict } from '../../../shared/board';
import { toClaimReview, toCsv, toMarkdown } from '../../../shared/export';

const HOSTILE = '\u202eeslaf si siht';
const INERT = '\u202e\u202ceslaf si siht';
/** An embedding, override or isolate not closed by the very next character. */
const LIVE = /[\u202a\u202b\u202d\u202e](?!\u202c)|[\u2066-\u2068](?!\u2069)/;

const doc = new Y.Doc();
const ed = { actor: { id: 'inv-ed', name: 'Ed' }, now: () => 1_700_000_000_000 };
initBoard(doc, { title: 'Bidi' }, ed);
const card = addClaim(doc, { claim: HOSTILE }, ed);
moveCard(doc, card, { column: 'disputed', index: 0 }, ed);
setVerdict(doc, card, 'False', `Rated: ${HOSTILE}`, ed);
const view = readBoard(doc);

describe.each([
  ['CSV', () => toCsv(view)],
  ['Markdown', () => toMarkdown(view)],
  [
    'ClaimReview',
    () =>
      JSON.stringify(
        toClaimReview(view, {
          organisation: { name: 'Desk', url: 'https://desk.example' },
        }).reviews,
        // JSON.stringify keeps U+202A–U+202E and U+2066–U+2069 as they are.
      ),
  ],
])('%s export', (_format, exported) => {
  it('keeps the claim’s override, closed where it stands', () => {
    const text = exported();
    expect(text).toContain(INERT);
    expect(text).not.toMatch(LIVE);
  });
});
