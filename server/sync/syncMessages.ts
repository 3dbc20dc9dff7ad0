/**
 * The y-websocket wire format (y-protocols sync and awareness) as the server speaks it:
 * encoders for what it sends, and one strict parser for what clients send.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { MESSAGE } from '../../shared/protocol/messages';
import { varUintBytes, writeVarUint } from '../../shared/protocol/varUint';
import { SyncError } from './SyncError';

const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export type ClientMessage =
  | { readonly kind: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'write'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'queryAwareness' };

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });

/**
 * Written into one buffer of the exact size: a whole board's state (17 MB for 10,000 cards)
 * would otherwise be copied while the encoder grows and once more at the end.
 */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const header = frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint(e, update.byteLength);
  });
  const message = new Uint8Array(header.byteLength + update.byteLength);
  message.set(header);
  message.set(update, header.byteLength);
  return message;
}

/**
 * Written into one buffer of the exact size, from Node's shared pool: a lib0 encoder would take
 * a 100-byte buffer of its own and a copy, each outside the JS heap, for every update the room
 * broadcasts. A Buffer also goes to each socket as it is (ws wraps any other Uint8Array in one
 * per send).
 */
export function encodeSyncUpdate(update: Uint8Array): Buffer {
  const length = varUintBytes(update.byteLength) + update.byteLength;
  const message = Buffer.allocUnsafe(
    varUintBytes(MESSAGE.sync) + varUintBytes(SYNC.update) + length,
  );
  let at = writeVarUint(message, MESSAGE.sync, 0);
  at = writeVarUint(message, SYNC.update, at);
  at = writeVarUint(message, update.byteLength, at);
  message.set(update, at);
  return message;
}

export const encodeAwareness = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, update);
  });

const malformed = (why: string) => new SyncError(CLOSE.malformed, why);

/** Parses one client frame; anything else than the messages above is malformed (4400). */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === SYNC.step1) {
        Y.decodeStateVector(payload); // throws on garbage
        return { kind: 'syncStep1', stateVector: payload };
      }
      if (sub === SYNC.step2 || sub === SYNC.update) return { kind: 'write', update: payload };
      throw malformed('unknown sync message');
    }
    if (type === MESSAGE.awareness) {
      return { kind: 'awareness', update: decoding.readVarUint8Array(d) };
    }
    if (type === MESSAGE.queryAwareness) return { kind: 'queryAwareness' };
    throw malformed('unknown message type');
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw malformed('message does not decode');
  }
}
