/**
 * The Theme control of the start page's and the board's headers: a native select, named by its
 * label and worked from the keyboard as any select is. The change is said politely, with the
 * scheme System comes to, which the select alone does not tell.
 */
import { useId, useSyncExternalStore } from 'react';
import { useAnnouncer } from '../ui/useAnnouncer';
import { chooseTheme, currentTheme, schemeOf, subscribeTheme, type Theme } from './theme';

const LABELS: Readonly<Record<Theme, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

const said = (theme: Theme): string =>
  theme === 'system'
    ? `Theme follows the system: ${schemeOf(theme)} now.`
    : `Theme: ${LABELS[theme].toLowerCase()}.`;

export function ThemeChoice() {
  const id = useId();
  const theme = useSyncExternalStore(subscribeTheme, currentTheme);
  const { announce, region } = useAnnouncer('polite', 'theme-announcer');
  return (
    <span className="theme-choice">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={theme}
        onChange={(e) => {
          const next = e.target.value as Theme;
          chooseTheme(next);
          announce(said(next));
        }}
      >
        {(Object.keys(LABELS) as Theme[]).map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
      {region}
    </span>
  );
}
