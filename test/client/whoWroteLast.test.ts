/** Naming the colleague whose write was kept, from the card's history (client/board/whoWroteLast). */
import { describe, expect, it } from 'vitest';
import { whoDeleted, whoRemoved, whoWroteLast } from '../../client/board/whoWroteLast';
import type { HistoryEvent } from '../../client/history/historyEvent';

let seq = 0;
const event = (type: string, actor: string, data: Record<string, unknown>, cardId = 'c1') =>
  ({
    seq: ++seq,
    cardId,
    type,
    actor: { id: `inv-${actor}`, name: actor },
    at: seq,
    data,
  }) as HistoryEvent;

const events = [
  event('card.edited', 'Eddie', { fields: ['rationale'] }),
  event('card.edited', 'Rosa', { fields: ['speaker'] }),
  event('card.moved', 'Rosa', { from: 'unverified', to: 'disputed' }),
  event('verdict.set', 'Eddie', { verdict: 'False' }),
  event('evidence.edited', 'Rosa', { evidenceId: 'e1', fields: ['note'] }),
  event('card.edited', 'Lea', { fields: ['rationale', 'speaker'] }),
  event('card.edited', 'Bo', { fields: ['rationale'] }, 'c2'),
];

describe('whoWroteLast', () => {
  it('names the latest colleague to change that field of that card, me only if no one else', () => {
    const ref = (field: string, evidenceId: string | null = null) =>
      ({ cardId: 'c1', evidenceId, field }) as Parameters<typeof whoWroteLast>[1];
    // Lea is me: her own later edit of the rationale is not the colleague's.
    const name = (r: ReturnType<typeof ref>, me: string) => whoWroteLast(events, r, me)?.name;
    expect(whoWroteLast(events, ref('rationale'), 'inv-Lea')).toEqual({
      id: 'inv-Eddie',
      name: 'Eddie',
    });
    expect(name(ref('speaker'), 'inv-Lea')).toBe('Rosa');
    expect(name(ref('rationale'), 'inv-Rosa')).toBe('Lea');
    expect(name(ref('pos'), 'inv-Lea')).toBe('Rosa');
    expect(name(ref('verdict'), 'inv-Lea')).toBe('Eddie');
    expect(name(ref('note', 'e1'), 'inv-Lea')).toBe('Rosa');
    expect(whoWroteLast(events, ref('url', 'e1'), 'inv-Lea')).toBeNull();
    expect(whoWroteLast(events, ref('claim'), 'inv-Lea')).toBeNull();
    // Only Eddie set the verdict: if Eddie is me, it was him in another tab or window.
    expect(whoWroteLast(events, ref('verdict'), 'inv-Eddie')?.id).toBe('inv-Eddie');
    const assigned = [...events, event('card.assigned', 'Bo', { assignee: 'Bo' })];
    expect(whoWroteLast(assigned, ref('assignee'), 'inv-Lea')?.name).toBe('Bo');
  });

  it('names who deleted the card last, me only if no one else did', () => {
    const deletions = [
      event('card.deleted', 'Rosa', {}),
      event('card.restored', 'Eddie', {}),
      event('card.deleted', 'Lea', {}),
    ];
    expect(whoDeleted(deletions, 'c1', 'inv-Eddie')?.name).toBe('Lea');
    expect(whoDeleted(deletions, 'c1', 'inv-Lea')?.name).toBe('Rosa');
    expect(whoDeleted(deletions.slice(2), 'c1', 'inv-Lea')?.id).toBe('inv-Lea');
    expect(whoDeleted(deletions, 'c2', 'inv-Lea')).toBeNull();
  });

  it('names who removed that evidence item last, me only if no one else did', () => {
    const removals = [
      event('evidence.removed', 'Rosa', { evidenceId: 'e1' }),
      event('evidence.removed', 'Eddie', { evidenceId: 'e2' }),
      event('evidence.removed', 'Lea', { evidenceId: 'e1' }),
    ];
    expect(whoRemoved(removals, 'c1', 'e1', 'inv-Eddie')?.name).toBe('Lea');
    expect(whoRemoved(removals, 'c1', 'e1', 'inv-Lea')?.name).toBe('Rosa');
    expect(whoRemoved(removals, 'c1', 'e2', 'inv-Eddie')?.id).toBe('inv-Eddie');
    expect(whoRemoved(removals, 'c2', 'e1', 'inv-Lea')).toBeNull();
  });
});
