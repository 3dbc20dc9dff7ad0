/**
 * What passes through a room's serial queue (Job) and what one turn of it gathers to store and
 * then send (Batch). Their own file because the room's collaborators (RoomWrites, RoomSaver,
 * publishBatch, loadRoom) each read or fill a batch, and none of them needs the Room.
 */
import type * as Y from 'yjs';
import type { Actor } from '../../shared/board/actor';
import type {
  ChangeKey,
  ClientBinding,
  DeletedPlacesRecord,
  HistoryEvent,
} from '../storage/Storage';
import type { ChangeOptions } from './ChangeOptions';
import type { Connection } from './Connection';

export type Job =
  | {
      readonly kind: 'write';
      readonly conn: Connection;
      readonly update: Uint8Array;
      /** The places of what it is lost to were read from storage (DeletedPlaces.unread). */
      readonly placesRead?: true;
    }
  | { readonly kind: 'syncStep1'; readonly conn: Connection; readonly stateVector: Uint8Array }
  | { readonly kind: 'join'; readonly conn: Connection }
  | {
      readonly kind: 'change';
      readonly actor: Actor;
      readonly options: ChangeOptions;
      readonly fn: (doc: Y.Doc) => unknown;
      readonly settle: Settle;
    }
  | { readonly kind: 'read'; readonly fn: (doc: Y.Doc) => unknown; readonly settle: Settle };

export interface Settle {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface Batch {
  readonly at: number;
  /** A write ran in this turn: replies must wait for the next one. */
  wrote: boolean;
  readonly updates: { readonly update: Uint8Array; readonly origin: unknown }[];
  readonly bindings: ClientBinding[];
  readonly history: HistoryEvent[];
  /** What this turn's deletions took (DeletedPlaces), stored with their history events. */
  readonly places: DeletedPlacesRecord[];
  /** The Idempotency-Keys of this turn's server changes (ChangeOptions.key), with them. */
  readonly keys: ChangeKey[];
  readonly acks: Set<Connection>;
  readonly resync: Set<Connection>;
  readonly settled: (() => void)[];
  /** Called with storage's refusal when the batch could not be stored. */
  readonly failed: ((error: unknown) => void)[];
  /** Settles the `stored` of the StorageFullError its waiters were given (RoomSaver). */
  stored: { readonly resolve: () => void; readonly reject: (error: unknown) => void } | null;
}

/** A turn's batch as it starts, at the turn's time: nothing gathered yet. */
export function newBatch(at: number): Batch {
  return {
    at,
    wrote: false,
    updates: [],
    bindings: [],
    history: [],
    places: [],
    keys: [],
    acks: new Set(),
    resync: new Set(),
    settled: [],
    failed: [],
    stored: null,
  };
}
