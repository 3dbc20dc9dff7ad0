import type { Page } from 'playwright-core';

/**
 * Slows what the page sends to `bytesPerSecond`, as a poor hotel Wi-Fi's uplink does, by
 * Chromium's own network emulation: a TCP relay (startRelay) cannot show an upload's progress,
 * as loopback's socket buffers take about 4 MB at once and the page saw the whole body sent at
 * once.
 */
export async function slowUplink(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}
