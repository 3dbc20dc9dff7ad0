/**
 * REST changes a client may send again: with an `Idempotency-Key` header, a board's change
 * (an article's import, a card's restore, a comment's redaction, an invite) or a new board,
 * created or imported (kept under NEW_BOARDS and IMPORTED_BOARDS for the sender's address) is
 * done once however often the request comes, and a repeat answers what the first would have.
 * Found by QA: a change
 * answered 507 after it was applied (it waits, on the board, for a full disk to have space) is
 * stored later, and a client that sent it again made it twice.
 *
 * Remembered per board and member, in this process's memory and, for the answers (2xx), in the
 * SQLite file (`store`: sqliteIdempotencyKeys), read back at start, so that a repeat after a
 * restart gets the same answer too; where the file cannot take one (a full disk) it is kept in
 * memory only, and a restart forgets it. A board's change is stored with its key (held, with
 * the change's result: ChangeOptions.key), in its batch's transaction: saved after it, a stop
 * in between (a second or more for a change held for a full disk) left the change made and its
 * key forgotten, and the client's retry after the restart made it again. An invite's, a new
 * board's and an imported board's answer is stored likewise, with the invite or board (`keep`,
 * given to the route, makes the entry its write stores: StoredAnswer). At most KEYS_PER_PERSON keys
 * per member of a board (per address for new boards) for KEEP_MS each, and answers of at most `boardBytes` per board and `totalBytes` in all
 * (FACTBOARD_IDEMPOTENCY_BOARD_BYTES, …_TOTAL_BYTES): an article's answer can be hundreds of KB,
 * so 100 keys on each of a busy server's boards held tens of MB. Past a bound the oldest go
 * first, the board's or any board's; the one just written stays, however large. A repeat of a
 * request that:
 * - was answered (2xx): gets that answer again, with `Idempotency-Replayed: true`;
 * - was answered 507 with its change kept on the board (StorageFullError `held`), or not
 *   answered (failed, its client gone, the server stopped) after its change was stored: is
 *   answered once what waited is stored, as the first would have been, its change not made
 *   again (the route runs with the first's result in place of its change); 507 again while it
 *   waits;
 * - failed otherwise: nothing was done, so it runs again;
 * - comes while the first is still being answered: 409 `idempotency_key_in_use`.
 * The same key with another request (method, path or body) is 409 `idempotency_key_reused`.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { HttpError } from '../errors';
import type { StoredAnswer } from '../storage/Storage';
import { HELD, type IdempotencyStore } from '../storage/sqliteIdempotencyKeys';
import { StorageFullError } from '../sync/StorageFullError';
import type { SyncServer } from '../sync/SyncServer';

/** What a route answers: its status and JSON body; null when it answered nobody (client gone). */
export type Reply = { readonly status: number; readonly body: unknown } | null;
/**
 * The key's entry for `reply`, for the route's write to store in its transaction (none: no key,
 * or no store). The route then answers with this very reply, not saved again.
 */
export type KeepAnswer = (reply: NonNullable<Reply>) => StoredAnswer | undefined;

type Entry = { readonly digest: string; readonly at: number } & (
  | { readonly state: 'running' }
  | { readonly state: 'held'; readonly result: unknown }
  | { readonly state: 'done'; readonly reply: NonNullable<Reply> }
);

/** What is kept of an entry: it, and what it counts against the bounds. */
type Kept = { readonly entry: Entry; readonly bytes: number };
/** Bytes of remembered answers (and held results) kept, one board's and every board's. */
export interface IdempotencyLimits {
  readonly boardBytes: number;
  readonly totalBytes: number;
}

/**
 * Where the keys of requests that create a new board (POST /api/boards) are kept, as a board's
 * are, scoped by the sender's address: there is no board or member yet. No board id has a space.
 */
export const NEW_BOARDS = 'new boards';
/**
 * Those of board imports (POST /api/boards/import), likewise, with KEYS_PER_PERSON of their own:
 * kept with NEW_BOARDS, a lead importing 100 boards pushed out the key of a board being created,
 * and its retry after a lost answer made a second board.
 */
export const IMPORTED_BOARDS = 'imported boards';

/**
 * Enough for a newsroom's retries during an outage; each person's (a member's, an address's):
 * a board's 100 together let one person's retries push out another's key, whose retry after a
 * lost answer then did it again.
 */
export const KEYS_PER_PERSON = 100;
const KEEP_MS = 24 * 60 * 60 * 1000;
/** Visible ASCII, as a UUID or any client's own scheme writes it. */
const KEY = /^[\x21-\x7e]{1,200}$/;
const NONE = Symbol('none');

/** The sync server with `change` replaced (the rest delegates to it). */
function withChange(sync: SyncServer, change: SyncServer['change']): SyncServer {
  return Object.assign(Object.create(sync) as SyncServer, { change });
}

/** Whose a kept key is: the member's id or sender's address `answer` scoped it by. */
function personOf(key: string): string {
  return key.slice(0, key.indexOf('\n'));
}

function digestOf(req: Request): string {
  const hash = createHash('sha256').update(`${req.method} ${req.originalUrl}\n`);
  const body: unknown = req.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest('base64url');
}

/** What an entry counts against the bounds: its answer's (or held result's) JSON, its key. */
function bytesOf(key: string, entry: Entry): number {
  const kept =
    entry.state === 'done' ? entry.reply.body : entry.state === 'held' ? entry.result : null;
  return key.length + entry.digest.length + Buffer.byteLength(JSON.stringify(kept) ?? '');
}

export class IdempotencyKeys {
  /** Each board's entries, oldest first, their bytes and how many each person has. */
  private readonly boards = new Map<
    string,
    { readonly kept: Map<string, Kept>; readonly counts: Map<string, number>; bytes: number }
  >();
  /** Every board's entries, oldest first, as [boardId, key] under `${boardId} ${key}`. */
  private readonly order = new Map<string, readonly [string, string]>();
  private bytes = 0;
  private lastSweep = 0;

  constructor(
    private readonly limits: IdempotencyLimits,
    private readonly store: IdempotencyStore | null = null,
  ) {
    for (const a of store?.list(Date.now() - KEEP_MS) ?? []) {
      const { digest, createdAt: at } = a;
      const entry: Entry =
        a.status === HELD
          ? { digest, at, state: 'held', result: a.body }
          : { digest, at, state: 'done', reply: { status: a.status, body: a.body } };
      this.put(a.boardId, a.key, entry, false);
    }
  }

  /**
   * Answers the request with what `run` replies, run with `sync`, or as the key says (above).
   * `memberId` scopes the key: another member's same key is another request.
   */
  async answer(
    req: Request,
    res: Response,
    sync: SyncServer,
    boardId: string,
    memberId: string,
    run: (sync: SyncServer, keep: KeepAnswer) => Promise<Reply>,
  ): Promise<void> {
    const header = req.get('Idempotency-Key');
    if (header === undefined) return sendReply(res, await run(sync, () => undefined));
    if (!KEY.test(header)) {
      throw new HttpError(
        400,
        'invalid_input',
        'Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID, say).',
      );
    }
    const key = `${memberId}\n${header}`;
    const digest = digestOf(req);
    this.sweep();
    const entry = this.boards.get(boardId)?.kept.get(key)?.entry;
    if (entry && entry.digest !== digest) {
      throw new HttpError(
        409,
        'idempotency_key_reused',
        'This Idempotency-Key was sent with another request; send a new key with a new request.',
      );
    }
    if (entry?.state === 'running') {
      throw new HttpError(
        409,
        'idempotency_key_in_use',
        'A request with this Idempotency-Key is still being answered; send it again once it is.',
      );
    }
    if (entry?.state === 'done') {
      res.setHeader('Idempotency-Replayed', 'true');
      return sendReply(res, entry.reply);
    }
    let replay: unknown = NONE;
    if (entry?.state === 'held') {
      // A read answers once what was queued before it is stored, the first change among it;
      // while the disk is still full it is refused at once (507), and the entry stays.
      await sync.read(boardId, () => undefined);
      replay = entry.result;
    }
    const at = Date.now();
    this.put(boardId, key, { digest, at, state: 'running' });
    /** The change's result, once it ran in the board (the first's, in a repeat of a held one). */
    let result: unknown = replay;
    /** Whether the change is stored, with its key: a repeat must not make it again. */
    let stored = replay !== NONE;
    const change: SyncServer['change'] =
      replay !== NONE
        ? async <T>() => replay as T
        : async (id, actor, fn, options) => {
            // Stored in the change's batch: never the change without its key, whenever the
            // server stops. Only a change of the key's own board carries it.
            const own = id === boardId;
            const value = await sync.change(
              id,
              actor,
              (doc) => {
                const made = fn(doc);
                result = made;
                return made;
              },
              own && this.store ? { ...options, key: { key, digest, createdAt: at } } : options,
            );
            if (own) stored = true;
            return value;
          };
    /** The reply whose entry the route's write stored (keep). */
    let kept: Reply = null;
    const keep: KeepAnswer = (reply) => {
      if (!this.store) return undefined;
      kept = reply;
      return { boardId, key, digest, status: reply.status, body: reply.body, createdAt: at };
    };
    let reply: Reply;
    try {
      reply = await run(withChange(sync, change), keep);
    } catch (error) {
      // What the write stored with its key was undone (an import whose client left) or is not
      // the answer: a repeat runs again.
      if (kept) this.store?.remove(boardId, key).catch(() => undefined);
      // Held for a full disk, it is on the board already, stored (with its key) once there is space.
      const held = error instanceof StorageFullError && error.held;
      this.keepIfMade(boardId, key, digest, at, stored || held ? result : NONE);
      throw error;
    }
    if (reply === null) {
      if (kept) this.store?.remove(boardId, key).catch(() => undefined);
      this.keepIfMade(boardId, key, digest, at, stored ? result : NONE);
      return;
    }
    this.put(boardId, key, { digest, at, state: 'done', reply }, reply !== kept);
    if (replay !== NONE) res.setHeader('Idempotency-Replayed', 'true');
    sendReply(res, reply);
  }

  /**
   * After a request that was not answered: its change, if made (`result`), is held, for a
   * repeat to be answered with rather than made again (its entry in the store came with it);
   * without one, nothing was done, and the key is forgotten.
   */
  private keepIfMade(
    boardId: string,
    key: string,
    digest: string,
    at: number,
    result: unknown,
  ): void {
    if (result === NONE) this.drop(boardId, key);
    else this.put(boardId, key, { digest, at, state: 'held', result });
  }

  /** Entries past KEEP_MS go, every board's at most once a minute. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    // Also those whose removal below a full disk refused.
    this.store?.removeBefore(now - KEEP_MS).catch(() => undefined);
    for (const [boardId, key] of this.order.values()) {
      const kept = this.boards.get(boardId)?.kept.get(key);
      if (kept && now - kept.entry.at >= KEEP_MS) this.drop(boardId, key);
    }
  }

  /**
   * Keeps `entry` as the newest (an answer in the store too, unless `save` is false: read from
   * it, or stored with its write), then forgets the oldest past a bound (never it).
   */
  private put(boardId: string, key: string, entry: Entry, save = true): void {
    this.drop(boardId, key);
    if (entry.state === 'done' && save && this.store) {
      const { digest, at: createdAt, reply } = entry;
      // Refused by a full disk (or a closing storage), it is remembered in memory only.
      this.store
        .save({ boardId, key, digest, status: reply.status, body: reply.body, createdAt })
        .catch(() => undefined);
    }
    let board = this.boards.get(boardId);
    if (!board) {
      board = { kept: new Map(), counts: new Map(), bytes: 0 };
      this.boards.set(boardId, board);
    }
    const bytes = bytesOf(key, entry);
    board.kept.set(key, { entry, bytes });
    board.bytes += bytes;
    const person = personOf(key);
    board.counts.set(person, (board.counts.get(person) ?? 0) + 1);
    this.order.set(`${boardId} ${key}`, [boardId, key]);
    this.bytes += bytes;
    // Past the count, the person's own oldest go; past the bytes, the board's.
    for (const oldest of board.kept.keys()) {
      if (oldest === key) break;
      const tooMany = (board.counts.get(person) ?? 0) > KEYS_PER_PERSON;
      const tooLarge = board.bytes > this.limits.boardBytes;
      if (!tooMany && !tooLarge) break;
      if (tooLarge || personOf(oldest) === person) this.drop(boardId, oldest);
    }
    for (const [id, oldest] of this.order.values()) {
      if (this.bytes <= this.limits.totalBytes || (id === boardId && oldest === key)) break;
      this.drop(id, oldest);
    }
  }

  private drop(boardId: string, key: string): void {
    const board = this.boards.get(boardId);
    const kept = board?.kept.get(key);
    if (!board || !kept) return;
    if (kept.entry.state !== 'running') this.store?.remove(boardId, key).catch(() => undefined);
    board.kept.delete(key);
    const person = personOf(key);
    const count = (board.counts.get(person) ?? 0) - 1;
    if (count > 0) board.counts.set(person, count);
    else board.counts.delete(person);
    board.bytes -= kept.bytes;
    this.bytes -= kept.bytes;
    this.order.delete(`${boardId} ${key}`);
    if (board.kept.size === 0) this.boards.delete(boardId);
  }
}

/** Answers with `reply`; null: the client left, nobody is there to answer. */
export function sendReply(res: Response, reply: Reply): void {
  if (reply) res.status(reply.status).json(reply.body);
}
