import { describe, expect, it } from 'vitest';
import { fullStop } from '../../client/ui/fullStop';

describe('fullStop', () => {
  it('ends a sentence with a full stop', () => {
    expect(fullStop('Comment deleted')).toBe('Comment deleted.');
    expect(fullStop('Bo deleted Rents doubled ')).toBe('Bo deleted Rents doubled.');
  });

  it('adds none after an ellipsis, a full stop, a question or an exclamation mark', () => {
    expect(fullStop('Card deleted: Since October, some 500 employees have…')).toBe(
      'Card deleted: Since October, some 500 employees have…',
    );
    expect(fullStop('Bo deleted Rents doubled.')).toBe('Bo deleted Rents doubled.');
    expect(fullStop('Bo deleted Did rents double?')).toBe('Bo deleted Did rents double?');
    expect(fullStop('Bo deleted Rents doubled!')).toBe('Bo deleted Rents doubled!');
  });

  it('adds none after a quotation that ends its own sentence', () => {
    expect(fullStop('Lea commented: “Figure matches.”')).toBe('Lea commented: “Figure matches.”');
    expect(fullStop('Cy commented: “Why disputed?”')).toBe('Cy commented: “Why disputed?”');
    expect(fullStop('Bo replied: “Table 3”')).toBe('Bo replied: “Table 3”.');
  });
});
