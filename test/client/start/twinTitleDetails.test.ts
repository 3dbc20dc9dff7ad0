import { describe, expect, it } from 'vitest';
import { formatExactTime, formatTime } from '../../../client/review/formatTime';
import { twinTitleDetails } from '../../../client/start/twinTitleDetails';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-12-06T12:00:00Z');

describe('twinTitleDetails', () => {
  it('tells apart boards of one title by when they were added, and leaves the others alone', () => {
    const original = { id: 'a', title: 'Prison watch', openedAt: at('2026-12-01T09:15:00Z') };
    const copy = { id: 'b', title: ' prison WATCH ', openedAt: at('2026-12-06T10:40:00Z') };
    const other = { id: 'c', title: 'Budget', openedAt: at('2026-12-05T08:00:00Z') };
    const details = twinTitleDetails([copy, other, original], NOW);
    expect(details.get('a')).toBe(`added ${formatTime(original.openedAt, NOW)}`);
    expect(details.get('b')).toBe(`added ${formatTime(copy.openedAt, NOW)}`);
    expect(details.has('c')).toBe(false);
    expect(details.get('a')).not.toBe(details.get('b'));
  });

  it('gives the second when the minute is the same, and counts untitled boards as one title', () => {
    const first = { id: 'a', title: '', openedAt: at('2026-12-06T10:40:05Z') };
    const second = { id: 'b', title: 'Untitled board', openedAt: at('2026-12-06T10:40:41Z') };
    const details = twinTitleDetails([first, second], NOW);
    expect(details.get('a')).toBe(`added ${formatExactTime(first.openedAt)}`);
    expect(details.get('b')).toBe(`added ${formatExactTime(second.openedAt)}`);
    expect(details.get('a')).not.toBe(details.get('b'));
  });
});
