import { describe, expect, it } from 'vitest';
import type { Stance } from '../../../shared/board/view';
import { describeBalance, evidenceBalance } from '../../../client/review/evidenceBalance';

const items = (...stances: string[]) => stances.map((stance) => ({ stance: stance as Stance }));

describe('evidenceBalance', () => {
  it('counts each stance and says so in words', () => {
    const balance = evidenceBalance(items('supports', 'refutes', 'supports'));
    expect(balance).toEqual({ supports: 2, refutes: 1, context: 0 });
    expect(describeBalance(balance)).toBe('2 supporting, 1 refuting');
  });

  it('includes context and leaves out stances without items', () => {
    expect(describeBalance(evidenceBalance(items('context', 'refutes')))).toBe(
      '1 refuting, 1 context',
    );
  });

  it('says "No evidence" for none, and ignores stances it does not know', () => {
    expect(describeBalance(evidenceBalance([]))).toBe('No evidence');
    expect(evidenceBalance(items('toString', '__proto__'))).toEqual({
      supports: 0,
      refutes: 0,
      context: 0,
    });
  });
});
