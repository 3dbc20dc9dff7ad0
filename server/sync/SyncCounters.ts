import { CLOSE } from '../../shared/protocol/closeCodes';

/**
 * What the sync server has done since it started, for GET /metrics (server/metrics). Each
 * field is a plain number that the sync path increments where the thing happens: one integer
 * add, no allocation, no call. Counts by close code or HTTP status go per connection, not per
 * message, into maps keyed by small integers.
 */
export class SyncCounters {
  /** Connections admitted (token, board and role checked) and opened. */
  connectionsOpened = 0;
  /** Messages of any kind taken from admitted connections (sync, awareness, queries). */
  messagesReceived = 0;
  /** Write messages (sync step 2 and updates) taken from connections. */
  updatesReceived = 0;
  /** Updates stored, clients' and the server's own, after the room dropped redundant parts. */
  updatesStored = 0;
  /** Storage batches: one per turn of a room that wrote anything. */
  batchesStored = 0;
  /**
   * Attempts to store a batch that failed and are retried (a full or read-only disk): the room
   * holds its edits unacknowledged meanwhile, so an operator needs a number to alert on.
   */
  saveFailures = 0;
  /** Update messages sent to other connections of the room (one per update and recipient). */
  updatesBroadcast = 0;
  /** "saved" acknowledgments (message 100) sent. */
  acksSent = 0;
  /** Rooms loaded (a board's state taken into memory). */
  roomsLoaded = 0;
  compactions = 0;
  compactionsFailed = 0;
  /**
   * Admitted connections closed, by close code (1000 normal … 4413 too large, 4429); a code
   * a client chose from the application range (3000–4999) that is not Factboard's counts
   * under OTHER_CODE, so that no client can make the list grow.
   */
  readonly closedByCode = new Map<number, number>();
  /**
   * Connections refused before they were admitted: by HTTP status before the upgrade (404,
   * 429…), by close code after it (4401, 4403, 4404, 1001).
   */
  readonly refusedByCode = new Map<number, number>();
}

/** Where close codes of the application range that are not Factboard's are counted. */
export const OTHER_CODE = 0;

const OURS: ReadonlySet<number> = new Set(Object.values(CLOSE));

/** Adds one to `code`'s count (a foreign application code's: OTHER_CODE). */
export function countCode(counts: Map<number, number>, code: number): void {
  const key = code < 3000 || OURS.has(code) ? code : OTHER_CODE;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
