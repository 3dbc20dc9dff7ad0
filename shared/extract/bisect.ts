/**
 * The first index below `count` at which `reached` holds, or `count` when it holds nowhere, for
 * a `reached` that stays true once true (a sentence's words by offset). By bisection: a
 * sentence may hold thousands of words and names, and a search from its start for each name
 * was quadratic in its length.
 */
export function bisect(count: number, reached: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
