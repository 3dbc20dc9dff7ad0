/**
 * What this browser remembers, in localStorage: the person's display name and the boards they
 * have opened, each with its invite token. The token never goes into a URL the server sees.
 */
import type { Role } from '../../shared/roles';
import { REFUSED_BADGES } from './refusedBadges';
import { readClaims } from './tokenClaims';

export interface KnownBoard {
  readonly id: string;
  readonly title: string;
  readonly token: string;
  /** The invite's role as the server last said (refreshRole), else as its token says. */
  readonly role: Role;
  /**
   * Which lead gave the invite that role, and when, as the server said with it (refreshRole):
   * the page names them. Absent when the server could not say (a change before it kept who).
   * `byInviteId`: the lead's invite, for the page to tell a person their own change as theirs;
   * absent in what was stored before it was kept.
   */
  readonly roleChange?: { readonly by: string; readonly at: number; readonly byInviteId?: string };
  readonly inviteId: string;
  /** The name on the invite. */
  readonly inviteName: string;
  /** When this browser added the board, or last took a new invite link for it. */
  readonly openedAt: number;
  /**
   * When a page of the board last opened in this browser (BoardPage), which orders "Your
   * boards": the board worked on today first, not the one added last. Absent until then.
   */
  readonly lastOpenedAt?: number;
  /**
   * The close code with which the server refused this token for good (REFUSED_BADGES: 4401, the
   * invite revoked or expired; 4404, the board deleted), as the board page last learnt it
   * (noteRefused); absent while the token opens the board. A new invite link starts without.
   */
  readonly refusedCode?: number;
  /** The server's reason with it ("invite expired" tells an expiry apart: refusedBadge). */
  readonly refusedReason?: string;
}

const BOARDS_KEY = 'factboard.boards';
const NAME_KEY = 'factboard.name';
const CHANGED = 'factboard:known-boards';

/**
 * The changes of this page that localStorage refused (its quota full, or closed), by board: the
 * entry, or null for a board forgotten. They are kept in this page, so an invite link opened
 * then still opens its board (main.tsx stores its token before the first render, and a throw
 * there left a blank page), and laid over what is stored rather than replacing it: the boards
 * another tab stores meanwhile are read, and a later write that is stored keeps them (a copy of
 * the whole list taken at the refusal wrote over them).
 */
let unkept = new Map<string, KnownBoard | null>();
let nameHere: string | null = null;

function stored(): Record<string, KnownBoard> {
  try {
    const value = JSON.parse(localStorage.getItem(BOARDS_KEY) ?? '{}') as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, KnownBoard>) : {};
  } catch {
    return {};
  }
}

function withChanges(changes: ReadonlyMap<string, KnownBoard | null>): Record<string, KnownBoard> {
  const boards = stored();
  for (const [id, board] of changes) {
    if (board) boards[id] = board;
    else delete boards[id];
  }
  return boards;
}

const read = (): Record<string, KnownBoard> => withChanges(unkept);

/** Stores `board` under `id` (null forgets it), with every change of this page not yet stored. */
function write(id: string, board: KnownBoard | null): void {
  const changes = new Map(unkept).set(id, board);
  try {
    localStorage.setItem(BOARDS_KEY, JSON.stringify(withChanges(changes)));
    unkept = new Map();
  } catch {
    unkept = changes;
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** Whether this browser could not keep its boards' invites, so they last only this page. */
export const boardsNotKept = (): boolean => unkept.size > 0;

/**
 * Calls `fn` whenever this tab or another of this browser changes what it remembers, e.g. an
 * invite link opened in a tab already showing its board (main.tsx), which must open the board
 * with the new invite, or a role a lead changed, which one tab heard of first (refreshRole)
 * and every tab showing the board must follow.
 */
export function subscribeKnownBoards(fn: () => void): () => void {
  const fromOtherTab = (e: StorageEvent) => {
    if (e.key === BOARDS_KEY || e.key === null) fn();
  };
  window.addEventListener(CHANGED, fn);
  window.addEventListener('storage', fromOtherTab);
  return () => {
    window.removeEventListener(CHANGED, fn);
    window.removeEventListener('storage', fromOtherTab);
  };
}

/** Most recently opened first (a board not opened since it was added: by when it was added). */
export function listKnownBoards(): KnownBoard[] {
  const opened = (b: KnownBoard) => Math.max(b.lastOpenedAt ?? 0, b.openedAt);
  return Object.values(read())
    .filter((b) => typeof b?.id === 'string' && typeof b.token === 'string')
    .sort((a, b) => opened(b) - opened(a));
}

export function getKnownBoard(id: string): KnownBoard | null {
  // The id is the address's: `/b/constructor` is no board, not Object's constructor.
  const boards = read();
  return Object.hasOwn(boards, id) ? (boards[id] ?? null) : null;
}

/** Keeps a board's token (from an invite link or a board the person created). */
export function rememberBoard(token: string, title = ''): KnownBoard | null {
  const claims = readClaims(token);
  if (!claims) return null;
  const held = getKnownBoard(claims.boardId);
  const board: KnownBoard = {
    id: claims.boardId,
    title: title || held?.title || '',
    token,
    // The token's role is the one it was issued with; a lead may have changed it since, and the
    // role read from the server for this token (refreshRole) is the newer one.
    role: held?.token === token ? held.role : claims.role,
    inviteId: claims.inviteId,
    inviteName: claims.name,
    openedAt: Date.now(),
  };
  write(board.id, board);
  return board;
}

export function updateKnownBoard(
  id: string,
  patch: Partial<
    Pick<
      KnownBoard,
      'title' | 'lastOpenedAt' | 'role' | 'roleChange' | 'refusedCode' | 'refusedReason'
    >
  >,
) {
  const board = getKnownBoard(id);
  if (!board) return;
  if (Object.entries(patch).every(([k, v]) => board[k as keyof KnownBoard] === v)) return;
  write(id, { ...board, ...patch });
}

/**
 * Remembers that the server refused `token` for good (`code`), so the start page no longer
 * lists the board under the invite's role. A refusal of this device's changes (4403) is not of
 * the invite, and a token a new invite link replaced meanwhile is not the board's any more.
 */
export function noteRefused(id: string, token: string, code: number, reason?: string): void {
  const known = getKnownBoard(id);
  // Called at every change of the page's connection state while refused: written once.
  if (!(code in REFUSED_BADGES) || known?.token !== token) return;
  if (known.refusedCode === code && known.refusedReason === reason) return;
  updateKnownBoard(id, { refusedCode: code, refusedReason: reason });
}

/**
 * Forgets a refusal once the same token opens the board again: a lead extended its expired
 * invite (the link is the same), so the start page lists it under its role again.
 */
export function noteOpensAgain(id: string, token: string): void {
  const known = getKnownBoard(id);
  if (known?.token !== token || known.refusedCode === undefined) return;
  updateKnownBoard(id, { refusedCode: undefined, refusedReason: undefined });
}

export function forgetBoard(id: string): void {
  write(id, null);
}

export function getDisplayName(): string {
  if (nameHere !== null) return nameHere;
  // Where site storage is blocked (a browser setting), reading localStorage throws
  // SecurityError: the start page reads the name at its first render, and a throw there left
  // it blank. No name is then known, as for a first visit.
  try {
    return localStorage.getItem(NAME_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

export function setDisplayName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name.trim());
    nameHere = null;
  } catch {
    nameHere = name.trim();
  }
}
