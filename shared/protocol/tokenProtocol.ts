/**
 * The invite token as a WebSocket subprotocol, `factboard-token.<token>`, besides the contract's
 * `?token=` query (which an unmodified y-websocket client uses and the server still reads). A
 * URL is written out where a header is not: Chromium prints the whole socket URL to the console
 * on every failed connection (found by QA: the token in the console at each reconnect while the
 * server was down), and proxies keep URLs in their access logs. The token's characters
 * (base64url and a dot) are all allowed in a subprotocol name. The server answers with the same
 * protocol, since a browser refuses a handshake that selects none of those it offered.
 */
const TOKEN_PROTOCOL_PREFIX = 'factboard-token.';

export const tokenProtocol = (token: string): string => `${TOKEN_PROTOCOL_PREFIX}${token}`;

/** The token of the first token protocol offered, or null. */
export function tokenFromProtocols(offered: Iterable<string>): string | null {
  for (const protocol of offered) {
    if (protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) {
      return protocol.slice(TOKEN_PROTOCOL_PREFIX.length);
    }
  }
  return null;
}
