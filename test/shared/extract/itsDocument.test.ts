// "…, its accounts show.": a body's own document, whose publisher is the body "its" stands for,
// the last organisation named before it. The speaker was "its accounts" as written (the
// bus-fares fixture's c16). Paragraphs written for this test.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

function card(text: string, fragment: string) {
  const found = extractClaims(text).claims.find((c) => c.sentence.includes(fragment));
  if (!found) throw new Error(`no candidate for "${fragment}"`);
  return found;
}

const sameSentence =
  'Ferry fares rise\n\n' +
  'The operator, Harbour Ferries, said it carried 9,000 passengers a day. Harbour Ferries ' +
  'raised its fares by 8% in May, and it paid its chief executive £1.2 million last year, its ' +
  'accounts show.\n';

const sentenceBefore =
  'Rail sale\n\n' +
  'Northern Freight Ltd was sold to a Dutch group for £40 million in 2021. Its profits fell ' +
  'by 40% the next year, its annual report shows.\n';

const notADocument =
  'Rail sale\n\n' +
  'Northern Freight Ltd was sold to a Dutch group for £40 million in 2021. The sale cost ' +
  '300 jobs, its spokesman said.\n';

describe('"its accounts show"', () => {
  it('is the organisation the sentence names before it', () => {
    const c = card(sameSentence, '£1.2 million');
    expect(c.speaker).toBe('Harbour Ferries');
    expect(c.claim).not.toContain('its accounts');
  });

  it('is the organisation the sentence before names last, when this one names none', () => {
    expect(card(sentenceBefore, '40%').speaker).toBe('Northern Freight Ltd');
  });

  it('types a name a body’s description stands beside as an organisation', () => {
    const c = card(sameSentence, '9,000');
    expect(c.entities.find((e) => e.text === 'Harbour Ferries')?.type).toBe('organization');
  });

  it('leaves "its" before no document as written', () => {
    expect(card(notADocument, '300 jobs').speaker).toBe('its spokesman');
  });
});
