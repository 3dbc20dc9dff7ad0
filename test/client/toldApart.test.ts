/** Controls on items that read alike get their place in the list (QA24, and invites of one name). */
import { describe, expect, it } from 'vitest';
import { toldApart } from '../../client/ui/toldApart';

describe('toldApart', () => {
  // Items are objects in use (invites, comments): two of one name are two items.
  const name = (words: readonly string[]) => {
    const items = words.map((w) => ({ w }));
    return items.map(toldApart(items, (i) => i.w));
  };

  it('keeps words of their own bare', () => {
    expect(name(['Ana Ruiz', 'Bo Lind'])).toEqual(['Ana Ruiz', 'Bo Lind']);
  });

  it('numbers the items whose words are the same', () => {
    expect(name(['Ana Ruiz', 'Bo Lind', 'Ana Ruiz'])).toEqual([
      '1 of 3 Ana Ruiz',
      'Bo Lind',
      '3 of 3 Ana Ruiz',
    ]);
  });

  it('numbers words that differ only in case or spaces: they are heard alike', () => {
    expect(name(['Ana Ruiz', 'ana  ruiz ', 'Bo'])).toEqual([
      '1 of 3 Ana Ruiz',
      '2 of 3 ana  ruiz ',
      'Bo',
    ]);
  });
});
