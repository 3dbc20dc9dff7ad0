// A run of a sentence's words by index, and the token tests every step of English
// attribution makes; the indexes are into the sentence's words without whitespace (wordsOf).
// In a file of their own so that every step imports the same ones rather than a copy.
import type { Token } from '../analyzeText';

export type Span = { first: number; last: number };

export const low = (t: Token | undefined) => t?.value.toLowerCase() ?? '';
export const isPunct = (t: Token | undefined) => t?.pos === 'PUNCT';
export const isDash = (t: Token | undefined) => /^[—–-]{1,2}$/.test(t?.value ?? '');
