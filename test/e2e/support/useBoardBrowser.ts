/**
 * The real server (port 0, SQLite in a temp dir) and headless Chromium of a block of browser
 * tests: a beforeAll starts both, an afterAll stops both. Call it in the block's body, inside
 * `describe.skipIf(!chromiumAvailable())`, which skips the block loudly without Chromium (and
 * fails it in CI), so that neither is started then. The hooks run in vitest's order: this
 * beforeAll before those registered after it, this afterAll after theirs, so a block's own
 * setup meets a started server and its own teardown a running one.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../../server/config';
import { type BrowserSession, launchBrowser } from '../../helpers/browser';
import { type BoardServer, startBoardServer } from './boardServer';
import { workerBrowser } from './workerBrowser';

export interface BoardBrowser {
  readonly server: BoardServer;
  readonly browser: BrowserSession;
}

/**
 * `overrides` are the server's config; a function gives them when the server starts, for a
 * value a beforeAll registered before this one makes (e.g. a data dir prepared beforehand).
 * `browserOptions` are the browser's (launchBrowser): a browser blocking site data is the
 * block's own; otherwise the block opens its contexts in its worker's browser (workerBrowser)
 * and closes them after it.
 */
export function useBoardBrowser(
  overrides: Partial<Config> | (() => Partial<Config>) = {},
  browserOptions: Parameters<typeof launchBrowser>[0] = {},
): BoardBrowser {
  let server: BoardServer | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    // Each kept as soon as it is up, so that the afterAll stops it if the other failed.
    await Promise.all([
      startBoardServer(typeof overrides === 'function' ? overrides() : overrides).then(
        (started) => (server = started),
      ),
      (browserOptions.siteDataBlocked ? launchBrowser(browserOptions) : workerBrowser()).then(
        (started) => (browser = started),
      ),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    server: startedLater('server', () => server),
    browser: startedLater('browser', () => browser),
  };
}

/**
 * A stand-in for what the beforeAll starts, handed out while vitest collects the tests (before
 * any hook runs): every property read goes to the started one.
 */
function startedLater<T extends object>(what: string, started: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = started();
      if (!target) throw new Error(`The ${what} was used before useBoardBrowser's beforeAll ran`);
      return Reflect.get(target, key) as unknown;
    },
  });
}
