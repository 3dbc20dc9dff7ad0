/** WebSocket close codes of the sync endpoint (DESIGN §4). Reasons are short English text. */
export const CLOSE = {
  /** A frame that does not decode as the y-websocket protocol, or an invalid update. */
  malformed: 4400,
  /** Missing, bad, expired or revoked token. */
  unauthorized: 4401,
  /** The token's role may not do what the connection tried (or names another board). */
  forbidden: 4403,
  /** The board does not exist (checked after the token). */
  unknownBoard: 4404,
  /** A message larger than the configured cap. */
  tooLarge: 4413,
  /** Too many messages, or a consumer too slow to keep up. */
  tooMany: 4429,
  /**
   * A lead changed this invite's role (PATCH …/invites/:inviteId). Reconnect with the same
   * token: the server takes the role from the stored invite, so the new socket has the new
   * role. Outside 4400–4499 on purpose: an unmodified y-websocket client reconnects by itself.
   * Factboard's client first reads its role again (GET /api/boards/:id) to redraw its controls.
   * Also sent when such a change was refused after this socket's messages had been dropped
   * while it was under way: the role is the same, and the new socket sends them again.
   */
  roleChanged: 4205,
  /**
   * The board could not be loaded because the server's disk is full (what waits to be moved
   * into its database cannot be). Outside 4400–4499 on purpose: clients retry (y-websocket
   * backs off to 2.5 s), and the board opens once the operator has freed space. Factboard's
   * page says the server is out of space meanwhile.
   */
  storageFull: 4507,
  /** The server is shutting down; clients reconnect. */
  goingAway: 1001,
} as const;

/**
 * The reason of a 4401 for an invite whose expiry (set by a lead, kept with the stored invite)
 * has passed: at the upgrade, and on its open sockets at that moment. The code stays 4401, as
 * the contract names expiry under it; the reason tells the page to say when, and whom to ask.
 */
export const INVITE_EXPIRED = 'invite expired';

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
