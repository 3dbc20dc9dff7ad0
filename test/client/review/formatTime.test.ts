/** formatTime's words, now from formatters made once, are those toLocaleString gave. */
import { describe, expect, it } from 'vitest';
import { formatExactTime, formatTime } from '../../../client/review/formatTime';

describe('formatTime', () => {
  it('reads like toLocaleString with its options: the year only when it is not this one', () => {
    const now = Date.UTC(2026, 11, 3, 12, 0);
    for (const ms of [Date.UTC(2026, 2, 12, 14, 5), Date.UTC(2025, 10, 30, 23, 59), now]) {
      const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
      expect(formatTime(ms, now)).toBe(
        new Date(ms).toLocaleString(undefined, {
          day: 'numeric',
          month: 'short',
          ...(sameYear ? {} : { year: 'numeric' }),
          hour: '2-digit',
          minute: '2-digit',
        }),
      );
    }
    expect(formatTime(Date.UTC(2025, 10, 30), now)).toMatch(/2025/);
    expect(formatTime(0, now)).toBe('unknown time');
  });

  it('gives the exact time to the second, with the year, for a history entry’s tooltip', () => {
    const ms = Date.UTC(2026, 11, 3, 12, 39, 7);
    const text = formatExactTime(ms);
    expect(text).toBe(
      new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
    );
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/:07/);
    expect(formatExactTime(Number.NaN)).toBe('unknown time');
  });
});
