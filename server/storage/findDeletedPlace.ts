/**
 * Where a struct a write is lost to was, among the places deletions took, as SQLite's
 * findStruct query finds it: the struct of that client starting nearest at or before the
 * clock, if it reaches the clock. The in-memory storage searches all its places so, and the
 * SQLite storage those still waiting in its pending log (PendingBatches).
 */
import type { DeletedHolder, DeletedPlacesRecord, DeletedStruct, StructId } from './Storage';

export interface HeldStruct {
  readonly struct: DeletedStruct;
  readonly holder: DeletedHolder;
}

export function findDeletedPlace(
  held: Iterable<HeldStruct>,
  { client, clock }: StructId,
): DeletedPlacesRecord | null {
  let found: HeldStruct | null = null;
  for (const p of held) {
    const { struct } = p;
    if (struct.client !== client || struct.clock > clock) continue;
    if (!found || struct.clock > found.struct.clock) found = p;
  }
  if (!found || found.struct.clock + found.struct.length <= clock) return null;
  return { holder: { ...found.holder }, structs: [{ ...found.struct }] };
}
