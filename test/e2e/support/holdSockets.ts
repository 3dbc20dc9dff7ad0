import type { Page } from 'playwright-core';

/**
 * Routes the page's board sockets (/sync) through the test, to set the order of what happens on
 * two of them. After `holdNext()`, what the server sends on the next socket the page opens (its
 * messages and its close, in their order) waits until the page opens the socket after it; and
 * what the server sends on that one waits until the first has closed. Install before the page
 * opens the board: Playwright replaces the page's WebSocket class.
 */
export async function holdSockets(page: Page): Promise<{ holdNext: () => void }> {
  let holding = false;
  /** Lets the held socket's messages go, once the page opens the next. */
  let freeHeld: (() => void) | null = null;
  /** Resolves once the held socket has closed, for the one after it. */
  let heldClosed: Promise<void> = Promise.resolve();
  await page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    let queue = Promise.resolve();
    let closed = () => {};
    if (freeHeld) {
      freeHeld();
      freeHeld = null;
      queue = heldClosed;
    } else if (holding) {
      holding = false;
      queue = new Promise((resolve) => (freeHeld = resolve));
      heldClosed = new Promise((resolve) => (closed = resolve));
    }
    // The page may have closed the socket meanwhile: what was held for it goes nowhere.
    const after = (deliver: () => void | Promise<void>) => {
      queue = queue.then(deliver).catch(() => undefined);
    };
    server.onMessage((message) => after(() => ws.send(message)));
    server.onClose((code, reason) =>
      after(async () => {
        await ws.close({ code, reason });
        closed();
      }),
    );
    ws.onClose((code, reason) => {
      closed();
      return server.close({ code, reason });
    });
  });
  return { holdNext: () => (holding = true) };
}
