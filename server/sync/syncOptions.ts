/**
 * Limits and timings of the sync server. Names match server/config.ts so main.ts can pass the
 * validated config through; every field has a default (DESIGN §4: the defaults must not get in a
 * real newsroom's way).
 */
import { FORGET_DEPARTED_MS } from '../../shared/yjs/forgetDepartedClients';

export interface SyncOptions {
  /** Largest message a client may send; larger: close 4413. */
  readonly maxMessageBytes: number;
  /** How long an empty room stays loaded after its last connection leaves. */
  readonly roomGraceMs: number;
  /**
   * Compact a board's log into a snapshot after this many stored updates, once the log has also
   * grown to half the size of the last snapshot (so a big board is not rewritten too often).
   */
  readonly compactEvery: number;
  /** Log rows and snapshots are kept this long after compaction (then pruned). */
  readonly logRetentionDays: number;
  /** New connections per client address per minute (above: HTTP 429 on the upgrade). */
  readonly connectionsPerMinute: number;
  /** Sustained messages per second per connection; above it and the burst: close 4429. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** Unsent bytes after which a connection is a slow consumer: close 4429. */
  readonly maxBufferedBytes: number;
  /** Largest awareness state of one client, in bytes of JSON; larger ones are dropped. */
  readonly maxAwarenessBytes: number;
  /** Awareness messages per second per connection; extra ones are dropped. */
  readonly awarenessPerSecond: number;
  /**
   * How long presence keeps the clock of a client that left (forgetDepartedClients): kept
   * forever, it grew with every visitor of a board held open for weeks.
   */
  readonly presenceForgetMs: number;
  /**
   * Ping interval; a connection that missed a whole interval's pong is terminated, and its
   * presence leaves the others' boards with it. A colleague whose connection drops without a
   * close (Wi-Fi lost, laptop shut) is gone from them one to two intervals later: awareness
   * alone takes 30 s (y-protocols' timeout, which clients renewing every 15 s need), and 30 s
   * pings took as long (QA14 F1). Each ping is a 2-byte frame answered by a 6-byte pong.
   */
  readonly pingIntervalMs: number;
  /** Most updates stored in one batch (one storage transaction). */
  readonly maxBatch: number;
  /** First and longest wait between retries of a failed save. */
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /**
   * How long a server change (a REST request) waits for a batch that fails to be stored for a
   * full disk before it is answered 507 storage_full: the room retries for as long as the disk
   * stays full, and a request used to wait with it (300 s, once, on creating a board).
   */
  readonly fullDiskWaitMs: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_SYNC_OPTIONS: SyncOptions = Object.freeze({
  maxMessageBytes: 2 * MiB,
  roomGraceMs: 30_000,
  compactEvery: 500,
  logRetentionDays: 30,
  connectionsPerMinute: 3_000,
  messagesPerSecond: 300,
  messageBurst: 1_000,
  maxBufferedBytes: 16 * MiB,
  maxAwarenessBytes: 8 * 1024,
  awarenessPerSecond: 30,
  presenceForgetMs: FORGET_DEPARTED_MS,
  pingIntervalMs: 5_000,
  maxBatch: 1_000,
  retryMinMs: 50,
  retryMaxMs: 5_000,
  fullDiskWaitMs: 3_000,
});
