/**
 * An automated accessibility audit of what a page shows, with axe-core run inside the page:
 * WCAG 2.0–2.2 A and AA rules plus axe's best practices. Machine checks find missing names,
 * contrast below AA, broken ARIA and the like; they do not replace the keyboard and
 * screen-reader tests beside them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly html: string }[];
}

/**
 * The comment box is a text area that is also a combobox for @mentions (the ARIA 1.2
 * combobox pattern with a listbox popup), so a screen reader hears that suggestions exist.
 * ARIA in HTML lists no roles for textarea, hence axe's best-practice rule; Chromium exposes
 * it as an editable combobox, which is what we want. Only that element is excused.
 */
const excused = (v: Violation, node: Violation['nodes'][number]): boolean =>
  v.id === 'aria-allowed-role' && /^<textarea[^>]*role="combobox"/.test(node.html);

/** The page's violations, one line per rule and element, e.g. "color-contrast: .chip (…)". */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: the app's Content-Security-Policy forbids inline
  // scripts, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: Violation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html })),
    }));
  }, TAGS);
  return violations.flatMap((v) =>
    v.nodes
      .filter((node) => !excused(v, node))
      .map((node) => `${v.id}: ${node.target.join(' ')} (${v.help})`),
  );
}

/**
 * How many pixels each open dialog or side panel is wider than it shows: 0 when its content
 * reflows to the viewport's width (WCAG 1.4.10) and nothing in it needs scrolling sideways.
 */
export function sidewaysOverflow(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('dialog[open], .side-panel')].map(
      (el) => el.scrollWidth - el.clientWidth,
    ),
  );
}
