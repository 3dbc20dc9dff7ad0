/** The move preview that keyboard and mouse moves share, and its mapping to model indexes. */
import { describe, expect, it } from 'vitest';
import {
  isInPlace,
  pickUp,
  previewColumns,
  step,
  toModelIndex,
} from '../../client/board/movePreview';
import type { Columns } from '../../client/board/filterCards';

const columns: Columns = { unverified: ['a', 'b', 'c'], corroborated: ['d'], disputed: [] };

describe('move preview', () => {
  it('picks a card up where it is and walks it with the arrow keys', () => {
    let p = pickUp(columns, 'b', 'keyboard');
    expect(p).toMatchObject({ column: 'unverified', index: 1 });
    p = step(columns, p!, 'down');
    expect(previewColumns(columns, p).unverified).toEqual(['a', 'c', 'b']);
    expect(step(columns, p, 'down')).toBe(p); // already last
    p = step(columns, p, 'right');
    expect(p).toMatchObject({ column: 'corroborated', index: 1 });
    expect(previewColumns(columns, p)).toEqual({
      unverified: ['a', 'c'],
      corroborated: ['d', 'b'],
      disputed: [],
    });
    p = step(columns, step(columns, p, 'right'), 'right');
    expect(p).toMatchObject({ column: 'disputed', index: 0 });
    expect(isInPlace(columns, p)).toBe(false);
    p = step(columns, step(columns, step(columns, p, 'left'), 'left'), 'up');
    expect(p).toMatchObject({ column: 'unverified', index: 0 });
  });

  it('knows when a card went back where it came from', () => {
    const p = pickUp(columns, 'a', 'keyboard')!;
    expect(isInPlace(columns, step(columns, step(columns, p, 'down'), 'up'))).toBe(true);
  });

  it('knows a card held where it was picked up is not in place once a colleague moved it', () => {
    const p = pickUp(columns, 'b', 'keyboard')!;
    const moved: Columns = { unverified: ['a', 'c'], corroborated: ['d'], disputed: ['b'] };
    expect(isInPlace(moved, p)).toBe(false);
    // Moved back by them to where it is held: nothing to do.
    expect(isInPlace(columns, p)).toBe(true);
  });

  it('returns no preview for a card that is not on the board', () => {
    expect(pickUp(columns, 'zz', 'pointer')).toBeNull();
  });
});

describe('toModelIndex', () => {
  const all = ['a', 'x', 'b', 'y', 'c'];
  const visible = ['a', 'b', 'c']; // x and y are filtered out

  it('drops right after the visible card before the gap', () => {
    expect(toModelIndex(all, visible, 'm', 1)).toBe(1); // after a
    expect(toModelIndex(all, visible, 'm', 2)).toBe(3); // after b
    expect(toModelIndex(all, visible, 'm', 3)).toBe(5); // after c: the end
  });

  it('drops before the first visible card at index 0', () => {
    expect(toModelIndex(['x', 'a'], ['a'], 'm', 0)).toBe(1);
    expect(toModelIndex([], [], 'm', 0)).toBe(0);
  });

  it('ignores the moving card itself in both lists', () => {
    expect(toModelIndex(['a', 'm', 'b'], ['a', 'm', 'b'], 'm', 2)).toBe(2);
  });
});
