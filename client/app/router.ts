/** A two-route router (`/` and `/b/<id>`) on the History API; no library needed. */
import { useSyncExternalStore } from 'react';

const NAVIGATE = 'factboard:navigate';

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  window.addEventListener(NAVIGATE, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(NAVIGATE, fn);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

export type Route =
  { readonly page: 'start' } | { readonly page: 'board'; readonly boardId: string };

export function matchRoute(pathname: string): Route | null {
  if (pathname === '/' || pathname === '') return { page: 'start' };
  const m = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (m?.[1]) return { page: 'board', boardId: decodeURIComponent(m[1]) };
  return null;
}

/** Takes `#invite=<token>` out of the address bar (it must not linger in history or logs). */
export function takeInviteFromHash(): string | null {
  const match = /(?:^#|&)invite=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return decodeURIComponent(match[1]);
}
