// The small words findSpanishAttribution and its SentenceReader read a sentence's phrases by.
export const ARTICLES = new Set('el la los las un una este esta dicho dicha'.split(' '));
export const OF = new Set(['de', 'del', 'por']);
export const PREPOSITIONS = new Set(
  'de del a al por para con en sin sobre ante desde hacia'.split(' '),
);
export const DEMONSTRATIVES = new Set([
  ...ARTICLES,
  ...'ese esa aquel aquella dicha dicho'.split(' '),
]);
