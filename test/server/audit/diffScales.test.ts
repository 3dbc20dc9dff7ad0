import { describe, expect, it } from 'vitest';
import { diffScales } from '../../../server/audit/diffScales';
import { DEFAULT_RATING_SCALE, type RatingLabel } from '../../../shared/board/ratingScale';
import type { ReadScale } from '../../../shared/board/readMeta';

/** A scale as read, its labels' entry ids `l<position>` unless given (none: a version 1 scale). */
function read(labels: readonly RatingLabel[], ids?: readonly string[] | null): ReadScale {
  const entryIds = ids === null ? [] : (ids ?? labels.map((_, i) => `l${i}`));
  return {
    scale: { best: 5, worst: 1, labels },
    ids: new Map(entryIds.map((id, i) => [labels[i]!.label, id])),
  };
}
const label = (name: string, value = 3, column: RatingLabel['column'] = 'disputed') => ({
  label: name,
  value,
  column,
});
const none = { added: [], removed: [], renamed: [], changed: [], range: null };

describe('diffScales', () => {
  it('finds no change in the same scale, a migration from version 1 or a reorder', () => {
    const v2 = read(DEFAULT_RATING_SCALE.labels);
    expect(diffScales(v2, v2)).toBeNull();
    expect(diffScales(read(DEFAULT_RATING_SCALE.labels, null), v2)).toBeNull();
    const reordered = [...DEFAULT_RATING_SCALE.labels].reverse();
    const ids = DEFAULT_RATING_SCALE.labels.map((_, i) => `l${i}`).reverse();
    expect(diffScales(v2, read(reordered, ids))).toBeNull();
  });

  it('reads a label with the same entry and another name as a rename', () => {
    const before = read([label('True', 5), label('False', 1)]);
    expect(diffScales(before, read([label('Accurate', 5), label('False', 1)]))).toEqual({
      ...none,
      renamed: [{ from: 'True', to: 'Accurate' }],
    });
    // Without ids to go by (a version 1 scale), a new name is a label added, the old one removed.
    expect(diffScales(read([label('True', 5)], null), read([label('Accurate', 5)], null))).toEqual({
      ...none,
      added: ['Accurate'],
      removed: ['True'],
    });
  });

  it('matches by name a label whose entry was replaced, and adds and removes the rest', () => {
    const before = read([label('True', 5), label('Spin', 2)]);
    const after = read([label('True', 5), label('Satire', 2)], ['x1', 'x2']);
    expect(diffScales(before, after)).toEqual({ ...none, added: ['Satire'], removed: ['Spin'] });
  });

  it('records a new value or column with what it was, and a new range', () => {
    const before = read([label('Misleading', 2, 'disputed'), label('False', 1)]);
    const after: ReadScale = {
      ...read([label('Misleading', 4, 'corroborated'), label('False', 1, 'unverified')]),
      scale: {
        best: 7,
        worst: 1,
        labels: [label('Misleading', 4, 'corroborated'), label('False', 1, 'unverified')],
      },
    };
    expect(diffScales(before, after)).toEqual({
      ...none,
      changed: [
        {
          label: 'Misleading',
          value: 4,
          column: 'corroborated',
          was: { value: 2, column: 'disputed' },
        },
        { label: 'False', value: 1, column: 'unverified', was: { column: 'disputed' } },
      ],
      range: { best: 7, worst: 1, was: { best: 5, worst: 1 } },
    });
  });
});
