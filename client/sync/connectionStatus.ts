/** The connection state shown on every board page, derived from the provider's facts. */
import { CLOSE } from '../../shared/protocol/closeCodes';

export type ConnectionKind =
  | 'offline'
  | 'connecting'
  | 'syncing'
  | 'saving'
  | 'saved'
  | 'refused'
  | 'reopening'
  | 'storageFull';

export interface ConnectionStatus {
  readonly kind: ConnectionKind;
  /**
   * The server's close code when it refused the connection (4401, 4403, 4404…), 4507 while
   * the board cannot be loaded for a full disk (storageFull), or 4205 while connecting again
   * after a role change (reconnectingForRole).
   */
  readonly code: number | null;
}

export interface ConnectionFacts {
  /** The browser reports a network (navigator.onLine). */
  readonly online: boolean;
  readonly socket: 'connected' | 'connecting' | 'disconnected';
  /** The server's sync step 2 arrived on the current socket. */
  readonly synced: boolean;
  /** Everything in the local doc is acknowledged as stored. */
  readonly saved: boolean;
  /** The close code of a permanent refusal, if any. */
  readonly refusedCode: number | null;
  /**
   * The refusal was of changes only this device held (4403), which are set aside: the page
   * opens the board afresh, with the invite's current role. No refusal of the person.
   */
  readonly reopening: boolean;
  /**
   * The server closed the socket for a role change (4205), and the page connects again with
   * the new role: no connection lost. Optional: false where not said.
   */
  readonly roleChange?: boolean;
  /**
   * The server said its disk is full (message 102), and has acknowledged nothing since: what
   * waits for it cannot be stored until its operator frees space.
   */
  readonly storageFull?: boolean;
}

/** No socket to the server: the browser is offline, or the connection is (re)trying. */
export const connectionDown = (kind: ConnectionKind): boolean =>
  kind === 'offline' || kind === 'connecting';

/**
 * Connecting again because the server asked, for a role change (4205): the server is there and
 * answers at once, so what waits for the connection (the history's reads) need not say it does.
 * Offline meanwhile, the status is 'offline'; a failed attempt ends it (a close of its own).
 */
export const reconnectingForRole = (status: ConnectionStatus): boolean =>
  status.kind === 'connecting' && status.code === CLOSE.roleChanged;

export function deriveStatus(f: ConnectionFacts): ConnectionStatus {
  if (f.refusedCode !== null) {
    return { kind: f.reopening ? 'reopening' : 'refused', code: f.refusedCode };
  }
  if (!f.online) return { kind: 'offline', code: null };
  // Not "Still saving" nor "Syncing…" for as long as the disk stays full: said why, while
  // anything waits for the server.
  if (f.storageFull && (f.socket !== 'connected' || !f.synced || !f.saved)) {
    // With the socket down, the board could not be loaded (4507), and is tried again.
    return { kind: 'storageFull', code: f.socket === 'connected' ? null : CLOSE.storageFull };
  }
  // Between attempts the provider is disconnected and about to retry (with backoff).
  if (f.socket !== 'connected') {
    return { kind: 'connecting', code: f.roleChange ? CLOSE.roleChanged : null };
  }
  if (!f.synced) return { kind: 'syncing', code: null };
  return { kind: f.saved ? 'saved' : 'saving', code: null };
}

const REFUSALS: Record<number, string> = {
  4401: 'Your invite is no longer valid',
  4403: 'Your role does not allow this',
  4404: 'This board no longer exists',
  4413: 'A change was too large for the server to take, so it was not saved',
};

/** What the pill's words depend on besides the connection's state. */
export interface PillFacts {
  /** Local changes wait for the server's acknowledgment. */
  readonly unsaved: boolean;
  /** Every local change is in this device's copy (IndexedDB). */
  readonly onDevice?: boolean;
  /**
   * There is such a copy at all: without one (site storage blocked) a change not yet saved is
   * only in this tab, and "kept on this device" would promise what a closed tab loses.
   */
  readonly keepsCopy?: boolean;
  /** A viewer, who writes nothing: "saved" would promise what they never did. */
  readonly readOnly?: boolean;
  /** The save has waited long for the server's acknowledgment (ConnectionPill times it). */
  readonly slow?: boolean;
  /** This device's changes the server refused, listed under "Not saved" (setAside). */
  readonly refused?: number;
  /**
   * The cards of the refused commands on several cards among them (each one change): the pill
   * says "1 change refused (1,000 cards)", not "1000 changes refused" (found by QA).
   */
  readonly refusedCards?: number;
  /**
   * Refused, what the page knows beyond the close code: "Ana Ruiz (lead) revoked your invite
   * at 14:02", as the page's banner says it once the server has named the lead (useRevocation).
   */
  readonly refusedWhy?: string | null;
}

/**
 * The words on the status pill. "Kept on this device" is said only once the device's copy
 * (IndexedDB) holds every local change (`onDevice`): a tab closed or reloaded before that
 * would lose the newest of them. In sync with refused changes listed under "Not saved", it
 * does not say "All changes saved" over the list (found by QA).
 */
export function statusLabel(
  status: ConnectionStatus,
  {
    unsaved,
    onDevice = true,
    keepsCopy = true,
    readOnly = false,
    slow = false,
    refused = 0,
    refusedCards = 0,
    refusedWhy = null,
  }: PillFacts,
): string {
  const kept = !keepsCopy
    ? 'changes kept only in this tab'
    : onDevice
      ? 'changes kept on this device'
      : 'keeping changes on this device…';
  switch (status.kind) {
    case 'refused':
      return refusedWhy ?? REFUSALS[status.code ?? 0] ?? `Connection refused (${status.code})`;
    case 'reopening':
      // Not "Your role does not allow this": the invite still opens the board, and the board
      // comes back by itself; what was refused is listed under "Not saved" (found by QA).
      return status.code === CLOSE.tooLarge
        ? 'A change was too large for the server to take: reopening the board without it…'
        : 'Reopening the board with your current role…';
    case 'offline':
      return unsaved ? `Offline: ${kept}` : 'Offline';
    case 'connecting':
      // A role change's reconnection is no connection trouble: the server asked for it.
      if (reconnectingForRole(status)) {
        return unsaved ? `Switching to your new role: ${kept}` : 'Switching to your new role…';
      }
      return unsaved ? `Connecting: ${kept}` : 'Connecting…';
    case 'storageFull': {
      // In a newsroom's words: "disk" and "storage" mean little to most, "out of space" does.
      // Without a copy on the device, "kept on this device" would promise what a closed tab loses.
      const where = keepsCopy ? 'on this device' : 'only in this tab';
      if (!unsaved) {
        return status.code === CLOSE.storageFull
          ? 'The server is out of space, so it cannot open this board until it has space again'
          : `The server is out of space: changes made now are kept ${where} and saved once it has space`;
      }
      return onDevice || !keepsCopy
        ? `Not saved yet: the server is out of space. Your changes are kept ${where} and will be saved once it has space`
        : 'Not saved yet: the server is out of space. Keeping your changes on this device…';
    }
    case 'syncing':
      return 'Syncing…';
    case 'saving':
      return slow ? 'Still saving: no answer from the server yet' : 'Saving…';
    case 'saved': {
      // A read-only role (a viewer since a refusal) has no "rest" of its own to save.
      const now = readOnly ? 'the board is up to date' : 'the rest saved';
      const cards = refusedCards > 0 ? ` (${refusedCards.toLocaleString('en')} cards)` : '';
      const changes = `${refused} ${refused === 1 ? 'change' : 'changes'}`;
      if (refused > 0) return `${changes} refused${cards}; ${now}`;
      return readOnly ? 'Up to date' : 'All changes saved';
    }
  }
}
