/**
 * The scale dialog's renames (B11): a label edited in place is a rename of the board's label;
 * removing a row and adding another, or resetting to the default scale, is not.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../../../shared/board/ratingScale';
import type { BoardView, CardView } from '../../../shared/board/view';
import {
  fromDraft,
  orphanedVerdicts,
  relabelCounts,
  renamesOf,
  type ScaleDraft,
  toDraft,
  type LabelRow,
} from '../../../client/scale/scaleDraft';

const boardWith = (cards: Partial<CardView>[]): BoardView =>
  ({
    meta: { ratingScale: DEFAULT_RATING_SCALE },
    cards: Object.fromEntries(cards.map((c, i) => [`c${i}`, { id: `c${i}`, ...c }])),
  }) as unknown as BoardView;

/** The draft with one row's label typed over. */
const retype = (draft: ScaleDraft, from: string, to: string): ScaleDraft => ({
  ...draft,
  rows: draft.rows.map((r) => (r.label === from ? { ...r, label: to } : r)),
});

describe('rating scale renames', () => {
  it('tracks a label edited in place, trimmed, and not one typed back or left empty', () => {
    let draft = toDraft(DEFAULT_RATING_SCALE);
    expect(renamesOf(draft)).toEqual([]);
    draft = retype(draft, 'Misleading', '  Spin ');
    draft = retype(draft, 'False', '');
    draft = retype(draft, 'True', 'Truthy');
    draft = retype(draft, 'Truthy', 'True');
    expect(renamesOf(draft)).toEqual([{ from: 'Misleading', to: 'Spin' }]);
  });

  it('does not take a removed row and an added one for a rename', () => {
    const draft = toDraft(DEFAULT_RATING_SCALE);
    const rows = draft.rows.filter((r) => r.label !== 'Misleading');
    const added = { key: 'new-1', original: null, label: 'Spin', column: 'disputed', value: '2' };
    expect(renamesOf({ ...draft, rows: [...rows, added] as ScaleDraft['rows'] })).toEqual([]);
  });

  it('does not take the default scale put in place of the board’s for renames', () => {
    const board = {
      ...DEFAULT_RATING_SCALE,
      labels: [{ label: 'Satire', column: 'disputed' as const, value: 1 }],
    };
    const draft = toDraft(board);
    const reset = toDraft(DEFAULT_RATING_SCALE, false);
    expect(renamesOf(retype(draft, 'Satire', 'Parody'))).toEqual([
      { from: 'Satire', to: 'Parody' },
    ]);
    expect(renamesOf(reset)).toEqual([]);
    expect(fromDraft(reset)).toEqual({ ok: true, scale: DEFAULT_RATING_SCALE });
  });

  it('counts the cards each rename relabels, and warns only about labels left off the scale', () => {
    const board = boardWith([
      { verdict: 'Misleading', column: 'disputed' },
      { verdict: 'Misleading', column: 'disputed' },
      { verdict: 'False', column: 'disputed' },
      { verdict: 'Unproven', column: 'unverified' },
      { verdict: null, column: 'disputed' },
    ]);
    // Misleading → Spin in place; True → Truthy (no card has it); Unproven removed.
    let draft = retype(toDraft(DEFAULT_RATING_SCALE), 'Misleading', 'Spin');
    draft = retype(draft, 'True', 'Truthy');
    draft = { ...draft, rows: draft.rows.filter((r) => r.label !== 'Unproven') };
    const renames = renamesOf(draft);
    const result = fromDraft(draft);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));

    expect(relabelCounts(board, renames)).toEqual([
      { rename: { from: 'Misleading', to: 'Spin' }, cards: 2 },
    ]);
    expect([...orphanedVerdicts(board, result.scale, renames)]).toEqual([['Unproven', 1]]);
    // Without the renames, the Misleading cards would be left off the scale too.
    expect([...orphanedVerdicts(board, result.scale)]).toEqual([
      ['Misleading', 2],
      ['Unproven', 1],
    ]);
  });

  it('warns about a renamed label moved to another column, under its new name', () => {
    const board = boardWith([{ verdict: 'Misleading', column: 'disputed' }]);
    const draft = toDraft(DEFAULT_RATING_SCALE);
    const rows = draft.rows.map((r) =>
      r.label === 'Misleading' ? { ...r, label: 'Spin', column: 'unverified' as const } : r,
    );
    const result = fromDraft({ ...draft, rows });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
    const renames = renamesOf({ ...draft, rows });
    expect([...orphanedVerdicts(board, result.scale, renames)]).toEqual([['Spin', 1]]);
  });

  it('names every problem of a draft at once, each on its field', () => {
    const draft = toDraft(DEFAULT_RATING_SCALE);
    const [a, b, c] = draft.rows as [LabelRow, LabelRow, LabelRow, ...LabelRow[]];
    const rows = draft.rows.map((r) =>
      r === a
        ? { ...r, label: '' }
        : r === b
          ? { ...r, label: c.label }
          : r === c
            ? { ...r, value: 'ten' }
            : r,
    );
    const result = fromDraft({ ...draft, worst: 'low', rows });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual([
      'worst',
      `${a.key}:label`,
      `${c.key}:label`,
      `${c.key}:value`,
    ]);
    expect(result.problems[1]?.message).toBe('Label 1 needs a name.');
  });
});
