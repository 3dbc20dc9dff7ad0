/**
 * REST changes a client may send again: with an `Idempotency-Key` header, a board's change
 * (an article's import, a card's restore, a comment's redaction) is done once however often
 * the request comes, and a repeat answers what the first would have. Found by QA: a change
 * answered 507 after it was applied (it waits, on the board, for a full disk to have space) is
 * stored later, and a client that sent it again made it twice.
 *
 * Remembered per board and member, in this process's memory: at most KEYS_PER_BOARD keys per
 * board (the oldest go first) for KEEP_MS each. A repeat of a request that:
 * - was answered (2xx): gets that answer again, with `Idempotency-Replayed: true`;
 * - was answered 507 with its change kept on the board (StorageFullError `held`): is answered
 *   once what waited is stored, as the first would have been, its change not made again (the
 *   route runs with the first's result in place of its change); 507 again while it waits;
 * - failed otherwise: nothing was done, so it runs again;
 * - comes while the first is still being answered: 409 `idempotency_key_in_use`.
 * The same key with another request (method, path or body) is 409 `idempotency_key_reused`.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { HttpError } from '../errors';
import { StorageFullError } from '../sync/StorageFullError';
import type { SyncServer } from '../sync/SyncServer';

/** What a route answers: its status and JSON body; null when it answered nobody (client gone). */
export type Reply = { readonly status: number; readonly body: unknown } | null;

type Entry = { readonly digest: string; readonly at: number } & (
  | { readonly state: 'running' }
  | { readonly state: 'held'; readonly result: unknown }
  | { readonly state: 'done'; readonly reply: NonNullable<Reply> }
);

/** Enough for a newsroom's retries during an outage; an article's answer can be 100s of KB. */
export const KEYS_PER_BOARD = 100;
export const KEEP_MS = 24 * 60 * 60 * 1000;
/** Visible ASCII, as a UUID or any client's own scheme writes it. */
const KEY = /^[\x21-\x7e]{1,200}$/;
const NONE = Symbol('none');

/** The sync server with `change` replaced (the rest delegates to it). */
function withChange(sync: SyncServer, change: SyncServer['change']): SyncServer {
  return Object.assign(Object.create(sync) as SyncServer, { change });
}

function digestOf(req: Request): string {
  const hash = createHash('sha256').update(`${req.method} ${req.originalUrl}\n`);
  const body: unknown = req.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) hash.update(body);
  else hash.update(JSON.stringify(body ?? null));
  return hash.digest('base64url');
}

export class IdempotencyKeys {
  private readonly boards = new Map<string, Map<string, Entry>>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

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
    run: (sync: SyncServer) => Promise<Reply>,
  ): Promise<void> {
    const header = req.get('Idempotency-Key');
    if (header === undefined) return send(res, await run(sync));
    if (!KEY.test(header)) {
      throw new HttpError(
        400,
        'invalid_input',
        'Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID, say).',
      );
    }
    const key = `${memberId}\n${header}`;
    const digest = digestOf(req);
    const entries = this.entriesOf(boardId);
    const entry = entries.get(key);
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
      return send(res, entry.reply);
    }
    let replay: unknown = NONE;
    if (entry?.state === 'held') {
      // A read answers once what was queued before it is stored, the first change among it;
      // while the disk is still full it is refused at once (507), and the entry stays.
      await sync.read(boardId, () => undefined);
      replay = entry.result;
    }
    const at = this.now();
    this.remember(entries, key, { digest, at, state: 'running' });
    let result: unknown = NONE;
    const change: SyncServer['change'] =
      replay !== NONE
        ? async <T>() => replay as T
        : (id, actor, fn, options) =>
            sync.change(
              id,
              actor,
              (doc) => {
                const value = fn(doc);
                result = value;
                return value;
              },
              options,
            );
    let reply: Reply;
    try {
      reply = await run(withChange(sync, change));
    } catch (error) {
      if (error instanceof StorageFullError && error.held && result !== NONE) {
        entries.set(key, { digest, at, state: 'held', result });
      } else if (entry) {
        entries.set(key, entry); // the first's change still waits to be stored
      } else {
        entries.delete(key);
      }
      throw error;
    }
    if (reply === null) {
      if (entry) entries.set(key, entry);
      else entries.delete(key);
      return;
    }
    entries.set(key, { digest, at, state: 'done', reply });
    if (replay !== NONE) res.setHeader('Idempotency-Replayed', 'true');
    send(res, reply);
  }

  /** The board's live entries; those past KEEP_MS go, every board's at most once a minute. */
  private entriesOf(boardId: string): Map<string, Entry> {
    const now = this.now();
    if (now - this.lastSweep >= 60_000) {
      this.lastSweep = now;
      for (const [id, entries] of this.boards) {
        for (const [key, e] of entries) if (now - e.at >= KEEP_MS) entries.delete(key);
        if (entries.size === 0) this.boards.delete(id);
      }
    }
    let entries = this.boards.get(boardId);
    if (!entries) {
      entries = new Map();
      this.boards.set(boardId, entries);
    }
    return entries;
  }

  private remember(entries: Map<string, Entry>, key: string, entry: Entry): void {
    entries.delete(key);
    entries.set(key, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= KEYS_PER_BOARD) break;
      entries.delete(oldest);
    }
  }
}

function send(res: Response, reply: Reply): void {
  if (reply) res.status(reply.status).json(reply.body);
}
