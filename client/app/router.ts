/**
 * A two-route router (`/` and `/b/<id>`) on the History API; no library needed. Also the
 * history entry that lets Back close an open dialog (backClosesDialog), and a card's own
 * address on its board's page (`/b/<id>?card=<cardId>`), which that entry shows.
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

/**
 * An invite link on this origin, the form the server gives (`/b/<id>#invite=<token>`): in the
 * fragment, so that opening it sends the token to no server (takeInviteFromHash).
 */
export function inviteAddress(boardId: string, token: string): string {
  const path = `/b/${encodeURIComponent(boardId)}#invite=${encodeURIComponent(token)}`;
  return new URL(path, window.location.origin).href;
}

/** Takes `#invite=<token>` out of the address bar (it must not linger in history or logs). */
export function takeInviteFromHash(): string | null {
  const match = /(?:^#|&)invite=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  // The entry's state kept: it may be an open card's (a fragment opened on its address).
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
  return decodeURIComponent(match[1]);
}

/** The query parameter that names a card on its board's page: `/b/<boardId>?card=<cardId>`. */
const CARD_PARAM = 'card';

/**
 * A card's own address, to link to it: its board's page, naming the card. Path and query
 * only: the token stays in this browser (knownBoards), so a link passed on carries none.
 */
export function cardAddress(boardId: string, cardId: string): string {
  return `/b/${encodeURIComponent(boardId)}?${CARD_PARAM}=${encodeURIComponent(cardId)}`;
}

/** The card the address bar names, if any. */
export function cardInAddress(): string | null {
  return new URLSearchParams(window.location.search).get(CARD_PARAM) || null;
}

/** The address bar shows the page alone again, for a card it named that is not open. */
export function leaveCardAddress(): void {
  window.history.replaceState(null, '', window.location.pathname);
}

/** The key of a dialog's entry in `history.state`, whose value is the entry's number. */
const DIALOG_ENTRY = 'factboardDialog';

interface DialogEntry {
  readonly onBack: () => void;
  /** The page the dialog is on. */
  readonly path: string;
  /** The address its entry shows; null: the page's own. */
  readonly address: string | null;
  /** The number of its history entry, while that entry is pushed. */
  entry: number | null;
}

let entries = 0;
let listening = false;
/** The open dialog that Back closes. */
let openDialog: DialogEntry | null = null;
/** A closed dialog's entry is being taken back: history.back() lands later, as a popstate. */
let unwinding = false;

interface CardEntryListener {
  readonly boardId: string;
  readonly open: (cardId: string) => void;
}
const cardEntryListeners = new Set<CardEntryListener>();

function listen(): void {
  if (listening) return;
  window.addEventListener('popstate', onPopState);
  listening = true;
}

function pushEntry(dialog: DialogEntry): void {
  dialog.entry = ++entries;
  window.history.pushState({ [DIALOG_ENTRY]: dialog.entry }, '', dialog.address ?? undefined);
}

/** Whether the address bar shows `address` (the same path and query). */
function isShowing(address: string): boolean {
  const url = new URL(address, window.location.href);
  return url.pathname === window.location.pathname && url.search === window.location.search;
}

/** Gives a dialog that opens its history entry. */
function enter(dialog: DialogEntry): void {
  if (dialog.address === null || !isShowing(dialog.address)) return pushEntry(dialog);
  if (typeof window.history.state?.[DIALOG_ENTRY] === 'number') {
    // Forward onto the entry of this dialog, closed since (or a reload with it open): the
    // entry is the dialog's again. A new one would leave this one behind it, where Back
    // would land on an entry that names a dialog no longer open.
    dialog.entry = ++entries;
    window.history.replaceState({ [DIALOG_ENTRY]: dialog.entry }, '');
    return;
  }
  // A link to the dialog opened the page: that entry becomes the page's own, and the dialog
  // gets one after it, as when it is opened on the page, so that Back closes it there.
  window.history.replaceState(null, '', dialog.path);
  pushEntry(dialog);
}

function onPopState(): void {
  const dialog = openDialog;
  if (unwinding) {
    // Landed on an earlier entry of a dialog (a fragment opened on its address gave it two,
    // see below): on back to its page's, or the address would still name the dialog.
    if (typeof window.history.state?.[DIALOG_ENTRY] === 'number') return window.history.back();
    unwinding = false;
    // A dialog opened while the last one's entry was being taken back gets its own now.
    if (dialog) pushEntry(dialog);
    return;
  }
  if (!dialog) return openCardOfEntry();
  if (dialog.entry === null) return;
  const state: unknown = window.history.state?.[DIALOG_ENTRY];
  if (state === dialog.entry) return;
  if (dialog.address !== null && isShowing(dialog.address) && typeof state !== 'number') {
    // Still at the dialog's address, on an entry that is no dialog's: only the fragment
    // changed (an invite link opened on it pushes an entry). That entry is the dialog's
    // now, and the one before it an earlier entry of it, which the release goes back past.
    dialog.entry = ++entries;
    window.history.replaceState({ [DIALOG_ENTRY]: dialog.entry }, '');
    return;
  }
  dialog.entry = null;
  // Gone further back, to another page: the dialog goes with the page it was on.
  if (window.location.pathname !== dialog.path) return;
  // Back from the dialog's entry to its page's. The dialog is asked to close, and may first
  // ask about text typed in it: its entry is put back meanwhile, so that the next Back asks
  // again while it stays open, and its closing takes the entry back (the release below).
  pushEntry(dialog);
  dialog.onBack();
}

/** Back or Forward landed, no dialog open, on an address that names a card: it opens. */
function openCardOfEntry(): void {
  const cardId = cardInAddress();
  const route = matchRoute(window.location.pathname);
  if (!cardId || route?.page !== 'board') return;
  for (const listener of cardEntryListeners) {
    if (listener.boardId === route.boardId) listener.open(cardId);
  }
}

/**
 * Calls `open` when Back or Forward lands on the address of one of the board's cards while
 * no dialog is open: Forward onto the entry of a card closed since, which opens it again,
 * rather than leave an entry that does nothing.
 */
export function onCardEntry(boardId: string, open: (cardId: string) => void): () => void {
  listen();
  const listener = { boardId, open };
  cardEntryListeners.add(listener);
  return () => {
    cardEntryListeners.delete(listener);
  };
}

/**
 * While a dialog is open, Back (a phone's, or the browser's) closes it instead of leaving the
 * page: the dialog gets a history entry of its own, at `address` (a card's, cardAddress) or
 * else at the same address, and Back from it calls `onBack`. The returned release, called
 * when the dialog closes however it closed, takes that entry back, so that Back from the
 * page leaves it as it would have before the dialog; Forward then lands on the dialog's
 * entry, which opens a card again (onCardEntry).
 */
export function backClosesDialog(onBack: () => void, address?: string): () => void {
  listen();
  const dialog: DialogEntry = {
    onBack,
    path: window.location.pathname,
    address: address ?? null,
    entry: null,
  };
  openDialog = dialog;
  if (!unwinding) enter(dialog);
  return () => {
    if (openDialog !== dialog) return;
    openDialog = null;
    if (dialog.entry === null || window.history.state?.[DIALOG_ENTRY] !== dialog.entry) return;
    dialog.entry = null;
    unwinding = true;
    window.history.back();
  };
}
