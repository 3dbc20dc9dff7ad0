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
import type { StructRange } from './redactUpdate';

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
  /**
   * The lead who revoked it (their invite's id and name): null while it is not revoked, and for
   * an invite revoked before its board's history recorded who (3 December 2026: layout 10 took
   * the rest from there).
   */
  readonly revokedBy: Actor | null;
  /** Its role's last change, by which lead and when; null if none (the history's since layout 10). */
  readonly roleChange: { readonly by: Actor; readonly at: number } | null;
  /** First time a connection was made with this invite's token. */
  readonly joinedAt: number | null;
  /**
   * When it stops opening the board, ms since the epoch; null for never. Kept here, not in the
   * token, so that a lead can extend it or end it without sending a new link.
   */
  readonly expiresAt: number | null;
  /** The lead who last set its expiry (the one its holder is told to ask); null with none. */
  readonly expirySetBy: Actor | null;
}

/** An invite's new role, checked against the one the caller read, and its history event. */
export interface InviteRoleChange {
  readonly inviteId: string;
  readonly from: Role;
  readonly to: Role;
  readonly event: HistoryEvent;
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

/** The most events one listHistory call returns, whatever limit it is asked for. */
export const MAX_HISTORY_PAGE = 1000;

/**
 * One page of a board's history, by keyset on seq (served by the history_board and
 * history_card indexes, so a page costs the same on a board of any size).
 *
 * With `after`, the page starts right after that seq and walks forward (polling for what is
 * new, or reading everything from `after: 0`); without it, the page ends right before `before`
 * (or at the newest event) and walks back (the latest events, then older pages on demand).
 */
export interface HistoryQuery {
  readonly cardId?: string;
  /** Only events with a greater seq. */
  readonly after?: number;
  /** Only events with a smaller seq. */
  readonly before?: number;
  /** Clamped to 1…MAX_HISTORY_PAGE. */
  readonly limit: number;
}

export interface HistoryPage {
  /** Oldest first, whichever way the page walks. */
  readonly events: readonly StoredHistoryEvent[];
  /** Whether more events lie beyond the page in the direction it walks. */
  readonly more: boolean;
  /**
   * On a page walking back (no `after`): how many matching events lie before its first one (0
   * when none do), so a reader of the latest pages knows the whole history's length. Absent on
   * a page walking forward.
   */
  readonly older?: number;
}

/** The limit a backend uses for a query: an integer in 1…MAX_HISTORY_PAGE. */
export function historyLimit(query: HistoryQuery): number {
  const limit = Math.floor(query.limit);
  return Number.isFinite(limit) ? Math.min(Math.max(limit, 1), MAX_HISTORY_PAGE) : MAX_HISTORY_PAGE;
}

export interface CompactOptions {
  readonly state?: Uint8Array;
  readonly pruneBefore: number;
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

/**
 * A new board whole, created (POST /api/boards) or imported (a JSON export): its record, its
 * first content, its history and its lead invite.
 */
export interface NewBoardRecord {
  readonly board: BoardRecord;
  /** The whole board as one Yjs update, stored at the board's `createdAt`. */
  readonly update: Uint8Array;
  /** Its history, in order, each event with the new board's id (none for a created board). */
  readonly history: readonly HistoryEvent[];
  readonly lead: InviteRecord;
  /** The request's Idempotency-Key and answer, stored with the board (none: no key). */
  readonly answer?: StoredAnswer;
}

/**
 * A lead's redaction of a comment's text (server/comments/redactComment): what storage scrubs.
 */
export interface CommentRedaction {
  readonly boardId: string;
  readonly commentId: string;
  /** Every value the comment's text key has held, by struct id (redactUpdate). */
  readonly ranges: readonly StructRange[];
  /** Who redacted it and when: each history event that held its words says so instead. */
  readonly by: Actor;
  readonly at: number;
}

/** How many stored rows a redaction rewrote. */
export interface RedactionCounts {
  readonly updates: number;
  readonly snapshots: number;
  readonly history: number;
}

export interface Storage {
  /**
   * A board's record alone, without content or invite: what tests and benchmarks
   * (bench/compaction.ts, bench/export.ts) build boards on, so that every update row, seq and
   * invite they count or list is one they wrote (a lead invite would also lift the last-lead
   * refusals they test). The server makes its boards with createBoardWithLead. Refused with a
   * StorageError: board_exists.
   */
  createBoard(board: BoardRecord): Promise<void>;
  /**
   * Stores a new board, created or imported, all of it or nothing (one transaction): a crash, a
   * failed write or a shutdown can never leave a board without its content, part of its
   * history, or no invite that opens it (nobody could open it, and the creator's retry made a
   * second). Refused with a StorageError: board_exists, invite_exists.
   */
  createBoardWithLead(created: NewBoardRecord): Promise<void>;
  getBoard(id: string): Promise<BoardRecord | null>;
  /**
   * Removes the board and everything stored of it, for good, in one transaction: its record,
   * invites, updates (those still waiting to be stored first), snapshots, history, client-id
   * bindings and deleted places. Other boards keep everything. From the call on, appending to
   * the board or compacting it is refused (StorageError board_not_found), and a compaction
   * already running for it is waited for, so nothing of it is written back afterwards. SQLite
   * zeroes the freed space and then empties its WAL, so that no byte of the board is left in
   * the data directory's files (a WAL a long read keeps busy is reported through onError).
   * Resolves whether the board existed.
   */
  deleteBoard(id: string): Promise<boolean>;
  /** Whether any board exists (the demo board is made only in an empty store). */
  hasBoards(): Promise<boolean>;

  /**
   * Stores a new invite and, given `event` (who invited whom: invite.issued), appends it to its
   * board's history and, given `answer`, keeps the request's Idempotency-Key with its answer,
   * all or none. Refused with a StorageError: board_not_found, invite_exists.
   */
  createInvite(invite: InviteRecord, event?: HistoryEvent, answer?: StoredAnswer): Promise<void>;
  getInvite(id: string): Promise<InviteRecord | null>;
  listInvites(boardId: string): Promise<readonly InviteRecord[]>;
  /**
   * Revokes an invite at `at` and, given `event` (who revoked whose access: invite.revoked),
   * appends it to its board's history, both or neither; the event's actor is kept with the
   * invite as its revokedBy (none without an event). An invite revoked already keeps its
   * first time and records nothing again (two leads revoking at once record one revocation).
   * Resolves whether this call revoked it. Refused with a StorageError last_lead when it is the
   * board's last lead invite that lasts (checkBoardKeepsLead), or a lead's when none lasts.
   */
  revokeInvite(id: string, at: number, event?: HistoryEvent): Promise<boolean>;
  markJoined(id: string, at: number): Promise<void>;
  /**
   * Sets an invite's role and appends `change.event` to its board's history, both or neither,
   * so the history never misses a change; the event's actor and time are kept with the invite
   * as its roleChange. Refused with a StorageError: invite_not_found,
   * invite_revoked, role_conflict (its role is not `from` any more: read it again), last_lead
   * (a lead's invite leaving the role when no other unrevoked lead invite is on its board).
   */
  changeInviteRole(change: InviteRoleChange): Promise<void>;
  /**
   * Sets when an invite stops opening its board (null: never), and which lead set it. Resolves
   * the invite as now stored, or null when there is no such invite or it is revoked (a revoked
   * invite stays as it was). Given `event` (who set whose expiry from when to when:
   * invite.expiry), it is appended to the board's history with the change, both or neither.
   * Refused with a StorageError last_lead when it would make the board's last lead invite that
   * lasts expire (checkBoardKeepsLead).
   */
  setInviteExpiry(
    id: string,
    expiresAt: number | null,
    by: Actor,
    event?: HistoryEvent,
  ): Promise<InviteRecord | null>;

  /** Appends one update; resolves once it is durable, with its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array, at: number): Promise<number>;
  loadContent(boardId: string): Promise<StoredContent>;
  /** The board as of `at`: the newest snapshot at or before it and the updates up to it. */
  loadContentAt(boardId: string, at: number): Promise<StoredContent>;
  /**
   * Stores a snapshot, taken at `at`, of the board as its stored updates up to `uptoSeq` make
   * it, then drops the log rows and snapshots that no moment since `pruneBefore` needs.
   *
   * `state` is that snapshot when the caller has it already (a room encodes a small board
   * itself: far cheaper than rebuilding it). Without it the backend builds the snapshot from
   * the stored updates (applied as a room loads them, applyStoredContent) wherever suits it:
   * SQLite does it on a worker thread. Resolves with the snapshot's size in bytes; when it has
   * to build one and nothing follows the newest snapshot up to `uptoSeq`, no snapshot is
   * written and that one's size (or 0) is returned.
   */
  compact(boardId: string, uptoSeq: number, at: number, options: CompactOptions): Promise<number>;

  /**
   * Takes a redacted comment's words out of everything stored of its board, all of it or
   * nothing (one transaction): its values in every log row and snapshot kept (redactUpdate;
   * each stays a valid update of the same structs, so the board and its past still load), and
   * `text` and `was` in its history events, emptied and marked `redacted: {by, at}`. The
   * SQLite backend then rebuilds its file (VACUUM), which rewritten rows leave old bytes in, and
   * empties its WAL, all on its thread: the event loop goes on relaying every board's edits.
   */
  redactComment(redaction: CommentRedaction): Promise<RedactionCounts>;

  appendHistory(events: readonly HistoryEvent[]): Promise<void>;
  listHistory(boardId: string, query: HistoryQuery): Promise<HistoryPage>;

  close(): Promise<void>;
}

/** A Yjs client id that an invite has written with: nobody else may write with it (DESIGN §3). */
export interface ClientBinding {
  readonly clientId: number;
  readonly inviteId: string;
}

/**
 * A card deleted, or an evidence item removed, as a write lost to it names it (write.lost):
 * the card, the evidence item and its url, the card's claim, what went and who took it.
 */
export interface DeletedHolder {
  readonly cardId: string;
  readonly evidenceId: string | null;
  readonly evidenceUrl: string | null;
  readonly claim: string | null;
  readonly deleted: 'card' | 'evidence';
  readonly deletedBy: Actor | null;
}

/** Clocks `clock` to `clock + length - 1` of a Yjs client: one struct that a deletion took. */
export interface DeletedStruct {
  readonly client: number;
  readonly clock: number;
  readonly length: number;
  /** The map key it held a value of; null for the card's or the evidence item's own struct. */
  readonly key: string | null;
}

/**
 * The structs a deleted card or removed evidence item held (DeletedPlaces): a write that
 * reaches the server later names one of them, and nothing else says what it was for.
 */
export interface DeletedPlacesRecord {
  readonly holder: DeletedHolder;
  readonly structs: readonly DeletedStruct[];
}

/** A struct by its first clock or any other. */
export interface StructId {
  readonly client: number;
  readonly clock: number;
}

/**
 * A REST request's Idempotency-Key with its answer (server/http/IdempotencyKeys), for a repeat
 * to get again, after a restart too. That of an invite, a new board or an imported board is
 * stored in the transaction that writes it: saved after it, a stop between the two left the
 * invite or board made and its key forgotten, and the client's retry made a second.
 */
export interface StoredAnswer {
  /** Where IdempotencyKeys keeps the key: a board's id, NEW_BOARDS or IMPORTED_BOARDS. */
  readonly boardId: string;
  /** The key as IdempotencyKeys scopes it (the member's id or address and the header). */
  readonly key: string;
  /** The request's hash: the same key with another request is refused. */
  readonly digest: string;
  readonly status: number;
  readonly body: unknown;
  readonly createdAt: number;
}

/**
 * A REST change's Idempotency-Key, stored with the change it made (server/http/IdempotencyKeys)
 * as the board's held entry: its result, for a repeat to be answered with in place of doing it
 * again. Stored apart, a stop between the two left the change without its key, done again by
 * the client's retry after the restart.
 */
export interface ChangeKey {
  /** The key as IdempotencyKeys scopes it (the member's id and the header). */
  readonly key: string;
  /** The request's hash (IdempotencyKeys' digest). */
  readonly digest: string;
  /** The change's result as JSON. */
  readonly result: string;
  readonly createdAt: number;
}

/**
 * What one turn of a room stores at once: its updates, the client ids they bind, their history,
 * the places of what its deletions took and the keys of the REST changes made in it (none if
 * absent).
 */
export interface UpdateBatch {
  readonly updates: readonly Uint8Array[];
  readonly bindings: readonly ClientBinding[];
  readonly history: readonly HistoryEvent[];
  readonly places?: readonly DeletedPlacesRecord[];
  readonly keys?: readonly ChangeKey[];
  readonly at: number;
}

/** An evidence item that the history records as removed from a card (evidence.removed). */
export interface RemovedEvidence {
  readonly cardId: string;
  readonly evidenceId: string;
}

/** An article that the history records as removed (article.removed), by its digests. */
export interface RemovedArticle {
  readonly articleId: string;
  /** textDigest of its text; null in events recorded before digests were kept. */
  readonly textDigest: string | null;
  /** articleDigest of all its fields; null in events recorded before it was kept. */
  readonly articleDigest: string | null;
}

/** A card that the history records as deleted (card.deleted), by its source's digest. */
export interface DeletedCardSource {
  readonly cardId: string;
  /** sourceDigest of the source it quoted. */
  readonly sourceDigest: string;
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
  /**
   * Every evidence item the board's history records as removed, oldest removal first (an item
   * removed twice is listed twice): a room reads them as it loads, so that an item put back
   * later (its remover's Undo) is told from new evidence however long ago it was removed.
   */
  listRemovedEvidence(boardId: string): Promise<readonly RemovedEvidence[]>;
  /**
   * Every article the board's history records as removed with the digest of its text, oldest
   * first: a room reads them as it loads, so that an article put back by an Undo is taken only
   * with the text it had, however long ago it was removed (HistoryDigests).
   */
  listRemovedArticles(boardId: string): Promise<readonly RemovedArticle[]>;
  /**
   * Every card the board's history records as deleted with the digest of its source, oldest
   * first (cards that quoted nothing, and deletions recorded before the digest was kept, are
   * left out): a card put back by an Undo may quote what it quoted (HistoryDigests).
   */
  listDeletedCardSources(boardId: string): Promise<readonly DeletedCardSource[]>;
  /**
   * The stored places (appendBatch's `places`) that hold each of `ids`, each with only the
   * struct holding it (none for an id no deletion took): a room that loaded after the deletion
   * reads them when a write names such an id, and only then (write.lost).
   */
  findDeletedPlaces(
    boardId: string,
    ids: readonly StructId[],
  ): Promise<readonly DeletedPlacesRecord[]>;
}
