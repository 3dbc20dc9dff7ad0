import { describe, expect, it } from 'vitest';
import { mergeEvents } from '../../../client/history/mergeEvents';
import type { HistoryEvent } from '../../../client/history/historyEvent';

const ev = (seq: number): HistoryEvent => ({
  seq,
  cardId: null,
  type: 't',
  actor: { id: 'a', name: 'A' },
  at: seq,
  data: {},
});
const seqs = (events: readonly HistoryEvent[]) => events.map((e) => e.seq);

describe('mergeEvents', () => {
  it('takes a first page as it is, sorted and without repeats', () => {
    expect(seqs(mergeEvents([], [ev(3), ev(1), ev(3), ev(2)]))).toEqual([1, 2, 3]);
    expect(mergeEvents([], [])).toEqual([]);
  });

  it('appends newer events and prepends older ones', () => {
    const held = [ev(10), ev(11), ev(12)];
    expect(seqs(mergeEvents(held, [ev(13), ev(14)]))).toEqual([10, 11, 12, 13, 14]);
    expect(seqs(mergeEvents(held, [ev(7), ev(9)]))).toEqual([7, 9, 10, 11, 12]);
  });

  it('drops events already held, including an overlapping or repeated poll', () => {
    const held = [ev(10), ev(11), ev(12)];
    expect(seqs(mergeEvents(held, [ev(11), ev(12), ev(13)]))).toEqual([10, 11, 12, 13]);
    expect(seqs(mergeEvents(held, [ev(8), ev(10), ev(13)]))).toEqual([8, 10, 11, 12, 13]);
    // The held entry wins over a second copy of the same seq.
    const merged = mergeEvents(held, [{ ...ev(11), type: 'copy' }, ev(13)]);
    expect(merged[1]).toBe(held[1]);
  });

  it('returns the held array itself when nothing is new, so React can skip a render', () => {
    const held = [ev(1), ev(2)];
    expect(mergeEvents(held, [])).toBe(held);
    expect(mergeEvents(held, [ev(1), ev(2)])).toBe(held);
  });

  it('takes a redacted comment’s words out of the events held before its redaction', () => {
    const lena = { id: 'l', name: 'Lena' };
    const comment = (seq: number, type: string, data: Record<string, unknown>): HistoryEvent => ({
      ...ev(seq),
      type,
      data,
    });
    const held = [
      comment(1, 'comment.posted', { commentId: 'c1', parentId: null, text: 'Source: Ana' }),
      comment(2, 'comment.posted', { commentId: 'c2', parentId: null, text: 'Kept' }),
      comment(3, 'comment.resolved', { commentId: 'c1' }),
    ];
    const redaction = { ...comment(4, 'comment.redacted', { commentId: 'c1' }), actor: lena };
    const merged = mergeEvents(held, [redaction]);
    expect(merged.map((e) => e.data)).toEqual([
      { commentId: 'c1', parentId: null, text: '', redacted: { by: lena, at: 4 } },
      { commentId: 'c2', parentId: null, text: 'Kept' },
      { commentId: 'c1' },
      { commentId: 'c1' },
    ]);
    expect(merged[1]).toBe(held[1]);
  });
});
