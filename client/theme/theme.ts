/**
 * The person's Theme (System, Light or Dark), kept in this browser for every page: newsroom
 * machines are shared, and one person's system setting is not another's wish. The page is
 * marked with the scheme it comes to (data-theme="light" or "dark", which styles.css's dark
 * palette follows): Dark, or System on a system that asks for dark. index.html's script marks
 * it the same way before the first paint (no light flash on reload); this module keeps it so
 * after, as the choice, the system or another tab's choice changes.
 *
 * Where site storage is blocked (siteStorage) or refuses the write, the choice lasts as long
 * as the page.
 */
import { siteStorage } from '../sync/storageRefused';

export type Theme = 'system' | 'light' | 'dark';

/** Read by index.html's script too: the two must agree. */
const THEME_KEY = 'factboard.theme';

const isTheme = (value: unknown): value is Theme =>
  value === 'system' || value === 'light' || value === 'dark';

function storedTheme(): Theme {
  try {
    const value = siteStorage()?.getItem(THEME_KEY);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

let theme: Theme = storedTheme();
const listeners = new Set<() => void>();
const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The scheme `theme` comes to on this system now. */
export const schemeOf = (chosen: Theme): 'light' | 'dark' =>
  chosen === 'system' ? (systemDark().matches ? 'dark' : 'light') : chosen;

function show(): void {
  document.documentElement.dataset.theme = schemeOf(theme);
  for (const listener of listeners) listener();
}

/** The person's choice. */
export const currentTheme = (): Theme => theme;

/** Calls `fn` when the choice or the scheme it comes to changes; returns the unsubscribe. */
export function subscribeTheme(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function chooseTheme(next: Theme): void {
  theme = next;
  try {
    // System is the default: nothing kept, as before there was a choice.
    if (next === 'system') siteStorage()?.removeItem(THEME_KEY);
    else siteStorage()?.setItem(THEME_KEY, next);
  } catch {
    // Storage full or closed: the choice lasts as long as the page.
  }
  show();
}

/**
 * Marks the page now, and again whenever the system's scheme changes (System follows it) or
 * another tab of this browser chooses (every open page follows the last choice). Once, at start.
 */
export function followTheme(): void {
  show();
  systemDark().addEventListener('change', () => {
    if (theme === 'system') show();
  });
  window.addEventListener('storage', (event) => {
    if (event.key !== THEME_KEY && event.key !== null) return;
    theme = storedTheme();
    show();
  });
}
