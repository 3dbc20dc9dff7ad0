/**
 * shared/wellFormed: text made well-formed as Yjs sends it (each lone surrogate a U+FFFD),
 * clipped without splitting a surrogate pair, and JSON parsed with every string and key
 * well-formed (a board import's file).
 */
import { describe, expect, it } from 'vitest';
import { clipText, isWellFormed, parseWellFormedJson, toWellFormed } from '../../shared/wellFormed';

const EMOJI = '\u{1F600}';

describe('well-formed text', () => {
  it('tells a lone surrogate from a pair, and replaces it as UTF-8 would', () => {
    expect(isWellFormed(`a${EMOJI}b`)).toBe(true);
    expect(isWellFormed('a\uD800b')).toBe(false);
    expect(isWellFormed('a\uDC00')).toBe(false);
    expect(toWellFormed(`\uDC00${EMOJI}\uD83D`)).toBe(`\uFFFD${EMOJI}\uFFFD`);
    // What Yjs sends: the text as UTF-8, decoded.
    const viaUtf8 = new TextDecoder().decode(new TextEncoder().encode(`x\uD800${EMOJI}`));
    expect(toWellFormed(`x\uD800${EMOJI}`)).toBe(viaUtf8);
  });

  it('clips before a pair the limit would split, and at the limit otherwise', () => {
    expect(clipText(`ab${EMOJI}`, 3)).toBe('ab');
    expect(clipText(`ab${EMOJI}`, 4)).toBe(`ab${EMOJI}`);
    expect(clipText(`a${EMOJI}b`, 3)).toBe(`a${EMOJI}`);
    expect(clipText('abcd', 2)).toBe('ab');
  });

  it('parses JSON with its escaped lone surrogates, in strings and keys, as U+FFFD', () => {
    const json = '{"a\\udc00":["x\\ud800",{"b":"\\ud83d\\ude00"}],"n":1}';
    expect(parseWellFormedJson(json)).toEqual({ 'a\uFFFD': ['x\uFFFD', { b: EMOJI }], n: 1 });
    expect(parseWellFormedJson('{"t":"plain"}')).toEqual({ t: 'plain' });
  });
});
