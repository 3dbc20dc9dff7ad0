/**
 * One Chromium for every browser-test file a worker runs (the browser project does not
 * isolate its files: a worker's files share its modules, and with them this browser). A launch
 * and its close cost about 2 s of CPU each time, and 94 files launched one each. Each file (each
 * useBoardBrowser block) gets a session of its own on it: the contexts it opens are closed
 * after it, so none of its pages, sockets or timers outlives it, and every context is a fresh
 * profile as before. The profile directory lives in the one the global setup made
 * (browserProfilesOnce), which it removes after the run, whatever ended the worker.
 */
import type { BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import { type BrowserSession, launchBrowser } from '../../helpers/browser';

let shared: Promise<BrowserSession> | undefined;

/** This worker's browser, launched on first use and again should it have gone. */
async function workerChromium(): Promise<BrowserSession> {
  const running = await shared?.catch(() => undefined);
  if (running?.connected()) return running;
  shared = launchBrowser({ profilesDir: inject('browserProfilesDir') });
  return shared;
}

/** A session on this worker's browser whose close() closes only the contexts it opened. */
export async function workerBrowser(): Promise<BrowserSession> {
  const browser = await workerChromium();
  const opened = new Set<BrowserContext>();
  return {
    userDataDir: browser.userDataDir,
    connected: () => browser.connected(),
    async newContext(options) {
      const context = await browser.newContext(options);
      opened.add(context);
      context.once('close', () => opened.delete(context));
      return context;
    },
    async close() {
      await Promise.all([...opened].map((context) => context.close().catch(() => undefined)));
    },
  };
}
