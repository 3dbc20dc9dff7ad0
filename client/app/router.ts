/**
 * A two-route router (`/` and `/b/<id>`) on the History API; no library needed. Also the
 * history entry that lets Back close an open dialog (backClosesDialog).
 */
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

/** The key of a dialog's entry in `history.state`, whose value is the entry's number. */
const DIALOG_ENTRY = 'factboardDialog';

interface DialogEntry {
  readonly onBack: () => void;
  readonly path: string;
  /** The number of its history entry, while that entry is pushed. */
  entry: number | null;
}

let entries = 0;
let listening = false;
/** The open dialog that Back closes. */
let openDialog: DialogEntry | null = null;
/** A closed dialog's entry is being taken back: history.back() lands later, as a popstate. */
let unwinding = false;

function pushEntry(dialog: DialogEntry): void {
  dialog.entry = ++entries;
  window.history.pushState({ [DIALOG_ENTRY]: dialog.entry }, '');
}

function onPopState(): void {
  const dialog = openDialog;
  if (unwinding) {
    unwinding = false;
    // A dialog opened while the last one's entry was being taken back gets its own now.
    if (dialog) pushEntry(dialog);
    return;
  }
  if (!dialog || dialog.entry === null) return;
  if (window.history.state?.[DIALOG_ENTRY] === dialog.entry) return;
  dialog.entry = null;
  // Gone further back, to another page: the dialog goes with the page it was on.
  if (window.location.pathname !== dialog.path) return;
  // Back from the dialog's entry to its page's. The dialog is asked to close, and may first
  // ask about text typed in it: its entry is put back meanwhile, so that the next Back asks
  // again while it stays open, and its closing takes the entry back (the release below).
  pushEntry(dialog);
  dialog.onBack();
}

/**
 * While a dialog is open, Back (a phone's, or the browser's) closes it instead of leaving the
 * page: the dialog gets a history entry of its own, at the same address, and Back from it
 * calls `onBack`. The returned release, called when the dialog closes however it closed,
 * takes that entry back, so that no entry that does nothing is left for the next Back.
 */
export function backClosesDialog(onBack: () => void): () => void {
  if (!listening) {
    window.addEventListener('popstate', onPopState);
    listening = true;
  }
  const dialog: DialogEntry = { onBack, path: window.location.pathname, entry: null };
  openDialog = dialog;
  if (!unwinding) pushEntry(dialog);
  return () => {
    if (openDialog !== dialog) return;
    openDialog = null;
    if (dialog.entry === null || window.history.state?.[DIALOG_ENTRY] !== dialog.entry) return;
    dialog.entry = null;
    unwinding = true;
    window.history.back();
  };
}
