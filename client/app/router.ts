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

/** Whether the page now showing was reached by navigate(), not yet told to it (takeArrival). */
let arrived = false;

export function navigate(path: string): void {
  arrived = true;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

/**
 * True once after navigate(): the page that mounts next was reached from inside the app, the
 * link or button used is gone with the old page, and focus has fallen to the body.
 */
export function takeArrival(): boolean {
  const was = arrived;
  arrived = false;
  return was;
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
