import type { Page } from 'playwright-core';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { MESSAGE } from '../../../shared/protocol/messages';

/**
 * Until when `holdNext` holds a socket: until the page opens the socket after it (whose own
 * messages then wait until the first has closed), or until the server's board (its sync step 2)
 * has reached the page on the socket after it.
 */
export type HeldUntil = 'next opens' | 'next has the board';

/** What `holdNext` holds of the socket: all the server sends on it, or only its close. */
export type Held = 'messages' | 'close';

/**
 * Routes the page's board sockets (/sync) through the test, to set the order of what happens on
 * two of them. After `holdNext(until, what)`, what the server sends on the next socket the page
 * opens (its messages and its close, in their order; or its close alone, the messages passing)
 * waits as `until` says. Install before the page opens the board: Playwright replaces the page's
 * WebSocket class.
 */
export async function holdSockets(
  page: Page,
): Promise<{ holdNext: (until?: HeldUntil, what?: Held) => void }> {
  let holding: { until: HeldUntil; what: Held } | null = null;
  /** The held socket: until when, what lets it go on, and once it has closed. */
  let held: { until: HeldUntil; free: () => void; closed: Promise<void> } | null = null;
  await page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    let queue = Promise.resolve();
    /** What the socket's close waits for besides the messages before it. */
    let closing = Promise.resolve();
    let closed = () => {};
    let hasBoard = () => {};
    if (held) {
      if (held.until === 'next opens') {
        held.free();
        queue = held.closed;
      } else {
        hasBoard = held.free;
      }
      held = null;
    } else if (holding) {
      let free = () => {};
      const freed = new Promise<void>((resolve) => (free = resolve));
      if (holding.what === 'close') closing = freed;
      else queue = freed;
      held = { until: holding.until, free, closed: new Promise((resolve) => (closed = resolve)) };
      holding = null;
    }
    // The page may have closed the socket meanwhile: what was held for it goes nowhere.
    const after = (deliver: () => void | Promise<void>) => {
      queue = queue.then(deliver).catch(() => undefined);
    };
    server.onMessage((message) =>
      after(() => {
        ws.send(message);
        const board =
          typeof message !== 'string' &&
          message[0] === MESSAGE.sync &&
          message[1] === messageYjsSyncStep2;
        if (board) hasBoard();
      }),
    );
    server.onClose((code, reason) =>
      after(async () => {
        await closing;
        await ws.close({ code, reason });
        closed();
      }),
    );
    ws.onClose((code, reason) => {
      closed();
      return server.close({ code, reason });
    });
  });
  return {
    holdNext: (until = 'next opens', what = 'messages') => (holding = { until, what }),
  };
}
