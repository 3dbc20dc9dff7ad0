// The word lists of a language's gender cues (`GenderWords`), written as they read best: one
// string of words across lines, split on white space.
import type { Gender } from './PersonGenders';

/** The words of a list written across lines. */
export const wordList = (list: string): string[] => list.trim().split(/\s+/);

/** Each word of the two lists with its gender. */
export const genderedWords = (female: string, male: string): Map<string, Gender> =>
  new Map<string, Gender>([
    ...wordList(female).map((w) => [w, 'female'] as const),
    ...wordList(male).map((w) => [w, 'male'] as const),
  ]);
