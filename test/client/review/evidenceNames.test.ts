import { describe, expect, it } from 'vitest';
import type { EvidenceView } from '../../../shared/board/view';
import { evidenceNames } from '../../../client/review/evidenceNames';

const item = (id: string, url: string, quote = ''): EvidenceView => ({
  id,
  url,
  quote,
  stance: 'supports',
  note: '',
  addedBy: { id: 'u1', name: 'Lea' },
  addedAt: 1,
});

describe('evidenceNames', () => {
  it('names an item by its host and path, else by its quote’s first words', () => {
    const items = [
      item('a', 'https://example.org/src/5/'),
      item('b', 'https://example.org/'),
      item('c', 'not a link', '  The council spent $4.2 million on the bridge in 2023.'),
      item('d', 'not a link'),
    ];
    expect(items.map(evidenceNames(items))).toEqual([
      'from example.org/src/5',
      'from example.org',
      'quoting “The council spent $4.2 millio…”',
      'from an unlinked source',
    ]);
  });

  it('adds an item’s place in the list only where two would read alike', () => {
    const items = [
      item('a', 'https://example.org/e/45'),
      item('b', 'https://example.org/src/5'),
      item('c', 'https://example.org/e/45?page=2'),
    ];
    expect(items.map(evidenceNames(items))).toEqual([
      '1 of 3 from example.org/e/45',
      'from example.org/src/5',
      '3 of 3 from example.org/e/45',
    ]);
  });

  it('cuts a long path short', () => {
    const [name] = [item('a', `https://example.org/${'a'.repeat(80)}`)].map(evidenceNames([]));
    expect(name).toHaveLength('from '.length + 40);
    expect(name?.endsWith('…')).toBe(true);
  });
});
