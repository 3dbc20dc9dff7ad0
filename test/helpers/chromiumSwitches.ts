/**
 * The `--disable-features` switch of the test browser. Each browser context of headless
 * Chromium 156 opens a window with the full browser UI, and each window builds the address
 * bar's drop-down as a WebUI page in a renderer of its own (chrome://omnibox-popup.top-chrome,
 * about 200 scripts): on two cores that was 0.8–1.3 s of CPU per context, more than our board
 * page's own load, and no test ever shows it. Turning those features off halved the CPU of a
 * context opening a board (4.1–4.3 s → 2.4–2.5 s, this machine, all its processes).
 *
 * Chromium reads one `--disable-features` (the last), so ours repeats playwright-core's own list
 * (its chromiumSwitches.ts, version 1.65) and replaces it (`ignoreDefaultArgs`).
 * `checkOneFeatureList` throws if playwright-core's list is no longer the one replaced.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PLAYWRIGHT_DISABLED = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** The address bar's WebUI drop-downs, and their preloading. */
const OMNIBOX_WEBUI = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'PreloadTopChromeWebUI',
];

/** playwright-core's switch, which the launch leaves out. */
export const PLAYWRIGHT_FEATURES_SWITCH = `--disable-features=${PLAYWRIGHT_DISABLED.join(',')}`;

/** The switch the launch passes instead. */
export const FEATURES_SWITCH = `${PLAYWRIGHT_FEATURES_SWITCH},${OMNIBOX_WEBUI.join(',')}`;

/**
 * The arguments of every process of the Chromium started with `userDataDir` (each carries it),
 * split at NULs and spaces: Chromium's child processes rewrite theirs as one line. Null
 * without /proc (not Linux).
 */
export function chromiumProcessArgs(userDataDir: string): string[][] | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  return pids.flatMap((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/\0| /);
      return args.includes(`--user-data-dir=${userDataDir}`) ? [args] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}

/**
 * Throws unless the browser started with `userDataDir` was given exactly one
 * `--disable-features`: a second one means playwright-core's list changed (an upgrade), and
 * Chromium would then ignore one of the two. Without /proc (not Linux) it does nothing.
 */
export function checkOneFeatureList(userDataDir: string): void {
  const processes = chromiumProcessArgs(userDataDir);
  if (!processes) return;
  const browser = processes.find((args) => !args.some((arg) => arg.startsWith('--type=')));
  if (!browser) throw new Error(`No Chromium process found with --user-data-dir=${userDataDir}`);
  const lists = browser.filter((arg) => arg.startsWith('--disable-features='));
  if (lists.length !== 1 || lists[0] !== FEATURES_SWITCH) {
    throw new Error(
      `Chromium started with ${lists.length} --disable-features switches: playwright-core's ` +
        'default list changed; copy it into test/helpers/chromiumSwitches.ts',
    );
  }
}
