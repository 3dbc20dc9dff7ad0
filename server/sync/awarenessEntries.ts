/**
 * Awareness updates (y-protocols/awareness wire format) as entries, so the server can check
 * whose presence each one sets before applying it:
 *   varUint(count) · count × (varUint(clientID) · varUint(clock) · varString(JSON state))
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { SyncError } from './SyncError';

export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The state as JSON text; 'null' removes the client's presence. */
  readonly state: string;
}

export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state = decoding.readVarString(d);
      JSON.parse(state);
      entries.push({ clientId, clock, state });
    }
    return entries;
  } catch {
    throw new SyncError(CLOSE.malformed, 'awareness update does not decode');
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}
