/**
 * Ordering the rating scale's labels in its dialog: a row moves one place at a time, and the
 * saved scale lists the labels in that order for every reader (the entries' `order`), a rename
 * made in the same edit included.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editRatingScale, initBoard, readMeta } from '../../../shared/board';
import { fromDraft, moveRow, renamesOf, toDraft } from '../../../client/scale/scaleDraft';

let tick = 1_700_000_000_000;
const lea = { actor: { id: 'inv-lead', name: 'Lea' }, now: () => ++tick };

describe('moveRow', () => {
  it('swaps a row with its neighbour, and goes past no end', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Order' }, lea);
    const draft = toDraft(readMeta(doc).ratingScale);
    const labels = (d: typeof draft | null) => d?.rows.map((r) => r.label);
    expect(labels(moveRow(draft, 1, -1))?.slice(0, 3)).toEqual(['Mostly true', 'True', 'Unproven']);
    expect(labels(moveRow(draft, 0, 1))?.slice(0, 3)).toEqual(['Mostly true', 'True', 'Unproven']);
    expect(moveRow(draft, 0, -1)).toBeNull();
    expect(moveRow(draft, draft.rows.length - 1, 1)).toBeNull();
  });

  it('saves the order for every reader, with a rename in the same edit', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Order' }, lea);
    const base = readMeta(doc).ratingScale;
    const ids = readMeta(doc).ratingLabelIds;
    let draft = toDraft(base);
    const last = draft.rows.length - 1;
    // False to the top, one place at a time, then renamed.
    for (let i = last; i > 0; i--) draft = moveRow(draft, i, -1)!;
    draft = { ...draft, rows: draft.rows.map((r, i) => (i === 0 ? { ...r, label: 'Wrong' } : r)) };
    const result = fromDraft(draft);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
    editRatingScale(doc, { scale: result.scale, renames: renamesOf(draft), base }, lea);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readMeta(copy).ratingScale.labels.map((l) => l.label)).toEqual([
      'Wrong',
      ...base.labels.slice(0, last).map((l) => l.label),
    ]);
    expect(readMeta(copy).ratingLabelIds.get('Wrong')).toBe(ids.get('False'));
  });
});
