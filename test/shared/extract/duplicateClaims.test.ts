// A claim the article states twice is one card. News copy repeats a claim under another
// attribution ("…, the ministry said." and later "…, according to Cristosal.") or quotes the
// same words from two people; a card for each would be checked twice, and the second would
// carry another speaker for the same claim. The claim, the sentence without its reporting
// clause, is what is compared; the first statement's card is kept, with its speaker.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

const MOVED =
  'The Ministry of Justice and Public Security moved 2,000 inmates to the new prison in March';

describe('a claim stated twice', () => {
  it('is one card, with the speaker and offsets of its first statement', () => {
    const first = `${MOVED}, the ministry said.`;
    const text =
      'The Ministry of Justice and Public Security said 153 inmates died in custody in 2022.\n\n' +
      `${first}\n\n` +
      'Human rights groups said 40 inmates were released in 2023.\n\n' +
      `${MOVED}, according to Cristosal.`;
    const { claims } = extractClaims(text);
    const moved = claims.filter((c) => c.claim.startsWith(MOVED));
    expect(moved).toHaveLength(1);
    expect(moved[0]!.speaker).toBe('Ministry of Justice and Public Security');
    expect(moved[0]!.start).toBe(text.indexOf(first));
    expect(claims.map((c) => c.speaker)).not.toContain('Cristosal');
    expect(claims.map((c) => c.rank)).toEqual([1, 2, 3]);
  });

  it('is one card when the same quotation is given to two speakers', () => {
    const text =
      '"We have closed 14 prisons this year," said Gustavo Villatoro, the security minister.\n\n' +
      'Cristosal said 153 inmates died in custody in 2022.\n\n' +
      '"We have closed 14 prisons this year," Bukele wrote on Twitter.';
    const { claims } = extractClaims(text);
    const closed = claims.filter((c) => c.claim.includes('closed 14 prisons'));
    expect(closed.map((c) => [c.start, c.speaker])).toEqual([[0, 'Gustavo Villatoro']]);
  });

  it('takes the speaker from the repeat when the first statement names nobody', () => {
    const text =
      'Exports fell 4% in March to $2.1 billion.\n\n' +
      'Imports rose 7% in March to $3.4 billion, the central bank said.\n\n' +
      'Exports fell 4% in March to $2.1 billion, Finance Minister Ana Ruiz said.';
    const { claims } = extractClaims(text);
    const exports = claims.filter((c) => c.claim.startsWith('Exports fell'));
    expect(exports.map((c) => [c.start, c.speaker])).toEqual([[0, 'Ana Ruiz']]);
  });

  it('is one card in Spanish, with «» quotations and two speakers', () => {
    const text =
      '«Cerramos 14 penales este año», dijo el ministro Gustavo Villatoro.\n\n' +
      'La organización Cristosal afirmó que 153 reos murieron bajo custodia en 2022.\n\n' +
      '«Cerramos 14 penales este año», afirmó el presidente Nayib Bukele.';
    const { claims } = extractClaims(text);
    const closed = claims.filter((c) => c.claim.includes('Cerramos 14 penales'));
    expect(closed.map((c) => [c.start, c.speaker])).toEqual([[0, 'Gustavo Villatoro']]);
  });

  it('keeps claims that differ in more than their attribution', () => {
    const text =
      'Exports fell 4% in March, the ministry said.\n\n' +
      'Exports fell 5% in March, according to Cristosal.';
    expect(extractClaims(text).claims.map((c) => c.speaker)).toHaveLength(2);
  });
});
