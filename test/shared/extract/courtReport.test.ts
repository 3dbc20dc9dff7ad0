// A courts report with testimony (test/fixtures/articles/court-fraud-trial.txt, written for
// this test) against its hand-made list of sentences, speakers and checkability
// (court-fraud-trial.claims.json, offsets into the .txt file), measured as the seed article
// is (seedAcceptance.test.ts): recall of checkable sentences with exact offsets, precision
// (candidates on checkable sentences), no candidate from furniture, and speakers. The floors
// are the figures measured when the article was written; the misses are logged, and listed
// at the end as known.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/extract/extractClaims';

interface HandClaim {
  id: string;
  start: number;
  end: number;
  sentence: string;
  speaker: string | null;
  checkable: boolean;
}

const dir = new URL('../../fixtures/articles/', import.meta.url);
const text = readFileSync(new URL('court-fraud-trial.txt', dir), 'utf8');
const hand: HandClaim[] = JSON.parse(
  readFileSync(new URL('court-fraud-trial.claims.json', dir), 'utf8'),
);
const key = (c: { start: number; end: number }) => `${c.start}-${c.end}`;

describe('a courts report with testimony', () => {
  const { claims } = extractClaims(text);
  const byRange = new Map(claims.map((c) => [key(c), c]));
  const checkable = hand.filter((c) => c.checkable);

  it('indexes the stored text with the hand list’s offsets', () => {
    for (const c of hand) expect(text.slice(c.start, c.end)).toBe(c.sentence);
  });

  it('finds the checkable sentences and proposes none from furniture', () => {
    const found = checkable.filter((c) => byRange.has(key(c)));
    const onCheckable = claims.filter((c) => checkable.some((h) => key(h) === key(c)));
    const outside = claims.filter((c) => !hand.some((h) => c.start >= h.start && c.end <= h.end));
    console.log(
      `[court] recall ${found.length}/${checkable.length}; precision ${onCheckable.length}/${claims.length}`,
    );
    expect(found.length).toBe(checkable.length);
    expect(onCheckable.length / claims.length).toBeGreaterThanOrEqual(0.85);
    expect(outside).toEqual([]);
  });

  it('gives the hand list’s speaker, or none, to at least 21 of the 23 checkable sentences', () => {
    const core = (s: string) => s.toLowerCase().replace(/^(the|a|an) /, '');
    const right = checkable.filter((c) => {
      const got = byRange.get(key(c))?.speaker ?? null;
      return c.speaker === null
        ? got === null
        : got !== null && core(got).includes(core(c.speaker));
    });
    for (const c of checkable.filter((x) => !right.includes(x))) {
      console.log(`[court]   ${c.id}: expected ${c.speaker}, got ${byRange.get(key(c))?.speaker}`);
    }
    console.log(`[court] speakers ${right.length}/${checkable.length}`);
    expect(right.length).toBeGreaterThanOrEqual(21);
  });

  // Known wrong: "A former charity treasurer accused of … told a jury … that" (c01) gives the
  // description, "A former charity treasurer", not Graham Pellow, whom the next sentence names
  // (a description is not joined to a later name); "The defendant took the stand.
  // He told the jury …" gives "The defendant", not Graham Pellow, whom the article never calls
  // so.
});
