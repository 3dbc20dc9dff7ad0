import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * Whether the element's text is cut short by its CSS line clamp (its content runs past its
 * box). Measured again when its width changes (a phone turned, a window resized) and when
 * `text` does (a colleague edited it).
 */
export function useClamped(ref: RefObject<HTMLElement | null>, text: string): boolean {
  const [clamped, setClamped] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) {
      setClamped(false);
      return;
    }
    const measure = () => setClamped(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, text]);
  return clamped;
}
