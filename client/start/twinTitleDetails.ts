/**
 * What tells apart boards of the same title in "Your boards" (an imported copy beside its
 * original, two boards both called "Budget"): when this browser added each, to the minute, or
 * to the second where the minute is the same too. Boards whose title no other listed board
 * has get nothing: their title is enough.
 */
import { formatExactTime, formatTime } from '../review/formatTime';

/** The title a board is listed under, as people read it: case and outer spaces aside. */
const titleKey = (title: string) => (title.trim() || 'Untitled board').toLocaleLowerCase();

export function twinTitleDetails(
  boards: readonly { readonly id: string; readonly title: string; readonly openedAt: number }[],
  now = Date.now(),
): ReadonlyMap<string, string> {
  const byTitle = new Map<string, (typeof boards)[number][]>();
  for (const b of boards) {
    const key = titleKey(b.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), b]);
  }
  const details = new Map<string, string>();
  for (const twins of byTitle.values()) {
    if (twins.length < 2) continue;
    const minutes = twins.map((b) => formatTime(b.openedAt, now));
    const exact = new Set(minutes).size < minutes.length;
    twins.forEach((b, i) => {
      details.set(b.id, `added ${exact ? formatExactTime(b.openedAt) : minutes[i]}`);
    });
  }
  return details;
}
