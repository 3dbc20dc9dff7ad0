import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../../../shared/board/ratingScale';
import type { BoardView, CardView } from '../../../shared/board/view';
import { fromDraft, orphanedVerdicts, toDraft } from '../../../client/scale/scaleDraft';

const boardWith = (cards: Partial<CardView>[]): BoardView =>
  ({
    meta: { ratingScale: DEFAULT_RATING_SCALE },
    cards: Object.fromEntries(cards.map((c, i) => [`c${i}`, { id: `c${i}`, ...c }])),
  }) as unknown as BoardView;

describe('rating scale draft', () => {
  it('round-trips the default scale', () => {
    expect(fromDraft(toDraft(DEFAULT_RATING_SCALE))).toEqual({
      ok: true,
      scale: DEFAULT_RATING_SCALE,
    });
  });

  it('names the row at fault', () => {
    const draft = toDraft(DEFAULT_RATING_SCALE);
    const rows = draft.rows.map((r) => (r.label === 'False' ? { ...r, value: '9' } : r));
    expect(fromDraft({ ...draft, rows })).toEqual({
      ok: false,
      error: 'False: the value must be a number from worst to best.',
    });
    expect(fromDraft({ ...draft, rows: [...draft.rows, { ...draft.rows[0]!, key: 'x' }] })).toEqual(
      { ok: false, error: 'True: the label is there twice.' },
    );
    expect(fromDraft({ ...draft, best: '1', worst: '1' })).toEqual({
      ok: false,
      error: 'The best value must be above the worst.',
    });
    expect(fromDraft({ ...draft, best: 'lots' })).toEqual({
      ok: false,
      error: 'Best and worst must be numbers.',
    });
    expect(fromDraft({ ...draft, rows: [{ ...draft.rows[0]!, label: '  ' }] })).toEqual({
      ok: false,
      error: 'Label 1 needs a name.',
    });
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
