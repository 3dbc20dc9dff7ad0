import type { Page, Route } from 'playwright-core';

/**
 * Holds the page's requests to `url` (a Playwright route pattern) until the returned `release`
 * is called, to see the page while the server has not answered (a slow newsroom network).
 * `release` lets every held request go on to the server, waits until each has, and stops
 * holding: a request still held when the route went would fail the run ("Route is already
 * handled").
 */
export async function holdRequests(page: Page, url: string): Promise<() => Promise<void>> {
  let answer = () => {};
  const held = new Promise<void>((resolve) => (answer = resolve));
  const going = new Set<Promise<void>>();
  const handler = (route: Route) => {
    const sent = held.then(() => route.continue());
    going.add(sent);
    return sent;
  };
  await page.route(url, handler);
  return async () => {
    answer();
    await Promise.all(going);
    await page.unroute(url, handler);
  };
}
