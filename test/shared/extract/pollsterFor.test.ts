// A poll "carried out for" an outlet "by" a pollster is the pollster's: who asked the
// questions and counted the answers, not who paid for it. "A survey carried out for the Guardian
// by Opinium found …" gave no speaker (only "conducted by X" right after the document was read),
// as did the bus-fares fixture's c08. Paragraphs written for this test.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

const article =
  'Voters and the NHS\n\n' +
  'A survey carried out for the Guardian by Opinium found that 61% of voters expected waiting ' +
  'lists to grow before the next election.\n\n' +
  'A poll of 2,000 adults conducted for the BBC by the research company Ipsos found that 44% ' +
  'had waited more than a month for a GP appointment.\n\n' +
  'A survey carried out for the Nursing Times found that 1,200 nurses planned to leave within ' +
  'a year.\n';

function card(fragment: string) {
  const found = extractClaims(article).claims.find((c) => c.sentence.includes(fragment));
  if (!found) throw new Error(`no candidate for "${fragment}"`);
  return found;
}

describe('a poll carried out for an outlet by a pollster', () => {
  it.each([
    [
      '61% of voters',
      'Opinium',
      '61% of voters expected waiting lists to grow before the next election.',
    ],
    ['44%', 'Ipsos', '44% had waited more than a month for a GP appointment.'],
  ])('"%s" is %s’s, the clause cut', (fragment, speaker, claim) => {
    const c = card(fragment);
    expect(c.speaker).toBe(speaker);
    expect(c.claim).toBe(claim);
  });

  it('types a pollster a body’s description stands before as an organisation', () => {
    expect(card('44%').entities.find((e) => e.text === 'Ipsos')?.type).toBe('organization');
  });

  it('gives the outlet no survey it did not carry out', () => {
    expect(card('1,200 nurses').speaker).not.toBe('Nursing Times');
  });
});
