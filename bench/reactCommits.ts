/**
 * Page-side, for the browser benches: counts React's work from now on by posing as the React
 * DevTools hook (React DOM reports every commit to `__REACT_DEVTOOLS_GLOBAL_HOOK__`, in
 * production builds too). For each commit it walks the fibers React worked on (a subtree that
 * bailed out keeps its old child, so the walk skips it) and counts the components that
 * rendered, and among them the cards: components whose first element is a card's
 * `li[data-card-id]`. Must run before the page's scripts (addInitScript). A plain string: the
 * TypeScript loader would wrap a function in a helper the page does not have.
 */
import type { Page } from 'playwright-core';

export interface ReactWork {
  readonly commits: number;
  /** Components (function, class, forwardRef, memo) that rendered. */
  readonly components: number;
  /** Card components that rendered, and how many distinct cards they were. */
  readonly cardRenders: number;
  readonly cards: number;
  /** Renders by card id. */
  readonly byCard: Readonly<Record<string, number>>;
}

declare global {
  interface Window {
    __reactWork?: {
      commits: number;
      components: number;
      cardRenders: number;
      cards: Map<string, number>;
    };
  }
}

export const WATCH_REACT_WORK = `(() => {
  const work = { commits: 0, components: 0, cardRenders: 0, cards: new Map() };
  window.__reactWork = work;
  const COMPONENT = new Set([0, 1, 11, 15]);
  const PERFORMED_WORK = 1;
  const firstElement = (fiber) => {
    let f = fiber.child;
    while (f && f.tag !== 5) f = f.child;
    return f ? f.stateNode : null;
  };
  const visit = (root) => {
    const stack = [root];
    while (stack.length > 0) {
      const fiber = stack.pop();
      const prev = fiber.alternate;
      if (COMPONENT.has(fiber.tag) && (prev === null || (fiber.flags & PERFORMED_WORK) !== 0)) {
        work.components++;
        const el = firstElement(fiber);
        const id = el && el.getAttribute ? el.getAttribute('data-card-id') : null;
        if (id !== null) { work.cardRenders++; work.cards.set(id, (work.cards.get(id) ?? 0) + 1); }
      }
      if (prev !== null && fiber.child === prev.child) continue; // bailed out: not worked on
      for (let c = fiber.child; c; c = c.sibling) stack.push(c);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    setStrictMode() {},
    onCommitFiberRoot(_id, root) {
      work.commits++;
      if (root.current.child) visit(root.current.child);
    },
  };
})()`;

/** React's work recorded since WATCH_REACT_WORK or the last call; starts afresh. */
export const takeReactWork = (page: Page): Promise<ReactWork> =>
  page.evaluate(() => {
    const w = window.__reactWork;
    if (!w) return { commits: 0, components: 0, cardRenders: 0, cards: 0, byCard: {} };
    const out = {
      commits: w.commits,
      components: w.components,
      cardRenders: w.cardRenders,
      cards: w.cards.size,
      byCard: Object.fromEntries(w.cards),
    };
    w.commits = 0;
    w.components = 0;
    w.cardRenders = 0;
    w.cards = new Map();
    return out;
  });
