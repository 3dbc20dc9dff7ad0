import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * Whether the element's content runs past its box along an axis: down ('y', a claim cut short
 * by its CSS line clamp) or sideways ('x', the board's columns on a phone). Measured again when
 * the element's size changes (a phone turned, a window resized, a side panel opened beside it)
 * and when `content` does (a colleague edited the text, the board finished loading).
 */
export function useOverflows(
  ref: RefObject<HTMLElement | null>,
  content: unknown,
  axis: 'x' | 'y',
): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) {
      setOverflows(false);
      return;
    }
    // One pixel of slack: a line clamp's rounding leaves the content a fraction taller.
    const measure = () =>
      setOverflows(
        axis === 'x'
          ? element.scrollWidth > element.clientWidth + 1
          : element.scrollHeight > element.clientHeight + 1,
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, content, axis]);
  return overflows;
}
