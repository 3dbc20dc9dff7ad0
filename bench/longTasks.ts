/**
 * Page-side, for the browser benches: collects the durations of the page's long tasks (over
 * 50 ms) from now on into `window.__longTasks`, which `takeLongTasks` reads and empties. A plain
 * string: the TypeScript loader would wrap a function in a helper the page does not have.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

export const WATCH_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
})()`;

/** The long tasks recorded since WATCH_LONG_TASKS or the last call, in ms; starts afresh. */
export const takeLongTasks = (page: Page) =>
  page.evaluate(() => {
    const tasks = window.__longTasks ?? [];
    window.__longTasks = [];
    return tasks;
  });
