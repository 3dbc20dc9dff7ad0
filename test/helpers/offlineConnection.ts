/**
 * A page's BoardConnection with no server, no IndexedDB and no online/offline events, on a board
 * "b1": for tests that feed its doc by hand. `role` and `actor` say whose page it is; the rest
 * of `options` (a doc, the stores of localStorage) goes to the connection as it is.
 */
import { BoardConnection, type BoardConnectionOptions } from '../../client/sync/BoardConnection';

export function offlineConnection(
  options: Pick<BoardConnectionOptions, 'role' | 'actor'> & Partial<BoardConnectionOptions>,
): BoardConnection {
  return new BoardConnection({
    boardId: 'b1',
    token: 't',
    serverUrl: null,
    persist: false,
    network: null,
    ...options,
  });
}
