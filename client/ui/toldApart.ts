/**
 * Names for a list's items that tell them apart, as the controls acting on them need (QA24):
 * each item's own words, with its place in the list ("2 of 3 …") where two items' words read
 * the same. Read the same, not spelt the same: "Ana Ruiz" and "ana  ruiz" sound alike to a
 * screen reader, and a name matched by voice control or a test ignores case too. Returns the
 * name of an item of `items` (one not in it: its words).
 */
const heard = (words: string) => words.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

export function toldApart<T>(items: readonly T[], words: (item: T) => string): (item: T) => string {
  const count = new Map<string, number>();
  for (const item of items) {
    const key = heard(words(item));
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const names = new Map(
    items.map((item, i) => {
      const own = words(item);
      const alike = (count.get(heard(own)) ?? 0) > 1;
      return [item, alike ? `${i + 1} of ${items.length} ${own}` : own];
    }),
  );
  return (item) => names.get(item) ?? words(item);
}
