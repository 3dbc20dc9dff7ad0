/**
 * Message types on the sync socket. 0–3 are y-websocket's own; 100 and 101 are Factboard's,
 * sent by the server only. 100 is the storage acknowledgment, sent to the connection whose
 * writes it has just stored:
 *
 *   varUint(100) · varUint8Array(stateVector) · varUint(writes)
 *
 * where stateVector is encoded like Y.encodeStateVector but lists only the client ids that this
 * connection writes with, each with the clock up to which the server has stored its updates,
 * and `writes` is how many write messages (sync step 2 and sync update) the server has
 * processed from this socket so far, all of them stored (or found redundant) by the time the
 * acknowledgment leaves.
 *
 * Why a count: a delete-only change (removing a map key) adds no struct and moves no clock, so
 * clocks alone can never show that it is stored. A client that counts the write messages it
 * sent on the current socket knows every one of them is stored once `writes` reaches that
 * count. It needs no new client→server message (which every server role would have to accept)
 * and costs one varUint per acknowledgment. Decoders that predate the count read the state
 * vector and stop (`decodeSavedPayload`); unmodified y-websocket clients ignore type 100.
 *
 * 101 says that the board's invites changed: one was made, revoked, joined for the first time
 * or given another role. It is `varUint(101)` alone, sent to every open connection of the
 * board once the change is stored, so that what a page shows of the invites (Invite people,
 * the Activity feed's role changes) is read again as it happens rather than at the next
 * opening. It carries nothing of the change: each page asks the REST API, which shows each
 * person what their role may see.
 *
 * 102 says whether the server can store the board's changes:
 *
 *   varUint(102) · varUint(full)
 *
 * `full` 1: storing them failed because the server's disk is full (SQLITE_FULL, ENOSPC). The
 * server keeps them in memory and retries; they are acknowledged (100) once stored, not before,
 * and whoever holds them should keep them. `full` 0: storing works again (sent just before the
 * acknowledgments of what waited). Sent to every open connection of the board when the state
 * changes, and at once to a connection that joins while it is full, so that a page can say why
 * its changes wait rather than only that they do. Without it a page could tell a dead link or
 * a slow server from a full disk by nothing but the time the acknowledgment takes. Unmodified
 * y-websocket clients ignore it, as they ignore 100 and 101 (logged as a message they cannot
 * handle).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { varUintBytes, writeVarUint } from './varUint';

export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saved: 100,
  invitesChanged: 101,
  storageFull: 102,
} as const;

/** Message 102: whether the server's disk is full, so changes wait unstored (see above). */
export function encodeStorageFull(full: boolean): Uint8Array {
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, MESSAGE.storageFull);
  encoding.writeVarUint(out, full ? 1 : 0);
  return encoding.toUint8Array(out);
}

/** Reads message 102's payload (after its type has been read): whether storage is full. */
export function decodeStorageFull(decoder: decoding.Decoder): boolean {
  return decoding.readVarUint(decoder) !== 0;
}

/** Message 101: the board's invites changed (see above). */
export function encodeInvitesChanged(): Uint8Array {
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, MESSAGE.invitesChanged);
  return encoding.toUint8Array(out);
}

/**
 * Message 100 for the client ids in `clients` whose clock (`clockOf`) is above 0. Written into
 * one array of its exact size, a few dozen bytes, which V8 keeps on its heap: the server sends
 * one to each writer after each stored batch, and lib0 encoders would take two buffers of 100
 * bytes outside the heap, and copies, for each.
 */
export function encodeSaved(
  clients: Iterable<number>,
  clockOf: (client: number) => number,
  writes: number,
): Uint8Array {
  let count = 0;
  let svBytes = 0;
  for (const client of clients) {
    const clock = clockOf(client);
    if (clock === 0) continue;
    count++;
    svBytes += varUintBytes(client) + varUintBytes(clock);
  }
  svBytes += varUintBytes(count);
  const out = new Uint8Array(
    varUintBytes(MESSAGE.saved) + varUintBytes(svBytes) + svBytes + varUintBytes(writes),
  );
  let at = writeVarUint(out, MESSAGE.saved, 0);
  at = writeVarUint(out, svBytes, at);
  at = writeVarUint(out, count, at);
  for (const client of clients) {
    const clock = clockOf(client);
    if (clock === 0) continue;
    at = writeVarUint(out, client, at);
    at = writeVarUint(out, clock, at);
  }
  writeVarUint(out, writes, at);
  return out;
}

/** Reads the clocks of a saved message (after its type has been read), and stops there. */
export function decodeSavedPayload(decoder: decoding.Decoder): Map<number, number> {
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

export interface SavedAck {
  readonly clocks: Map<number, number>;
  /** Write messages stored from this socket; null from a server that does not count them. */
  readonly writes: number | null;
}

/** Reads the whole payload of a saved message (after its type has been read). */
export function decodeSavedAck(decoder: decoding.Decoder): SavedAck {
  const clocks = decodeSavedPayload(decoder);
  return { clocks, writes: decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : null };
}

/** Whether a message the client sends is a write: sync step 2 or sync update. */
export function isWriteMessage(message: Uint8Array): boolean {
  const d = decoding.createDecoder(message);
  if (!decoding.hasContent(d) || decoding.readVarUint(d) !== MESSAGE.sync) return false;
  if (!decoding.hasContent(d)) return false;
  const sub = decoding.readVarUint(d);
  return sub === messageYjsSyncStep2 || sub === messageYjsUpdate;
}

/**
 * Whether every struct this doc's own client wrote is covered by acknowledged clocks. Clocks
 * only: a delete-only change also needs the acknowledgment's write count (see above).
 */
export function isSaved(doc: Y.Doc, acknowledged: ReadonlyMap<number, number>): boolean {
  const local = Y.getState(doc.store, doc.clientID);
  return local === 0 || (acknowledged.get(doc.clientID) ?? 0) >= local;
}
