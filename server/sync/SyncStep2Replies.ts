/**
 * A room's answers to sync step 1: what the doc has that the client lacks. A fresh client's
 * answer (the whole board) is kept while the doc is unchanged, when large, since clients join a
 * board in waves. Its own class so that Room's turn only asks for the reply.
 */
import * as Y from 'yjs';
import { encodeSyncStep2 } from './syncMessages';

/**
 * A fresh client's sync reply (the whole board) is kept from this size on, until the next
 * change: encoding and framing 10,000 cards takes about 130 ms per joiner, and clients join a
 * board in waves (a newsroom opening it). Smaller boards are cheap to encode and not worth
 * the memory.
 */
const KEEP_FULL_STATE_BYTES = 1024 * 1024;

export class SyncStep2Replies {
  /** The sync step 2 for an empty state vector while the doc is unchanged, if large. */
  private fullState: Uint8Array | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** The doc changed: the kept reply is out of date. */
  changed(): void {
    this.fullState = null;
  }

  /** What the doc has that a client with this state vector lacks, as a sync step 2. */
  reply(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    if (this.fullState) return this.fullState;
    const message = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    if (message.byteLength >= KEEP_FULL_STATE_BYTES) this.fullState = message;
    return message;
  }
}
