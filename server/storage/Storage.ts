/**
 * What the server keeps, behind one interface so that a second backend (e.g. Postgres for
 * scale-out) can follow SQLite. Every backend passes the contract suite in
 * test/server/storage/storageContract.ts.
 *
 * Board content is an append-only log of Yjs updates plus snapshots. A snapshot never
 * deletes the rows it covers at once: rows and older snapshots are kept for the retention
 * period, so the board can be rebuilt as it was at any moment inside that period.
 */
import type { Actor } from '../../shared/board/actor';
import type { Role } from '../../shared/roles';

export interface BoardRecord {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
}

export interface InviteRecord {
  readonly id: string;
  readonly boardId: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  /** First time a connection was made with this invite's token. */
  readonly joinedAt: number | null;
}

export interface HistoryEvent {
  readonly boardId: string;
  readonly cardId: string | null;
  /** e.g. card.created, card.moved, card.edited, verdict.set, evidence.added, comment.posted */
  readonly type: string;
  readonly actor: Actor;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface StoredHistoryEvent extends HistoryEvent {
  readonly seq: number;
}

/** A board's content as stored: the newest snapshot and the updates after it, in order. */
export interface StoredContent {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last update (0 when there is none). */
  readonly lastSeq: number;
  /** How many updates follow the snapshot: the room compacts when this grows. */
  readonly updatesSinceSnapshot: number;
}

export interface Storage {
  createBoard(board: BoardRecord): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | null>;
  /** Whether any board exists (the demo board is made only in an empty store). */
  hasBoards(): Promise<boolean>;

  createInvite(invite: InviteRecord): Promise<void>;
  getInvite(id: string): Promise<InviteRecord | null>;
  listInvites(boardId: string): Promise<readonly InviteRecord[]>;
  revokeInvite(id: string, at: number): Promise<void>;
  markJoined(id: string, at: number): Promise<void>;

  /** Appends one update; resolves once it is durable, with its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array, at: number): Promise<number>;
  loadContent(boardId: string): Promise<StoredContent>;
  /** The board as of `at`: the newest snapshot at or before it and the updates up to it. */
  loadContentAt(boardId: string, at: number): Promise<StoredContent>;
  /** Stores a snapshot that covers every update up to `uptoSeq`. */
  writeSnapshot(boardId: string, snapshot: Uint8Array, uptoSeq: number, at: number): Promise<void>;
  /** Drops log rows and snapshots older than `before`, keeping what loading needs. */
  prune(boardId: string, before: number): Promise<void>;

  appendHistory(events: readonly HistoryEvent[]): Promise<void>;
  listHistory(boardId: string, cardId?: string): Promise<readonly StoredHistoryEvent[]>;

  close(): Promise<void>;
}

/** A Yjs client id that an invite has written with: nobody else may write with it (DESIGN §3). */
export interface ClientBinding {
  readonly clientId: number;
  readonly inviteId: string;
}

/** What one turn of a room stores at once: its updates, the client ids they bind, their history. */
export interface UpdateBatch {
  readonly updates: readonly Uint8Array[];
  readonly bindings: readonly ClientBinding[];
  readonly history: readonly HistoryEvent[];
  readonly at: number;
}

/**
 * What the sync server needs beyond Storage. A batch is one durable transaction, so an update is
 * never stored without the binding of its client id or its history events (and one fsync covers
 * every update a room received while the previous batch was being written).
 */
export interface SyncStorage extends Storage {
  /** Stores the batch atomically; resolves once durable, with the last update's sequence number. */
  appendBatch(boardId: string, batch: UpdateBatch): Promise<number>;
  listClientBindings(boardId: string): Promise<readonly ClientBinding[]>;
}
