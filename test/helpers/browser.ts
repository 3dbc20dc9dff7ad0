/**
 * Launches Debian's Chromium through playwright-core for the browser tests and the bench.
 * Without /usr/bin/chromium the browser tests cannot run: in CI that is a failure (the CI
 * script installs it); on a developer machine they are skipped with a loud warning.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import {
  checkOneFeatureList,
  FEATURES_SWITCH,
  PLAYWRIGHT_FEATURES_SWITCH,
} from './chromiumSwitches';

const CHROMIUM_PATH = process.env.FACTBOARD_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  FEATURES_SWITCH,
];

/** Whether the browser tests can run here; throws in CI when Chromium is missing. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`;
  if (process.env.CI) throw new Error(`${message}: the browser tests must run in CI`);
  console.warn(`\n!!! ${message}: SKIPPING the browser tests !!!\n`);
  return false;
}

export interface BrowserSession {
  /** A fresh, isolated profile (its own localStorage, IndexedDB and service workers). */
  newContext(options?: {
    viewport?: { width: number; height: number };
    /** 2 with a viewport half the screen's size is what 200 % zoom gives. */
    deviceScaleFactor?: number;
    /** A phone: touch events, and the page laid out at the viewport's width. */
    hasTouch?: boolean;
    isMobile?: boolean;
    /** The browser's language and region ("en-GB" writes a day before its month). */
    locale?: string;
    timezoneId?: string;
    /** The system's colour scheme the pages see (prefers-color-scheme); light by default. */
    colorScheme?: 'light' | 'dark';
  }): Promise<BrowserContext>;
  /** The profile directory, which every one of its processes names (chromiumProcessArgs). */
  readonly userDataDir: string;
  /** False once the browser has closed or crashed. */
  connected(): boolean;
  close(): Promise<void>;
}

/**
 * One Chromium process with a fresh user-data directory; every context is a fresh profile.
 * A persistent context is the only way to pass a user-data dir, so contexts beyond the
 * first are ordinary incognito-like contexts of the same browser.
 */
export async function launchBrowser(
  options: {
    siteDataBlocked?: boolean;
    /** Where to make the profile directory (the system's temp directory by default). */
    profilesDir?: string;
  } = {},
): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(options.profilesDir ?? tmpdir(), 'factboard-chromium-'));
  if (options.siteDataBlocked) blockSiteData(userDataDir);
  const persistent = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    ignoreDefaultArgs: [PLAYWRIGHT_FEATURES_SWITCH],
    headless: true,
  });
  const browser = persistent.browser();
  if (!browser) throw new Error('Chromium started without a browser handle');
  try {
    checkOneFeatureList(userDataDir);
  } catch (error) {
    await persistent.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    userDataDir,
    connected: () => browser.isConnected(),
    newContext: (options) =>
      browser.newContext({
        viewport: options?.viewport ?? { width: 1400, height: 900 },
        deviceScaleFactor: options?.deviceScaleFactor,
        hasTouch: options?.hasTouch,
        isMobile: options?.isMobile,
        locale: options?.locale,
        timezoneId: options?.timezoneId,
        colorScheme: options?.colorScheme ?? 'light',
      }),
    async close() {
      await persistent.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium's "Don't allow sites to save data on your device" in the profile, which its every
 * context follows: reading localStorage or sessionStorage throws SecurityError, and IndexedDB
 * refuses to open ("The user denied permission to access the database").
 */
function blockSiteData(userDataDir: string): void {
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
}
