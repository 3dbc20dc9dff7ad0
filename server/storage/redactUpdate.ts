/**
 * Takes values out of a stored Yjs update (a log row or a snapshot) without changing anything
 * else in it: a lead's redaction of a comment (server/comments/redactComment) must leave the
 * board's stored past whole, so that it still loads, an export "as of" a moment still rebuilds it
 * and a deleted card can still be restored, only without the comment's words.
 *
 * The struct ids the redaction names are those of every value the comment's text key held
 * (StructRange); each such value in the update is replaced by an empty string. A map value is
 * one struct of length 1 whatever it holds, so the update keeps its structs, clocks and delete
 * set as they were: every doc that applied the old update, and every update after it, agrees with
 * the new one. Yjs has no public API to rewrite an update, so it is decoded (Y.decodeUpdate) and
 * written again in the v1 format, struct by struct, as Yjs's own encoder writes it.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Clocks `clock` to `clock + length - 1` of a Yjs client. */
export interface StructRange {
  readonly client: number;
  readonly clock: number;
  readonly length: number;
}

const covers = (ranges: readonly StructRange[], client: number, clock: number): boolean =>
  ranges.some((r) => r.client === client && clock >= r.clock && clock < r.clock + r.length);

type Decoded = ReturnType<typeof Y.decodeUpdate>;
type Struct = Decoded['structs'][number];

/** The update with those values emptied, or null when it holds none (nothing to rewrite). */
export function redactUpdate(
  update: Uint8Array,
  ranges: readonly StructRange[],
): Uint8Array | null {
  const { structs, ds } = Y.decodeUpdate(update);
  let changed = false;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
    const { client, clock } = struct.id;
    const content = struct.content;
    content.arr = content.arr.map((value, i) => {
      if (value === '' || !covers(ranges, client, clock + i)) return value;
      changed = true;
      return '';
    });
  }
  return changed ? encodeUpdate(structs, ds) : null;
}

/** Writes decoded structs and delete set as a v1 update (Yjs's writeClientsStructs layout). */
function encodeUpdate(structs: readonly Struct[], ds: Decoded['ds']): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  // The decoder gives each client's structs together, in clock order.
  const runs: Struct[][] = [];
  for (const struct of structs) {
    const run = runs[runs.length - 1];
    if (run && run[0]?.id.client === struct.id.client) run.push(struct);
    else runs.push([struct]);
  }
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    const first = run[0] as Struct;
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(first.id.client);
    encoding.writeVarUint(encoder.restEncoder, first.id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, ds.clients.size);
  for (const [client, items] of ds.clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const item of items) {
      encoder.writeDsClock(item.clock);
      encoder.writeDsLen(item.len);
    }
  }
  return encoder.toUint8Array();
}

/**
 * Every value the comment map's `key` has held, by struct id: the live value and, leftwards,
 * those it replaced. The server's doc (gc on) keeps each replaced value's struct, its content
 * dropped, under its parent map while the map itself is on the board.
 */
export function valueRanges(map: Y.Map<unknown>, key: string): StructRange[] {
  const ranges: StructRange[] = [];
  for (let item = map._map.get(key) ?? null; item; item = item.left) {
    ranges.push({ client: item.id.client, clock: item.id.clock, length: item.length });
  }
  return ranges;
}
