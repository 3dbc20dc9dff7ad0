/**
 * Machine checks of what a page shows: axe-core run inside the page (WCAG 2.0–2.2 A and AA
 * rules plus axe's best practices), and two WCAG checks axe does not make: content that
 * reflows at a narrow width, and fields whose borders can be seen. They find missing names,
 * low contrast, broken ARIA and the like; they do not replace the keyboard and screen-reader
 * tests beside them.
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
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

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
      nodes: v.nodes.map((n) => ({ target: n.target.map(String) })),
    }));
  }, TAGS);
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} (${v.help})`),
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

/**
 * Text fields whose border, the only thing that shows where to type, has less than 3:1
 * contrast with the field's fill or with what surrounds it (WCAG 1.4.11, which axe does not
 * check). Each as "placeholder or name: contrast".
 */
export function faintFieldBorders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (color: string): number[] | null => {
      const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(color);
      if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
      return [m[1], m[2], m[3]].map(Number);
    };
    const luminance = (c: number[]) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const fillBehind = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c) return c;
      }
      return [255, 255, 255];
    };
    const fields = document.querySelectorAll<HTMLElement>(
      'textarea, input:not([type=radio]):not([type=checkbox]):not([type=file]):not([type=hidden])',
    );
    const faint: string[] = [];
    for (const field of fields) {
      if (field.getClientRects().length === 0) continue;
      const style = getComputedStyle(field);
      const border = rgb(style.borderTopColor);
      if (!border || parseFloat(style.borderTopWidth) === 0) continue;
      const worst = Math.min(
        contrast(border, fillBehind(field)),
        contrast(border, fillBehind(field.parentElement)),
      );
      const name =
        field.getAttribute('aria-label') ??
        field.getAttribute('placeholder') ??
        field.id ??
        field.tagName;
      if (worst < 3) faint.push(`${name}: ${worst.toFixed(2)}`);
    }
    return faint;
  });
}
