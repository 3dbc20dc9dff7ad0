/**
 * A verdict picked and not saved while a lead edits the rating scale: the pick follows a rename
 * of its label (the label's stored entry keeps its id), and a label removed or moved to another
 * column is to be picked again, never saved as a label the scale no longer has.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DEFAULT_RATING_SCALE,
  editRatingScale,
  initBoard,
  readMeta,
  type RatingScale,
} from '../../../shared/board';
import { followRenames, labelRenames, stalePick } from '../../../client/review/pendingVerdict';

let tick = 1_700_000_000_000;
const lea = { actor: { id: 'inv-lead', name: 'Lea' }, now: () => ++tick };

describe('labelRenames', () => {
  it('reads a rename in place from the board, and not a removal or an addition', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Scale' }, lea);
    const before = readMeta(doc).ratingLabelIds;
    expect([...before.keys()]).toEqual(DEFAULT_RATING_SCALE.labels.map((l) => l.label));
    const base = readMeta(doc).ratingScale;
    editRatingScale(
      doc,
      {
        scale: {
          ...base,
          labels: [
            ...base.labels
              .filter((l) => l.label !== 'True')
              .map((l) => (l.label === 'Mostly true' ? { ...l, label: 'Largely true' } : l)),
            { label: 'Satire', column: 'disputed', value: 1 },
          ],
        },
        renames: [{ from: 'Mostly true', to: 'Largely true' }],
        base,
      },
      lea,
    );
    const after = readMeta(doc).ratingLabelIds;
    expect(after.get('Largely true')).toBe(before.get('Mostly true'));
    expect(labelRenames(before, after)).toEqual([{ from: 'Mostly true', to: 'Largely true' }]);
  });

  it('reads a swap of two names as two renames', () => {
    const before = new Map([
      ['A', 'l0'],
      ['B', 'l1'],
    ]);
    const after = new Map([
      ['B', 'l0'],
      ['A', 'l1'],
    ]);
    expect(labelRenames(before, after)).toEqual([
      { from: 'A', to: 'B' },
      { from: 'B', to: 'A' },
    ]);
  });

  it('has no ids for a scale not stored as entries (the default read for a missing one)', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc).ratingScale).toEqual(DEFAULT_RATING_SCALE);
    expect(readMeta(doc).ratingLabelIds.size).toBe(0);
  });
});

describe('followRenames', () => {
  const renames = [{ from: 'Mostly true', to: 'Largely true' }];

  it('moves the pick, and the verdict it was picked over, to the new name', () => {
    const draft = {
      base: { verdict: 'Mostly true' },
      mine: { verdict: 'Mostly true', rationale: 'Kept' },
    };
    expect(followRenames(draft, renames)).toEqual({
      base: { verdict: 'Largely true' },
      mine: { verdict: 'Largely true', rationale: 'Kept' },
    });
    const over = { base: { verdict: 'Mostly true' }, mine: { verdict: 'True' } };
    expect(followRenames(over, renames)).toEqual({
      base: { verdict: 'Largely true' },
      mine: { verdict: 'True' },
    });
  });

  it('leaves a draft without a renamed label as it is', () => {
    const draft = { base: { rationale: '' }, mine: { rationale: 'Typed' } };
    expect(followRenames(draft, renames)).toBe(draft);
  });
});

describe('stalePick', () => {
  const without = (label: string): RatingScale => ({
    ...DEFAULT_RATING_SCALE,
    labels: DEFAULT_RATING_SCALE.labels.filter((l) => l.label !== label),
  });

  it('asks again for a label removed from the scale or not offered in the card’s column', () => {
    expect(stalePick('True', without('True'), 'corroborated')).toBe('removed');
    expect(stalePick('False', DEFAULT_RATING_SCALE, 'corroborated')).toBe('another_column');
  });

  it('lets a label of the column, No verdict or no pick be saved', () => {
    expect(stalePick('True', DEFAULT_RATING_SCALE, 'corroborated')).toBeNull();
    expect(stalePick('', without('True'), 'corroborated')).toBeNull();
    expect(stalePick(undefined, without('True'), 'corroborated')).toBeNull();
  });
});
