/**
 * Message types on the sync socket. 0–3 are y-websocket's own; 100 is Factboard's storage
 * acknowledgment, sent by the server to the connection whose updates it has just stored:
 *
 *   varUint(100) · varUint8Array(stateVector)
 *
 * where stateVector is encoded like Y.encodeStateVector but lists only the client ids that this
 * connection writes with, each with the clock up to which the server has stored its updates.
 * A client has "all changes saved" when, for its own doc.clientID, the acknowledged clock is at
 * least its local clock (see `isSaved`).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saved: 100,
} as const;

export function encodeSaved(clocks: ReadonlyMap<number, number>): Uint8Array {
  const sv = encoding.createEncoder();
  encoding.writeVarUint(sv, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(sv, client);
    encoding.writeVarUint(sv, clock);
  }
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, MESSAGE.saved);
  encoding.writeVarUint8Array(out, encoding.toUint8Array(sv));
  return encoding.toUint8Array(out);
}

/** Reads the payload of a saved message (after its type has been read). */
export function decodeSavedPayload(decoder: decoding.Decoder): Map<number, number> {
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/** Whether everything this doc's own client wrote is covered by an acknowledgment. */
export function isSaved(doc: Y.Doc, acknowledged: ReadonlyMap<number, number>): boolean {
  const local = Y.getState(doc.store, doc.clientID);
  return local === 0 || (acknowledged.get(doc.clientID) ?? 0) >= local;
}
