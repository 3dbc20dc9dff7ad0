/**
 * Decoding a client's update before anything else looks at it: garbage, duplicate client
 * blocks (Yjs's own reader would silently keep only the last one, so what we check and what
 * Yjs applies could differ) and absurd clocks are refused as malformed (4400).
 */
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { SyncError } from './SyncError';

export type Struct = Y.Item | Y.GC | Y.Skip;
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** One client's structs in an update: consecutive clocks from `from` to `to` (exclusive). */
export interface ClientRun {
  readonly from: number;
  readonly to: number;
  readonly structs: readonly Struct[];
}

export interface DecodedUpdate {
  readonly runs: ReadonlyMap<number, ClientRun>;
  readonly ds: DeleteSet;
}

/** Honest documents stay far below this many operations per client. */
const MAX_CLOCK = 2 ** 31;

const malformed = (why: string) => new SyncError(CLOSE.malformed, `malformed update: ${why}`);

export function decodeUpdate(update: Uint8Array): DecodedUpdate {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw malformed('does not decode');
  }
  const runs = new Map<number, { from: number; to: number; structs: Struct[] }>();
  let previous: number | null = null;
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    if (!(struct.length > 0) || end > MAX_CLOCK) throw malformed('bad clock range');
    const run = runs.get(client);
    if (run && previous === client) {
      run.to = end;
      run.structs.push(struct);
    } else if (run) {
      throw malformed('client appears twice');
    } else {
      runs.set(client, { from: clock, to: end, structs: [struct] });
    }
    previous = client;
  }
  for (const ranges of decoded.ds.clients.values()) {
    for (const r of ranges) {
      if (!(r.len > 0) || r.clock + r.len > MAX_CLOCK) throw malformed('bad delete range');
    }
  }
  return { runs, ds: decoded.ds };
}
