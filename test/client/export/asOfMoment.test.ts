import { describe, expect, it } from 'vitest';
import {
  asOfParam,
  fromLocalInputValue,
  toLocalInputValue,
} from '../../../client/export/asOfMoment';

const NOW = Date.parse('2025-03-01T12:30:45.500Z');

describe('export as of', () => {
  it('writes and reads the datetime-local value in local time, to the second', () => {
    const value = toLocalInputValue(NOW);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(fromLocalInputValue(value)).toBe(NOW - 500);
    expect(fromLocalInputValue('2025-03-01T10:00')).toBe(new Date(2025, 2, 1, 10, 0).getTime());
  });

  it('sends no moment while the input is untouched or says now', () => {
    expect(asOfParam('garbage', false, NOW)).toEqual({ ok: true, at: null });
    expect(asOfParam(toLocalInputValue(NOW), true, NOW)).toEqual({ ok: true, at: null });
  });

  it('sends an earlier moment as an ISO time', () => {
    const earlier = NOW - 60_000;
    expect(asOfParam(toLocalInputValue(earlier), true, NOW)).toEqual({
      ok: true,
      at: new Date(earlier - 500).toISOString(),
    });
  });

  it('refuses an incomplete or future moment', () => {
    expect(asOfParam('', true, NOW)).toEqual({
      ok: false,
      error: 'Enter a complete date and time.',
    });
    expect(asOfParam('2025-03-01', true, NOW).ok).toBe(false);
    expect(asOfParam(toLocalInputValue(NOW + 60_000), true, NOW)).toEqual({
      ok: false,
      error: 'The moment is in the future.',
    });
  });
});
