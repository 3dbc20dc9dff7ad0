/** Where the browser lays out the characters of an element's text, to test text direction. */
import type { Locator } from 'playwright-core';

/** Each character of the element's text, in order, with where it is laid out on screen. */
export function glyphs(
  element: Locator,
): Promise<{ char: string; left: number; right: number; top: number }[]> {
  return element.evaluate((el) => {
    const found: { char: string; left: number; right: number; top: number }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        found.push({ char: text[i] ?? '', left: rect.left, right: rect.right, top: rect.top });
      }
    }
    return found;
  });
}

/**
 * Whether the element's text, left to right on screen, reads as it is written: each character
 * right of the one before it on its line (a wrapped line starts left again).
 */
export async function readsLeftToRight(element: Locator): Promise<boolean> {
  const laidOut = (await glyphs(element)).filter((g) => g.char.trim());
  return laidOut.every((g, i) => {
    const before = laidOut[i - 1];
    return !before || Math.abs(g.top - before.top) > 1 || g.left >= before.left;
  });
}
