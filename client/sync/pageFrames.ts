/**
 * The page's frames and whether it is shown, by which BoardConnection tells a colleague's
 * changes: once a frame while the page is shown, by a timer while it is hidden (a hidden page
 * draws no frames). Injected in tests as the network is (NetworkEvents).
 */
export interface PageFrames {
  /** Whether the page is shown (document.visibilityState 'visible'). */
  readonly visible: boolean;
  /** Runs `fn` before the next frame is drawn; returns what cancels it. */
  requestFrame(fn: () => void): () => void;
  /** Calls `fn` each time the page is shown or hidden; returns what stops that. */
  onVisibilityChange(fn: () => void): () => void;
}

/** The browser's document and animation frames; null where there are none (Node). */
export function browserFrames(): PageFrames | null {
  if (typeof document === 'undefined' || typeof requestAnimationFrame !== 'function') return null;
  return {
    get visible() {
      return document.visibilityState === 'visible';
    },
    requestFrame(fn) {
      const frame = requestAnimationFrame(fn);
      return () => cancelAnimationFrame(frame);
    },
    onVisibilityChange(fn) {
      document.addEventListener('visibilitychange', fn);
      return () => document.removeEventListener('visibilitychange', fn);
    },
  };
}
