import { type RefObject, useEffect, useRef } from 'react';

/**
 * Says each item of a list of notices once, as it is first shown: items shown together are
 * said together. The list itself is no live region: one would be read out whole again, the
 * items already said with it, each time an item came or went.
 *
 * `keys` name the list's `li` children, in their order, one each; an item is said by the text
 * of its element marked `data-sentence`, read from the page, so that what is heard is what is
 * shown (its buttons and fields are not said). Those `toldElsewhere` holds for are taken as
 * said without a word: something else on screen says them in its own words. A key that leaves
 * the list and comes back is said again: it is news again.
 */
export function useSayNewItems<K extends string | number>(
  list: RefObject<HTMLElement | null>,
  keys: readonly K[],
  announce: (text: string) => void,
  toldElsewhere: (key: K) => boolean = () => false,
): void {
  const said = useRef<ReadonlySet<K>>(new Set());
  // After every render of the list's owner: what it shows is what it was given.
  useEffect(() => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
    const fresh = items.filter((_, i) => {
      const key = keys[i];
      return key !== undefined && !said.current.has(key) && !toldElsewhere(key);
    });
    said.current = new Set(keys);
    const text = fresh.map((li) => li.querySelector('[data-sentence]')?.textContent?.trim() ?? '');
    if (fresh.length > 0) announce(text.join(' '));
  });
}
