/**
 * Focuses an element of a virtualised list that may not be rendered yet: a row scrolled to
 * exists only once the virtualiser has rendered it, a frame or two later. Tries at each
 * animation frame, up to `frames` of them; returns a cancel function (an effect's cleanup).
 */
export function focusWhenRendered(find: () => HTMLElement | null | undefined, frames = 10) {
  let left = frames;
  let handle = 0;
  const tryFocus = () => {
    const element = find();
    if (element) {
      if (document.activeElement !== element) element.focus({ preventScroll: true });
    } else if (left-- > 0) handle = requestAnimationFrame(tryFocus);
  };
  handle = requestAnimationFrame(tryFocus);
  return () => cancelAnimationFrame(handle);
}
