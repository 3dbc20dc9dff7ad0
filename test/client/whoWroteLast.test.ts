/** Naming the colleague whose write was kept, from the card's history (client/board/whoWroteLast). */
import { describe, expect, it } from 'vitest';
import { whoDeleted, whoWroteLast } from '../../client/board/whoWroteLast';
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
  it('names the latest colleague to change that field of that card, never me', () => {
    const ref = (field: string, evidenceId: string | null = null) =>
      ({ cardId: 'c1', evidenceId, field }) as Parameters<typeof whoWroteLast>[1];
    // Lea is me: her own later edit of the rationale is not the colleague's.
    expect(whoWroteLast(events, ref('rationale'), 'inv-Lea')).toBe('Eddie');
    expect(whoWroteLast(events, ref('speaker'), 'inv-Lea')).toBe('Rosa');
    expect(whoWroteLast(events, ref('rationale'), 'inv-Rosa')).toBe('Lea');
    expect(whoWroteLast(events, ref('pos'), 'inv-Lea')).toBe('Rosa');
    expect(whoWroteLast(events, ref('verdict'), 'inv-Lea')).toBe('Eddie');
    expect(whoWroteLast(events, ref('note', 'e1'), 'inv-Lea')).toBe('Rosa');
    expect(whoWroteLast(events, ref('url', 'e1'), 'inv-Lea')).toBeNull();
    expect(whoWroteLast(events, ref('claim'), 'inv-Lea')).toBeNull();
  });

  it('names who deleted the card last, never me', () => {
    const deletions = [
      event('card.deleted', 'Rosa', {}),
      event('card.restored', 'Eddie', {}),
      event('card.deleted', 'Lea', {}),
    ];
    expect(whoDeleted(deletions, 'c1', 'inv-Eddie')).toBe('Lea');
    expect(whoDeleted(deletions, 'c1', 'inv-Lea')).toBe('Rosa');
    expect(whoDeleted(deletions, 'c2', 'inv-Lea')).toBeNull();
  });
});
