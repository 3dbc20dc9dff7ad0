/**
 * A page's frames and visibility for a client BoardConnection, as a browser gives them: a frame
 * asked for is drawn when the test draws one (`draw`), and never while the page is hidden;
 * `set` shows or hides the page and tells its listeners, as 'visibilitychange' does. Headless
 * Chromium cannot stand in: it keeps every page shown and drawing frames (a second tab, a
 * background tab, a minimised window, Page.setWebLifecycleState 'frozen' then 'active' all
 * left document.visibilityState 'visible' and requestAnimationFrame firing).
 */
import type { PageFrames } from '../../client/sync/BoardConnection';

export function switchableFrames(): PageFrames & {
  /** Draws a frame if the page is shown: runs what was asked for; returns how many ran. */
  draw(): number;
  /** How many frames are asked for and not yet drawn. */
  readonly pending: number;
  set(visible: boolean): void;
} {
  let visible = true;
  const frames = new Set<() => void>();
  const listeners = new Set<() => void>();
  return {
    get visible() {
      return visible;
    },
    get pending() {
      return frames.size;
    },
    requestFrame(fn) {
      const frame = () => fn();
      frames.add(frame);
      return () => frames.delete(frame);
    },
    onVisibilityChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    draw() {
      if (!visible) return 0;
      const due = [...frames];
      frames.clear();
      for (const frame of due) frame();
      return due.length;
    },
    set(shown) {
      visible = shown;
      for (const fn of [...listeners]) fn();
    },
  };
}
