/** How many animation frames a row is waited for. */
const FRAMES = 10;

/**
 * Focuses an element of a virtualised list that may not be rendered yet: a row scrolled to
 * exists only once the virtualiser has rendered it, a frame or two later. Tries at each
 * animation frame, up to FRAMES of them, and brings it into view sideways too; returns a
 * cancel function (an effect's cleanup).
 */
export function focusWhenRendered(find: () => HTMLElement | null | undefined) {
  let left = FRAMES;
  let handle = 0;
  const tryFocus = () => {
    const element = find();
    if (element) {
      if (document.activeElement !== element) element.focus({ preventScroll: true });
      // The list has put the row in view; on a narrow or zoomed screen the row's column may
      // still be off to the side, and a keyboard user must see what has focus.
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else if (left-- > 0) handle = requestAnimationFrame(tryFocus);
  };
  handle = requestAnimationFrame(tryFocus);
  return () => cancelAnimationFrame(handle);
}
