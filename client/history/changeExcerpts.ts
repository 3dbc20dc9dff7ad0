import { clip } from '../ui/clip';
import { graphemeStart } from '../ui/graphemeStart';

/** Shared words an excerpt shows before the place where the two texts differ. */
const LEAD = 40;
/** Characters from that place a cut from the start must show, or the excerpt moves there. */
const TAIL = 20;
/** How far the excerpt's start may move on to begin at a word. */
const WORD = 15;

/**
 * A long text before and after an edit, as a sentence quotes both ("changed the claim text from
 * “…” to “…”"), each cut to at most `max` UTF-16 units. Cut from the start as `clip` cuts,
 * two texts that differ only past the cut ("500 visits" → "50 visits" at character 180) would
 * read the same, so when they differ late each side is an excerpt around where they do: some
 * of the words they share before it, then the change and what follows, "…" where a side is
 * cut ("…in the jail received 500 visits from…" → "…in the jail received 50 visits from…").
 * Texts that differ early, or that fit, are cut as before. No cut splits a character.
 */
export function changeExcerpts(was: string, now: string, max: number): [string, string] {
  const cut = (): [string, string] => [clip(was, max), clip(now, max)];
  let same = 0;
  while (same < was.length && same < now.length && was[same] === now[same]) same += 1;
  const longer = Math.max(was.length, now.length);
  if (longer <= max || same + TAIL < max || was === now) return cut();
  // Both sides start at one place in the words they share; as far back as the longer side's
  // end allows, so a change near the end shows more of what led to it.
  let start = Math.min(same - LEAD, longer - (max - 1));
  if (start <= 0) return cut();
  const space = was.slice(start, start + WORD).search(/\s/);
  if (space >= 0) start += space + 1;
  start = graphemeStart(was, start);
  const excerpt = (text: string) => `…${clip(text.slice(start).trimStart(), max - 1)}`;
  return [excerpt(was), excerpt(now)];
}
