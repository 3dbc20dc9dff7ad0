/**
 * What a screen reader can hear of the page's live regions: the text of every live region (aria-live, status, alert)
 * that Chromium's accessibility tree does not ignore. While a modal dialog is open, everything
 * outside it is ignored (inert: "activeModalDialog"), live regions included, so a sentence
 * written there is on the page and yet read to nobody; a DOM check cannot tell.
 */
import type { Page } from 'playwright-core';

export async function audibleLiveText(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]',
    });
    const heard: string[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        nodeId,
        fetchRelatives: false,
      });
      if (!nodes[0] || nodes[0].ignored) continue;
      const { object } = await cdp.send('DOM.resolveNode', { nodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function () { return this.textContent; }',
        returnByValue: true,
      });
      const text = String(result.value ?? '')
        .replace(/\u00a0/g, '')
        .trim();
      if (text) heard.push(text);
    }
    return heard;
  } finally {
    await cdp.detach();
  }
}

/**
 * Starts recording every sentence put into the page's live regions (aria-live, status, alert),
 * in order, each time its text changes to something; `liveSaid` reads the record. The invisible
 * mark that lets a region say the same sentence twice is left out. Install again after a reload.
 * `within` (a selector, as 'dialog[open]') records only the regions inside what it finds: those
 * of an open modal dialog, say, as the page's behind it are inert.
 */
export async function recordLiveRegions(page: Page, within = 'body'): Promise<void> {
  await page.evaluate((within) => {
    const w = window as unknown as { liveSaid: string[]; liveEar?: MutationObserver };
    w.liveEar?.disconnect();
    w.liveSaid = [];
    const selector = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]';
    const last = new WeakMap<Element, string>();
    const listen = () => {
      for (const region of document.querySelectorAll(`${within} :is(${selector})`)) {
        const text = (region.textContent ?? '').replace(/\u00a0/g, '').trim();
        if (text && text !== last.get(region)) w.liveSaid.push(text);
        last.set(region, text);
      }
    };
    listen();
    w.liveSaid = [];
    w.liveEar = new MutationObserver(listen);
    w.liveEar.observe(document.body, { childList: true, characterData: true, subtree: true });
  }, within);
}

export const liveSaid = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { liveSaid: string[] }).liveSaid);
