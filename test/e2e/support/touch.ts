/** A finger on a touch screen, through the DevTools protocol (what a phone's screen sends). */
import type { CDPSession } from 'playwright-core';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One touch event: a finger put down or moved at `at`, or lifted (no point). */
export async function touch(
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  at?: Point,
): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [at] : [] });
}

/** A finger put down at `from`, moved by `by` in ten steps, and lifted: a swipe. */
export async function swipe(cdp: CDPSession, from: Point, by: Point): Promise<void> {
  await touch(cdp, 'touchStart', from);
  for (let step = 1; step <= 10; step++) {
    await touch(cdp, 'touchMove', {
      x: Math.round(from.x + (by.x * step) / 10),
      y: Math.round(from.y + (by.y * step) / 10),
    });
  }
  await touch(cdp, 'touchEnd');
}
