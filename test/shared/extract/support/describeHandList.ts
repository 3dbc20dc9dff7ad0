/**
 * Measures extraction on a fixture article against its hand-made list (test/fixtures/articles/
 * <name>.txt and <name>.claims.json, offsets into the .txt file), as the seed article is
 * (seedAcceptance.test.ts): recall of checkable sentences with exact offsets, precision
 * (candidates on checkable sentences), no candidate from furniture, and speakers. The floors
 * are the figures measured when the article was written; misses are logged. One helper for
 * every such fixture, so that each test file says only what its article is and its floors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../shared/extract/extractClaims';

/** A sentence of a hand-made list (<name>.claims.json), offsets into the fixture's text. */
export interface HandClaim {
  id: string;
  start: number;
  end: number;
  sentence: string;
  speaker: string | null;
  checkable: boolean;
}

export interface HandListFloors {
  /** The fixture's file name without extension. */
  readonly fixture: string;
  /** The log lines' tag ("court"). */
  readonly tag: string;
  /** Candidates on checkable sentences ÷ all candidates, at least. */
  readonly precision: number;
  /** Sentences given the hand list's speaker (or none where it gives none), at least. */
  readonly speakers: number;
  /** Whose speakers are counted: the checkable sentences, or every listed sentence. */
  readonly speakersOf: 'checkable' | 'listed';
}

const dir = new URL('../../../fixtures/articles/', import.meta.url);
const key = (c: { start: number; end: number }) => `${c.start}-${c.end}`;

export function describeHandList(title: string, floors: HandListFloors): void {
  const { fixture, tag } = floors;
  const text = readFileSync(new URL(`${fixture}.txt`, dir), 'utf8');
  const hand: HandClaim[] = JSON.parse(
    readFileSync(new URL(`${fixture}.claims.json`, dir), 'utf8'),
  );

  describe(title, () => {
    const { claims } = extractClaims(text);
    const byRange = new Map(claims.map((c) => [key(c), c]));
    const checkable = hand.filter((c) => c.checkable);
    const counted = floors.speakersOf === 'checkable' ? checkable : hand;

    it('indexes the stored text with the hand list’s offsets', () => {
      for (const c of hand) expect(text.slice(c.start, c.end)).toBe(c.sentence);
    });

    it('finds the checkable sentences and proposes none from furniture', () => {
      const found = checkable.filter((c) => byRange.has(key(c)));
      const onCheckable = claims.filter((c) => checkable.some((h) => key(h) === key(c)));
      const outside = claims.filter((c) => !hand.some((h) => c.start >= h.start && c.end <= h.end));
      console.log(
        `[${tag}] recall ${found.length}/${checkable.length}; precision ${onCheckable.length}/${claims.length}`,
      );
      expect(found.length).toBe(checkable.length);
      expect(onCheckable.length / claims.length).toBeGreaterThanOrEqual(floors.precision);
      expect(outside).toEqual([]);
    });

    it(`gives the hand list’s speaker, or none, to at least ${floors.speakers} of the ${counted.length} ${floors.speakersOf} sentences`, () => {
      const core = (s: string) => s.toLowerCase().replace(/^(the|a|an) /, '');
      const right = counted.filter((c) => {
        const got = byRange.get(key(c))?.speaker ?? null;
        return c.speaker === null
          ? got === null
          : got !== null && core(got).includes(core(c.speaker));
      });
      for (const c of counted.filter((x) => !right.includes(x))) {
        console.log(
          `[${tag}]   ${c.id}: expected ${c.speaker}, got ${byRange.get(key(c))?.speaker}`,
        );
      }
      console.log(`[${tag}] speakers ${right.length}/${counted.length}`);
      expect(right.length).toBeGreaterThanOrEqual(floors.speakers);
    });
  });
}
