import { clip } from '../ui/clip';
import { graphemeEnd, graphemeStart } from '../ui/graphemes';

/** Shared words an excerpt shows before the place where the two texts differ. */
const LEAD = 40;
/** Characters after the change a cut from the start must show, or the excerpt moves to it. */
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
 * The change is whole in both unless it is longer than an excerpt, which then begins with it,
 * so two texts that differ never read the same. Texts that differ early, or that fit, are cut
 * as before. No cut splits a character.
 */
export function changeExcerpts(was: string, now: string, max: number): [string, string] {
  const cut = (): [string, string] => [clip(was, max), clip(now, max)];
  const longer = Math.max(was.length, now.length);
  if (longer <= max || was === now) return cut();
  // The change: from the character that holds the first unit the texts differ in, to the end
  // of the one that holds each side's last (the units after it both end with).
  let same = 0;
  while (was[same] === now[same]) same += 1; // the texts differ, so this stops
  let kept = 0;
  const room = Math.min(was.length, now.length) - same;
  while (kept < room && was.at(-1 - kept) === now.at(-1 - kept)) kept += 1;
  const changed = Math.min(graphemeStart(was, same), graphemeStart(now, same));
  const changeEnd = (text: string) => graphemeEnd(text, text.length - kept);
  const lastEnd = Math.max(changeEnd(was), changeEnd(now));
  if (lastEnd + TAIL < max) return cut();
  // Both sides start at one place in the words they share: as far back as the longer side's
  // end allows, so a change near the end shows more of what led to it, yet late enough that
  // the change ends before a closing "…"; at the change if it is longer than that.
  let start = Math.min(
    Math.max(Math.min(same - LEAD, longer - (max - 1)), lastEnd - (max - 2)),
    changed,
  );
  if (start <= 0) return cut();
  const space = was.slice(start, Math.min(start + WORD, changed)).search(/\s/);
  if (space >= 0) start += space + 1;
  while (start < changed && /\s/.test(was[start]!)) start += 1;
  // On to the next character rather than back to this one's start, which would leave the
  // longer side too long to end whole.
  start = graphemeEnd(was, start);
  const excerpt = (text: string) => {
    if (text.length - start < max) return `…${text.slice(start)}`;
    const end = graphemeStart(text, start + max - 2);
    // Spaces before the closing "…" go, but not those of the change.
    const shown = start + text.slice(start, end).trimEnd().length;
    return `…${text.slice(start, Math.max(shown, Math.min(changeEnd(text), end)))}…`;
  };
  return [excerpt(was), excerpt(now)];
}
