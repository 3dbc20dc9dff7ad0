import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed: from `beforeprint` to `afterprint` (the browser's Print,
 * whether sent to paper or cancelled), and while the print medium matches (printing to PDF,
 * an emulated print medium). Set at once at `beforeprint`: the browser lays the page out for
 * paper as soon as the handler returns, and a render left for later would miss the printout.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia('print').matches);
  useEffect(() => {
    const media = window.matchMedia('print');
    const before = () => flushSync(() => setPrinting(true));
    const follow = () => setPrinting(media.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', follow);
    media.addEventListener('change', follow);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', follow);
      media.removeEventListener('change', follow);
    };
  }, []);
  return printing;
}
