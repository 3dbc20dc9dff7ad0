/**
 * closeBidi closes what a line leaves open as a renderer reads it (Unicode's bidi algorithm):
 * the exports (CSV, Markdown, ClaimReview) put their own words after the user's text.
 */
import { describe, expect, it } from 'vitest';
import { closeBidi } from '../../../shared/export/closeBidi';

const RLO = '\u202e';
const LRE = '\u202a';
const PDF = '\u202c';
const RLI = '\u2067';
const PDI = '\u2069';

describe('closeBidi', () => {
  it('leaves text alone that opens nothing or closes what it opens', () => {
    for (const text of ['plain', `a ${RLO}b${PDF} c`, `a ${RLI}b${PDI} c`, `${RLI}${RLO}x${PDI}`]) {
      expect(closeBidi(text)).toBe(text);
    }
  });

  it('closes an override and an isolate left open, innermost first', () => {
    expect(closeBidi(`${RLO}evil`)).toBe(`${RLO}evil${PDF}`);
    expect(closeBidi(`${RLI}a ${RLO}b`)).toBe(`${RLI}a ${RLO}b${PDF}${PDI}`);
    expect(closeBidi(`${RLO}a ${RLI}b`)).toBe(`${RLO}a ${RLI}b${PDI}${PDF}`);
  });

  it('ignores a stray terminator before an opener instead of letting it cancel the opener', () => {
    expect(closeBidi(`stray pop ${PDF} then ${RLO}open override`)).toBe(
      `stray pop ${PDF} then ${RLO}open override${PDF}`,
    );
    expect(closeBidi(`stray ${PDI} isolate ${RLI}open isolate`)).toBe(
      `stray ${PDI} isolate ${RLI}open isolate${PDI}`,
    );
  });

  it('does not let a PDF close an override opened outside the isolate it is in', () => {
    // The PDF inside the isolate is ignored; the PDI closes the isolate; the RLO is still open.
    expect(closeBidi(`${RLO}a ${RLI}b${PDF}${PDI} c`)).toBe(`${RLO}a ${RLI}b${PDF}${PDI} c${PDF}`);
  });

  it('lets an isolate’s PDI close the embeddings opened inside it', () => {
    expect(closeBidi(`${RLI}${LRE}a${PDI} b`)).toBe(`${RLI}${LRE}a${PDI} b`);
  });

  it('works line by line, keeping each line break as it was', () => {
    expect(closeBidi(`${RLO}one\r\ntwo ${PDF}${RLI}x\nthree`)).toBe(
      `${RLO}one${PDF}\r\ntwo ${PDF}${RLI}x${PDI}\nthree`,
    );
  });
});
