/**
 * A page driven from the keyboard alone, as a screen-reader user drives it: every key press is
 * counted, and after each one the focused element is read from Chromium's accessibility tree
 * (its role and computed name, what a screen reader says of it) and checked: it is not the
 * page's body, it has a name, and its focus ring shows (an outline or a shadow, inside the
 * window). Any pointer event on the page fails the walk: nothing here may
 * need one.
 */
import type { Page } from 'playwright-core';

export interface Focused {
  readonly role: string;
  readonly name: string;
  readonly tag: string;
  /** What a screen reader says of its value (a select's option, a field's text). */
  readonly value: string;
  /** Why the focus fails the checks above, or null. */
  readonly problem: string | null;
}

export interface KeyboardWalk {
  /** Presses a key once and checks where focus lands. */
  press(key: string): Promise<Focused>;
  /**
   * Presses `key` until focus is on an element whose role and name match (`name` a string is
   * matched whole), at most `max` times; throws with every stop seen when it does not get there.
   */
  pressUntil(key: string, role: string, name: string | RegExp, max?: number): Promise<Focused>;
  /** Types text into the focused field, one key press per character. */
  type(text: string): Promise<void>;
  /** Where focus is now, checked as after a key press. */
  focused(): Promise<Focused>;
  /** Starts a new step: the presses counted from here on are its own. */
  step(name: string): void;
  /** Each step's name and key presses, in order. */
  readonly steps: readonly { name: string; keys: number }[];
  /** Every problem met so far, each once, as "step: role “name”: problem". */
  readonly problems: readonly string[];
  /** Pointer events the page saw (there must be none). */
  pointerEvents(): Promise<number>;
}

export async function keyboardWalk(page: Page): Promise<KeyboardWalk> {
  const steps: { name: string; keys: number }[] = [{ name: 'start', keys: 0 }];
  const problems: string[] = [];
  // Counted in every document the page loads: a pointer event anywhere is a step that needed one.
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: number };
    w.pointerEvents = 0;
    for (const type of ['pointerdown', 'mousedown', 'click'] as const) {
      window.addEventListener(
        type,
        (e) => {
          // A click a key press makes (Enter on a button) has no pointer: detail 0.
          if (e.isTrusted && !(type === 'click' && (e as MouseEvent).detail === 0)) {
            w.pointerEvents++;
          }
        },
        true,
      );
    }
  });

  async function focused(): Promise<Focused> {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: 'document.activeElement',
      });
      const look = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // Tab past a page's (or a modal dialog's) last stop goes to the browser's own controls.
        if (!document.hasFocus()) return 'browser' as const;
        if (!el || el === document.body || el === document.documentElement) return null;
        const style = getComputedStyle(el);
        const ring =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none';
        const r = el.getBoundingClientRect();
        const inWindow =
          r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
        return {
          tag: el.tagName.toLowerCase(),
          html: el.outerHTML.slice(0, 120),
          visible: ring,
          why: `outline ${style.outlineStyle} ${style.outlineWidth}, shadow ${style.boxShadow}`,
          inWindow,
        };
      });
      if (look === 'browser') {
        return { role: 'browser', name: '', tag: '', value: '', problem: null };
      }
      if (!look || !result.objectId) {
        const problem = 'focus is on the page (body)';
        return { role: 'none', name: '', tag: 'body', value: '', problem };
      }
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        objectId: result.objectId,
        fetchRelatives: false,
      });
      const node = nodes[0];
      const role = String(node?.role?.value ?? 'none');
      const name = String(node?.name?.value ?? '').trim();
      const value = String(node?.value?.value ?? '');
      const problem = !name
        ? `no accessible name: ${look.html}`
        : !look.visible
          ? `no visible focus ring (${look.why}): ${look.html}`
          : !look.inWindow
            ? `out of the window: ${look.html}`
            : null;
      return { role, name, tag: look.tag, value, problem };
    } finally {
      await cdp.detach();
    }
  }

  /**
   * Where focus settles: a key may move it in steps (a page that unmounts, then its successor
   * focusing its heading; a card scrolled to, then focused), and a screen reader speaks of
   * where it rests, so it is read until two reads 150 ms apart agree (at most 3 s).
   */
  async function settled(): Promise<Focused> {
    let now = await focused();
    for (let tries = 0; tries < 20; tries++) {
      await page.waitForTimeout(150);
      const again = await focused();
      if (again.role === now.role && again.name === now.name && again.problem === now.problem) {
        break;
      }
      now = again;
    }
    return now;
  }

  async function checked(): Promise<Focused> {
    const now = await settled();
    if (now.problem) {
      const step = steps.at(-1)!;
      const line = `${step.name} (key ${step.keys}): ${now.role} “${now.name}”: ${now.problem}`;
      if (!problems.includes(line)) problems.push(line);
    }
    return now;
  }

  async function press(key: string): Promise<Focused> {
    steps.at(-1)!.keys++;
    await page.keyboard.press(key);
    return checked();
  }

  const matches = (f: Focused, role: string, name: string | RegExp) =>
    f.role === role && (typeof name === 'string' ? f.name === name : name.test(f.name));

  return {
    press,
    async pressUntil(key, role, name, max = 40) {
      const seen: string[] = [];
      // Already there (where it rests is checked by the press that brought it).
      const already = await settled();
      if (matches(already, role, name)) return already;
      for (let i = 0; i < max; i++) {
        const now = await press(key);
        if (matches(now, role, name)) return now;
        seen.push(`${now.role} “${now.name}”`);
      }
      throw new Error(
        `${max} × ${key} did not reach ${role} “${String(name)}”; stops:\n${seen.join('\n')}`,
      );
    },
    async type(text) {
      steps.at(-1)!.keys += [...text].length;
      await page.keyboard.type(text);
    },
    focused: checked,
    step(name) {
      steps.push({ name, keys: 0 });
    },
    steps,
    problems,
    pointerEvents: () =>
      page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents),
  };
}
