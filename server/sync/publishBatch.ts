/**
 * What a room sends once a turn's batch is durable: the updates to everyone but their sender,
 * sync requests to the clients whose write had a gap, and "saved" to the writers. Its own file
 * because the order of these sends is the protocol's promise (no client sees state that is not
 * stored; a resync is counted before the ack that counts its gapped write).
 */
import * as Y from 'yjs';
import { encodeSaved } from '../../shared/protocol/messages';
import type { ClientBindings } from './ClientBindings';
import type { Connection } from './Connection';
import type { Batch } from './RoomBatch';
import type { SyncCounters } from './SyncCounters';
import { encodeSyncStep1, encodeSyncUpdate } from './syncMessages';

export interface PublishTo {
  readonly doc: Y.Doc;
  readonly conns: ReadonlySet<Connection>;
  readonly bindings: ClientBindings;
  readonly counters: SyncCounters;
  /** A client id's clock in the doc, for "saved" (made once by the room: it runs per ack). */
  readonly storedClock: (client: number) => number;
}

/** After a batch is durable: broadcast its updates, acknowledge them, answer resyncs. */
export function publishBatch(batch: Batch, to: PublishTo): void {
  const conns = [...to.conns];
  const { counters } = to;
  for (const conn of conns) conn.cork();
  try {
    for (const { update, origin } of batch.updates) {
      const message = encodeSyncUpdate(update);
      for (const conn of conns) {
        if (conn === origin) continue;
        conn.send(message);
        counters.updatesBroadcast++;
      }
    }
    // Resyncs before acks: a client answers step 1 with step 2 at once, so when it reads an
    // ack that counts a gapped write, the step 2 that repairs the gap is already counted
    // as unacknowledged on its side.
    if (batch.resync.size > 0) {
      const step1 = encodeSyncStep1(Y.encodeStateVector(to.doc));
      for (const conn of batch.resync) conn.send(step1);
    }
    for (const conn of batch.acks) {
      // The stored clock of every client id bound to this connection's invite.
      const clients = to.bindings.clientsOf(conn.inviteId);
      conn.send(encodeSaved(clients, to.storedClock, conn.writes));
    }
    counters.acksSent += batch.acks.size;
  } finally {
    // Each uncork is a write to the kernel (about 18 µs on loopback): peers waiting for the
    // edits go first, the senders' sockets (their "saved", and edits from others in the same
    // batch) after them.
    for (const conn of conns) if (!batch.acks.has(conn)) conn.uncork();
    for (const conn of conns) if (batch.acks.has(conn)) conn.uncork();
  }
  for (const settle of batch.settled) settle();
}
