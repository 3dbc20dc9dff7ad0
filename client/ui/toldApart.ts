/**
 * Names for a list's items that tell them apart, as the controls acting on them need (QA24):
 * each item's own words, with its place in the list ("2 of 3 …") where two items' words are
 * the same. Returns the name of an item of `items` (one not in it: its words).
 */
export function toldApart<T>(items: readonly T[], words: (item: T) => string): (item: T) => string {
  const all = items.map(words);
  const names = new Map(
    items.map((item, i) => {
      const own = words(item);
      const alike = all.filter((other) => other === own).length > 1;
      return [item, alike ? `${i + 1} of ${items.length} ${own}` : own];
    }),
  );
  return (item) => names.get(item) ?? words(item);
}
