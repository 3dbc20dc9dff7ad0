// A court report's lead describes the defendant and the next sentence names him with his age;
// later "The defendant" speaks. Both were speakers as written, "A former bank clerk" and "The
// defendant", beside "Mark Dunn" (the courts fixture's c01 and c12). Paragraphs written for this
// test.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

const report = (charged: string) =>
  'Bank clerk trial\n\n' +
  'A former bank clerk accused of taking £80,000 from customers told a jury on Monday that ' +
  'his manager had ordered the withdrawals.\n\n' +
  `Mark Dunn, 44, of Leeds, ${charged}. The trial is expected to last two weeks.\n\n` +
  'The prosecutor, Helen Ward, said Dunn had made 37 withdrawals in 2023.\n\n' +
  'The defendant told the jury that he had kept a record of every withdrawal.\n';

const speakerOf = (text: string, fragment: string) =>
  extractClaims(text).claims.find((c) => c.sentence.includes(fragment))?.speaker;

describe('a defendant described first', () => {
  const text = report('denies six counts of theft');

  it('is the person the next sentence names with an age', () => {
    expect(speakerOf(text, 'ordered the withdrawals')).toBe('Mark Dunn');
  });

  it('is whom "the defendant" means when one person is charged', () => {
    expect(speakerOf(text, 'kept a record')).toBe('Mark Dunn');
  });

  it('also when the charge is "pleaded not guilty to"', () => {
    expect(speakerOf(report('pleaded not guilty to six counts of theft'), 'kept a record')).toBe(
      'Mark Dunn',
    );
  });

  it('stays as written when two people are charged', () => {
    const two = text.replace(
      'The trial is expected',
      'Paul Reid, 51, his manager, is charged with conspiracy. The trial is expected',
    );
    expect(two).toContain('Paul Reid');
    expect(speakerOf(two, 'kept a record')).toBe('The defendant');
  });

  it('leaves a description the next sentence does not name with an age', () => {
    const noAge = text.replace('Mark Dunn, 44, of Leeds,', 'Mark Dunn of Leeds');
    expect(speakerOf(noAge, 'ordered the withdrawals')).toBe('A former bank clerk');
  });
});
