/**
 * When a board's socket is given up and opened again: which closes by the server are final,
 * how long a socket may stay silent before it is taken for dead, and the browser's online and
 * offline signal (BoardConnection acts on it).
 */
import { CLOSE } from '../../shared/protocol/closeCodes';
import type { WebsocketProvider } from 'y-websocket';

/** The browser's online/offline signal. */
export interface NetworkEvents {
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', fn: () => void): void;
  removeEventListener(type: 'online' | 'offline', fn: () => void): void;
}

/**
 * Whether to reconnect after the server closed the socket. Its 44xx refusals are final (a bad
 * or revoked invite, a role that may not write, a deleted board), except 4429: too many
 * messages or a slow read, which a later attempt (the provider backs off) gets past. A changed
 * role (4205) waits for onRoleChanged's answer.
 */
export function reconnectAfter(event: CloseEvent): boolean {
  if (event.code === CLOSE.roleChanged) return false;
  return event.code === CLOSE.tooMany || !(event.code >= 4400 && event.code < 4500);
}

/**
 * How long a connected socket may bring no message before it is taken for dead and replaced:
 * the server sends one at least every 5 s (its heartbeat's NOTHING_NEW, server/sync/Connection),
 * so this is two rounds missed and most of a third. y-websocket's own limit is 30 s, through
 * which a socket dead the other way (the network switched under the page) held the page's
 * changes, "Still saving", with nothing to tell it.
 */
export const SILENCE_MS = 12_000;

/**
 * How far a socket still waiting for the board may outlast SILENCE_MS (watchSilence): 32 times,
 * six and a half minutes, is a 10 MB board at 25 KB/s.
 */
const MAX_SILENCE_FACTOR = 32;

export function browserNetwork(): NetworkEvents | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  return {
    get onLine() {
      return navigator.onLine;
    },
    addEventListener: (type, fn) => window.addEventListener(type, fn),
    removeEventListener: (type, fn) => window.removeEventListener(type, fn),
  };
}

/**
 * Replaces a connected socket that brought nothing for `limit` ms (SILENCE_MS), if
 * `mayReconnect` says the connection still wants one. Until the server's sync reply has come,
 * silence may be a big board still on its way over a slow link (one message, heard only once
 * all of it is in): each socket replaced before it brought the board gives the next twice the
 * time, up to MAX_SILENCE_FACTOR times `limit`, and a synced socket the plain limit again.
 * Replaced at the plain limit, a 300-card board (500 KB) at 30 KB/s never loaded (found by QA).
 */
export function watchSilence(
  provider: WebsocketProvider,
  limit: number,
  mayReconnect: () => boolean,
): ReturnType<typeof setInterval> {
  let allowed = limit;
  // y-websocket's own check closes a socket silent for 30 s whatever this one allows: past it (a
  // third socket, once `limit` has doubled twice) a board that took longer to arrive never
  // loaded, each socket cut at 30 s. This check does its work, for every socket of the provider.
  clearInterval(
    (provider as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval,
  );
  return setInterval(
    () => {
      if (provider.synced) allowed = limit;
      if (!provider.wsconnected || Date.now() - provider.wsLastMessageReceived <= allowed) return;
      if (!provider.synced) allowed = Math.min(allowed * 2, limit * MAX_SILENCE_FACTOR);
      // As going offline and back does: the provider lets the dead socket go at once (its
      // close handshake would wait on a peer that does not answer) and opens a new one.
      provider.disconnect();
      if (mayReconnect()) provider.connect();
    },
    Math.min(1_000, limit / 4),
  );
}
