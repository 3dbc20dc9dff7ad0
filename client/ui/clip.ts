import { graphemeStart } from './graphemes';

/**
 * `text` cut to at most `max` UTF-16 units, the cut marked with "…"; the cut moves back to
 * the start of a character it would split (an emoji, a letter with its accent).
 */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, graphemeStart(text, max - 1)).trimEnd()}…`;
}
