/** formatTime's words, now from formatters made once, are those toLocaleString gave. */
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDay,
  formatExactTime,
  formatTime,
} from '../../../client/review/formatTime';

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

  it('gives a clause its time: the hour alone today, with the day another day', () => {
    const now = new Date(2026, 11, 6, 15, 0).getTime();
    const at = new Date(2026, 11, 6, 14, 2).getTime();
    const hour = new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(formatClock(at, now)).toBe(hour);
    const before = new Date(2026, 11, 5, 14, 2).getTime();
    expect(formatClock(before, now)).toBe(`${hour} on ${formatDay(before)}`);
    expect(formatClock(0, now)).toBe('an unknown time');
  });
});
