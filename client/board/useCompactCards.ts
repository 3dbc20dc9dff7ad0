/**
 * The person's choice of card size, kept in this browser for every board: compact cards show
 * two lines of the claim and their tools only while the card has focus, so a column shows
 * about twice as many cards (a triage of hundreds of cards is mostly reading claims).
 */
import { useCallback, useState } from 'react';

const COMPACT_KEY = 'factboard.compact-cards';

function stored(): boolean {
  try {
    return localStorage.getItem(COMPACT_KEY) === '1';
  } catch {
    return false;
  }
}

export function useCompactCards(): readonly [boolean, (compact: boolean) => void] {
  const [compact, setState] = useState(stored);
  const set = useCallback((next: boolean) => {
    setState(next);
    try {
      localStorage.setItem(COMPACT_KEY, next ? '1' : '0');
    } catch {
      // Private mode or a full quota: the choice lasts as long as the page.
    }
  }, []);
  return [compact, set] as const;
}
