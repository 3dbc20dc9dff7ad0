/**
 * One client socket: who it is (from its invite, never from what it sends), its rate limits,
 * and a guarded send that closes slow consumers. Frames are parsed here; what they mean for
 * the board is the room's business.
 */
import type { WebSocket } from 'ws';
import type { Actor } from '../../shared/board/actor';
import { CLOSE, type CloseCode } from '../../shared/protocol/closeCodes';
import type { Role } from '../../shared/roles';
import { encodeAwareness, parseClientMessage, type ClientMessage } from './syncMessages';
import { SyncError } from './SyncError';
import type { SyncOptions } from './syncOptions';
import { TokenBucket } from './tokenBucket';

export interface ConnectionIdentity {
  readonly boardId: string;
  readonly inviteId: string;
  readonly role: Role;
  readonly name: string;
}

export interface ConnectionHandlers {
  message(conn: Connection, message: ClientMessage): void;
  /** The code and reason this server closed it with, else those the socket closed with. */
  closed(conn: Connection, code: number, reason: string): void;
}

/**
 * ws closes a socket itself when a frame breaks the WebSocket protocol (1002), carries invalid
 * UTF-8 (1007) or is longer than maxPayload (1009); the contract's codes are 4400 and 4413.
 */
const WS_CLOSE_CODES: ReadonlyMap<number, [CloseCode, string]> = new Map([
  [1002, [CLOSE.malformed, 'malformed frame']],
  [1007, [CLOSE.malformed, 'malformed frame']],
  [1009, [CLOSE.tooLarge, 'message too large']],
]);

let nextId = 1;

interface SendOptions {
  readonly bulk?: boolean;
}
/** send's default, made once: a default `{}` would be a new object for every message sent. */
const NOT_BULK: SendOptions = {};
/**
 * What an idle socket gets at each round of the heartbeat: an awareness update of no clients,
 * which any y-websocket client applies as nothing. A page cannot see the pings (the browser
 * answers them unseen), so a socket gone dead the other way (a laptop's network switched, a NAT
 * that forgot it) is found by the page only when messages stop coming: with one every round,
 * in a few seconds (SILENCE_MS, client/sync/reconnectPolicy) rather than y-websocket's 30.
 */
const NOTHING_NEW = encodeAwareness(new Uint8Array([0]));
/**
 * The slowest link (bytes a millisecond: 8 KB/s) over which a bulk sync reply is given time to
 * arrive before the heartbeat judges the connection. A ping sent behind the reply is answered
 * only once the client has read all of it: judged by pongs alone, a 300-card board (500 KB)
 * at 30 KB/s was terminated every 10 s and never loaded (found by QA).
 */
const SLOWEST_LINK_BYTES_PER_MS = 8;

export class Connection {
  readonly id = nextId++;
  readonly actor: Actor;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessIds = new Set<number>();
  closed = false;
  /** What this server closed the socket with (for the log: a client need not echo it). */
  private closedWith: { code: number; reason: string } | null = null;
  /** Pings sent and not yet answered by a pong (a pong answers the oldest). */
  private unanswered = 0;
  /** Whether a message went out since the heartbeat's last round (see ping). */
  private sentSinceRound = false;
  /** Write messages the room has processed from this socket: the count in "saved" (100). */
  writes = 0;
  /** Bytes of bulk sync replies possibly still in the send buffer (see send). */
  private bulkAllowance = 0;
  /**
   * Until when the bulk sent may still be on its way (SLOWEST_LINK_BYTES_PER_MS): no longer once
   * a ping sent after it is answered (the client has read it all).
   */
  private bulkArrivesBy = 0;
  /** Pings sent, and the count the first ping sent after the latest bulk will make. */
  private pings = 0;
  private pingAfterBulk = 0;
  /** Messages are passed on to the room (see hold). */
  private listening = true;
  /** Messages that arrived while held and were dropped. */
  private dropped = 0;
  private readonly messages: TokenBucket;
  readonly awarenessBudget: TokenBucket;

  constructor(
    private readonly ws: WebSocket,
    readonly identity: ConnectionIdentity,
    private readonly options: SyncOptions,
    handlers: ConnectionHandlers,
  ) {
    this.actor = { id: identity.inviteId, name: identity.name };
    this.messages = new TokenBucket(options.messagesPerSecond, options.messageBurst);
    this.awarenessBudget = new TokenBucket(
      options.awarenessPerSecond,
      options.awarenessPerSecond * 2,
    );
    // ws rejects a bad frame from its header (a long one is never buffered) and then calls
    // this.close(<its code>) on the instance: translate those calls to the contract's codes.
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) => {
      const mapped = code === undefined ? undefined : WS_CLOSE_CODES.get(code);
      if (mapped) this.closedWith ??= { code: mapped[0], reason: mapped[1] };
      return mapped ? close(...mapped) : close(code, reason);
    };

    ws.on('message', (data, isBinary) => {
      if (this.closed) return;
      if (!this.listening) {
        this.dropped++;
        return;
      }
      try {
        if (!isBinary)
          throw new SyncError(CLOSE.malformed, 'text frames are not part of the protocol');
        if (!this.messages.take()) throw new SyncError(CLOSE.tooMany, 'too many messages');
        const bytes = toBytes(data);
        if (bytes.byteLength > options.maxMessageBytes) {
          throw new SyncError(CLOSE.tooLarge, 'message too large');
        }
        handlers.message(this, parseClientMessage(bytes));
      } catch (error) {
        // A client's bytes never take the server down: anything unexpected closes this socket.
        const refusal =
          error instanceof SyncError
            ? error
            : new SyncError(CLOSE.malformed, 'message not understood');
        this.close(refusal.closeCode, refusal.reason);
      }
    });
    ws.on('pong', () => {
      // A pong nobody asked for (a client may send one as its own heartbeat) answers nothing.
      if (this.unanswered === 0) return;
      this.unanswered--;
      // Pongs come in the pings' order: this one answers ping number pings - unanswered. One sent
      // after the bulk proves it read: a link that dies later is judged by its pings again, not
      // given the bulk's time at 8 KB/s (a 17 MB board: 35 minutes of a dead socket kept).
      if (this.pings - this.unanswered >= this.pingAfterBulk) this.bulkArrivesBy = 0;
    });
    ws.on('error', () => {
      // ws closes the socket after an error; the close event below does the cleanup.
    });
    ws.on('close', (code, reason) => {
      this.closed = true;
      const end = this.closedWith ?? { code, reason: reason.toString() };
      handlers.closed(this, end.code, end.reason);
    });
  }

  get inviteId(): string {
    return this.identity.inviteId;
  }

  get role(): Role {
    return this.identity.role;
  }

  /**
   * Sends one message, closing a slow consumer first. A sync reply (the whole board for a new
   * client, 17 MB for 10,000 cards) may exceed the buffer limit on its own: `bulk` bytes are
   * not held against the client while they drain. The buffer drains in order, so the part of
   * the bulk still unsent is at most what is buffered; the allowance shrinks with it. Only one
   * bulk reply is let off at a time: a client asks for the board once per socket, and one that
   * asked again and again while a reply still drained would otherwise have the server buffer a
   * whole board per ask, past any limit.
   */
  send(data: Uint8Array, options: SendOptions = NOT_BULK): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    const buffered = this.ws.bufferedAmount;
    this.bulkAllowance = Math.min(this.bulkAllowance, buffered);
    if (buffered - this.bulkAllowance > this.options.maxBufferedBytes) {
      this.close(CLOSE.tooMany, 'slow consumer');
      return;
    }
    if (options.bulk && this.bulkAllowance === 0) {
      this.bulkAllowance = data.byteLength;
      this.bulkArrivesBy =
        Math.max(Date.now(), this.bulkArrivesBy) + data.byteLength / SLOWEST_LINK_BYTES_PER_MS;
      this.pingAfterBulk = this.pings + 1;
    }
    this.sentSinceRound = true;
    this.ws.send(data);
  }

  /**
   * Holds this socket's writes until uncork(), so that a batch of messages leaves in one
   * system call instead of one per message. ws keeps its net.Socket in `_socket`.
   */
  cork(): void {
    (this.ws as unknown as { _socket?: { cork(): void } })._socket?.cork();
  }

  uncork(): void {
    (this.ws as unknown as { _socket?: { uncork(): void } })._socket?.uncork();
  }

  /**
   * Stops passing messages on: what arrives from now on is dropped (a role change is under
   * way, and what arrives after it must not be taken under the old role).
   */
  hold(): void {
    this.listening = false;
  }

  /**
   * Passes messages on again; false if any arrived while held: they were dropped, so the client
   * holds changes the server never took, and only a new socket (whose sync sends them again)
   * puts that right.
   */
  release(): boolean {
    const nothingDropped = this.dropped === 0;
    this.listening = true;
    this.dropped = 0;
    return nothingDropped;
  }

  close(code: CloseCode, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.closedWith = { code, reason };
    this.ws.close(code, reason);
  }

  /**
   * Sends the heartbeat's ping (see createSyncServer for when it is judged), and a message the
   * page sees to a socket sent nothing since the last round (NOTHING_NEW).
   */
  ping(): void {
    this.pings++;
    this.unanswered++;
    this.ws.ping();
    if (!this.sentSinceRound) this.send(NOTHING_NEW);
    this.sentSinceRound = false;
  }

  /**
   * Terminates a connection that has not answered the ping before the latest: it had a whole
   * interval to answer it. The latest may still be on its way, and so may every ping queued
   * behind a bulk sync reply that a slow link may still be bringing.
   */
  terminateIfSilent(): void {
    if (this.unanswered < 2 || Date.now() < this.bulkArrivesBy) return;
    this.closed = true;
    this.closedWith = { code: 1006, reason: 'no answer to ping' };
    this.ws.terminate();
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
