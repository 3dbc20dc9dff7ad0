import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../../../shared/board/ratingScale';
import type { BoardView, CardView } from '../../../shared/board/view';
import {
  draftChanged,
  fromDraft,
  orphanedVerdicts,
  toDraft,
} from '../../../client/scale/scaleDraft';

const boardWith = (cards: Partial<CardView>[]): BoardView =>
  ({
    meta: { ratingScale: DEFAULT_RATING_SCALE },
    cards: Object.fromEntries(cards.map((c, i) => [`c${i}`, { id: `c${i}`, ...c }])),
  }) as unknown as BoardView;

describe('rating scale draft', () => {
  it('tells a draft that would change the scale from one that would not', () => {
    const base = toDraft(DEFAULT_RATING_SCALE);
    const rekeyed = { ...base, rows: base.rows.map((r, i) => ({ ...r, key: `new-${i}` })) };
    expect(draftChanged(rekeyed, base)).toBe(false);
    const renamed = base.rows.map((r, i) => (i === 0 ? { ...r, label: 'Accurate' } : r));
    expect(draftChanged({ ...base, rows: renamed }, base)).toBe(true);
    expect(draftChanged({ ...base, best: '6' }, base)).toBe(true);
    // The default scale put back over the default: nothing would change.
    expect(draftChanged(toDraft(DEFAULT_RATING_SCALE, false), base)).toBe(false);
  });

  it('round-trips the default scale', () => {
    expect(fromDraft(toDraft(DEFAULT_RATING_SCALE))).toEqual({
      ok: true,
      scale: DEFAULT_RATING_SCALE,
    });
  });

  it('names the row at fault, on its field', () => {
    const draft = toDraft(DEFAULT_RATING_SCALE);
    const problems = (d: typeof draft) => {
      const result = fromDraft(d);
      return result.ok ? [] : result.problems;
    };
    const falseRow = draft.rows.find((r) => r.label === 'False')!;
    const rows = draft.rows.map((r) => (r === falseRow ? { ...r, value: '9' } : r));
    expect(problems({ ...draft, rows })).toEqual([
      {
        field: `${falseRow.key}:value`,
        message: 'False: the value must be a number from worst to best.',
      },
    ]);
    expect(problems({ ...draft, rows: [...draft.rows, { ...draft.rows[0]!, key: 'x' }] })).toEqual([
      { field: 'x:label', message: 'True: the label is there twice.' },
    ]);
    expect(problems({ ...draft, best: '1', worst: '1' })[0]).toEqual({
      field: 'best',
      message: 'The best value must be above the worst.',
    });
    expect(problems({ ...draft, best: 'lots' })).toEqual([
      { field: 'best', message: 'The best value must be a number.' },
    ]);
    expect(problems({ ...draft, rows: [{ ...draft.rows[0]!, label: '  ' }] })).toEqual([
      { field: `${draft.rows[0]!.key}:label`, message: 'Label 1 needs a name.' },
    ]);
  });

  it('refuses a Corroborated label rated below a Disputed one, which ClaimReview would invert', () => {
    // A row added for a new label starts in Disputed at the worst value: moved to Corroborated
    // and saved as it stood, "Correct" went out as ratingValue 1 of 1..5, the worst.
    const draft = toDraft(DEFAULT_RATING_SCALE);
    const added = {
      key: 'new-1',
      original: null,
      label: 'Correct',
      column: 'corroborated' as const,
    };
    const result = fromDraft({ ...draft, rows: [...draft.rows, { ...added, value: draft.worst }] });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'new-1:value',
          message:
            'Correct: a Corroborated label needs a value at least that of every Disputed label (Missing context: 3); ClaimReview reads a higher value as truer.',
        },
      ],
    });
    // Level with the highest Disputed value is not inverted.
    expect(fromDraft({ ...draft, rows: [...draft.rows, { ...added, value: '3' }] }).ok).toBe(true);
  });

  it('refuses decimal, zero and negative values, saying on each field what is allowed', () => {
    const draft = toDraft(DEFAULT_RATING_SCALE);
    const rule = 'must be a whole number, 1 or more, as ClaimReview ratings are.';
    const misleading = draft.rows.find((r) => r.label === 'Misleading')!;
    const rows = draft.rows.map((r) => (r === misleading ? { ...r, value: '2.5' } : r));
    expect(fromDraft({ ...draft, rows })).toEqual({
      ok: false,
      problems: [{ field: `${misleading.key}:value`, message: `Misleading: the value ${rule}` }],
    });
    // A scale from 0 or from -2, and a best of 4.5.
    const problems = (d: typeof draft) => {
      const result = fromDraft(d);
      return result.ok ? [] : result.problems;
    };
    expect(problems({ ...draft, worst: '0' })).toContainEqual({
      field: 'worst',
      message: `The worst value ${rule}`,
    });
    expect(problems({ ...draft, worst: '-2' })).toContainEqual({
      field: 'worst',
      message: `The worst value ${rule}`,
    });
    expect(problems({ ...draft, best: '5.5' })).toEqual([
      { field: 'best', message: `The best value ${rule}` },
    ]);
  });

  it('counts the cards whose verdict the new scale no longer offers in their column', () => {
    const board = boardWith([
      { verdict: 'True', column: 'corroborated' },
      { verdict: 'True', column: 'corroborated' },
      { verdict: 'False', column: 'disputed' },
      { verdict: null, column: 'disputed' },
    ]);
    const next = {
      ...DEFAULT_RATING_SCALE,
      labels: DEFAULT_RATING_SCALE.labels.filter((l) => l.label !== 'True'),
    };
    expect([...orphanedVerdicts(board, next)]).toEqual([['True', 2]]);
    expect(orphanedVerdicts(board, DEFAULT_RATING_SCALE).size).toBe(0);
  });
});
