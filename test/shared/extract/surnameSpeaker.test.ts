// A speaker named in full and later by surname alone is one speaker. "Sarah Price said …" then
// "Price added that …" gave two, "Sarah Price" and "Price", in the speaker filter and the
// exports, when the article also wrote the surname as a common word ("the price of chemicals"):
// such a word was never taken for a surname. A surname that speaks alone ("Price added",
// "said Price") is one; a common word does not speak. Paragraphs written for this test.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

const article =
  'Water bills to rise\n\n' +
  'Households in the region will pay an average of £48 more for water from April, the ' +
  'regulator said on Tuesday.\n\n' +
  'Sarah Price said the rise would fund 300 miles of new sewer pipes. Price added that bills ' +
  'had been frozen for four years and the price of chemicals had doubled since 2021.\n\n' +
  '"We have cut 140 jobs to keep bills down," said Price.\n';

const agency =
  'Newsroom cuts\n\n' +
  'Thomson Reuters cut 300 jobs in its news division last year. Reuters said on Monday that ' +
  'it would hire 40 reporters in Asia in 2025.\n';

describe('a surname that is also a common word', () => {
  const { claims } = extractClaims(article);
  const card = (fragment: string) => claims.find((c) => c.sentence.includes(fragment));

  it.each([['300 miles'], ['frozen for four years'], ['140 jobs']])(
    '"%s" is Sarah Price’s',
    (fragment) => {
      expect(card(fragment)?.speaker).toBe('Sarah Price');
    },
  );

  it('types the surname alone as the person’s', () => {
    const chip = card('frozen for four years')?.entities.find((e) => e.text === 'Price');
    expect(chip?.type).toBe('person');
  });

  it('takes no agency’s name for a surname', () => {
    const card = extractClaims(agency).claims.find((c) => c.sentence.includes('40 reporters'));
    expect(card?.speaker).toBe('Reuters');
    expect(card?.entities.find((e) => e.text === 'Reuters')?.type).toBe('organization');
  });
});
