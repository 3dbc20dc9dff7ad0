/**
 * What the server says it stored, and whether its disk is full: its acknowledgments (message
 * 100), its storage-full state (102, or a close with 4507), the state vector of its sync step 1
 * (all stored) and the updates it relays (stored before it relays them). They move the
 * SaveTracker that says "Saving…" or "Saved". Its own class so that BoardConnection wires the
 * provider's messages here rather than holding this state beside its snapshot.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { writeUpdate } from 'y-protocols/sync';
import { CLOSE } from '../../shared/protocol/closeCodes';
import { decodeSavedAck, decodeStorageFull, MESSAGE } from '../../shared/protocol/messages';
import { withoutUpdateEvents } from '../../shared/yjs/withoutUpdateEvents';
import type { DeviceCopy } from './DeviceCopy';
import type { SaveTracker } from './SaveTracker';
import { noteStoredWrites, unstoredWrites } from './writeCountingSocket';

/** y-protocols' sync message types: step 1 (a state vector), step 2 and update (content). */
const SYNC_STEP_1 = 0;
const SYNC_UPDATE = 2;
/** Sync content from this size on is applied without 'update' events (withoutUpdateEvents). */
const QUIET_APPLY_BYTES = 1024 * 1024;

type MessageHandler = (
  encoder: unknown,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void;

/** What of the connection the server's answers move. */
export interface ServerSavesDeps {
  readonly doc: Y.Doc;
  readonly tracker: SaveTracker;
  readonly deviceCopy: DeviceCopy | null;
  /** The server stored more of this person's writes (BoardConnection.noteStored). */
  readonly noteStored: () => void;
  /** Something the snapshot shows changed. */
  readonly changed: () => void;
}

export class ServerSaves {
  /**
   * The server said its disk is full (102, or a close with 4507: the board could not be loaded)
   * and has acknowledged nothing since. Kept across a reconnection: a server still full says so
   * again as the socket joins, and one that has space answers the sync (synced).
   */
  private full = false;
  /** The server's state vector from its last sync step 1: what it is known to store. */
  private serverState: Map<number, number> | null = null;

  constructor(private readonly deps: ServerSavesDeps) {}

  get storageFull(): boolean {
    return this.full;
  }

  /** Handles the provider's acknowledgment, storage-full and sync messages. */
  wire(provider: WebsocketProvider): void {
    const { doc, tracker } = this.deps;
    const handlers = provider.messageHandlers as unknown as MessageHandler[];
    handlers[MESSAGE.saved] = (_encoder, decoder, p) => {
      const ack = decodeSavedAck(decoder);
      const unstored = unstoredWrites(p.ws);
      const allWrites = noteStoredWrites(p.ws, ack.writes);
      const moved = tracker.acknowledge(ack.clocks, { allWrites });
      if (moved) this.deps.noteStored();
      // Something was stored: the disk has space again (a restarted server says no 102).
      const stored = this.full;
      this.full = false;
      if (moved || stored || unstoredWrites(p.ws) !== unstored) this.deps.changed();
    };
    handlers[MESSAGE.storageFull] = (_encoder, decoder) => {
      this.full = decodeStorageFull(decoder);
      this.deps.changed();
    };
    const sync = handlers[MESSAGE.sync] as MessageHandler;
    handlers[MESSAGE.sync] = (encoder, decoder, p, emitSynced, type) => {
      const peek = decoding.clone(decoder);
      const kind = decoding.readVarUint(peek);
      if (kind === SYNC_STEP_1) {
        // The server's sync step 1 carries its state vector: everything in it is stored.
        const serverState = Y.decodeStateVector(decoding.readVarUint8Array(peek));
        this.serverState = serverState;
        // It proves clocks only: a delete waits for an acknowledgment that counts its message.
        if (tracker.acknowledge(serverState, { allWrites: false })) {
          this.deps.noteStored();
          this.deps.changed();
        }
      }
      // A subarray, not a copy: read only when another tab's change waits (acknowledgeRelayed).
      const relayed =
        kind === SYNC_UPDATE ? decoding.readVarUint8Array(decoding.clone(peek)) : null;
      if (kind !== SYNC_STEP_1 && decoder.arr.byteLength - decoder.pos >= QUIET_APPLY_BYTES) {
        // A large board arriving: skip the re-encoding for 'update' listeners (see
        // withoutUpdateEvents). The provider would ignore it; the store and IndexedDB are told
        // here, IndexedDB with the bytes as they came.
        const update = decoding.readVarUint8Array(peek);
        withoutUpdateEvents(doc, () => sync(encoder, decoder, p, emitSynced, type));
        this.deps.changed();
        this.deps.deviceCopy?.keep(update);
        if (relayed) this.acknowledgeRelayed(relayed);
        return;
      }
      sync(encoder, decoder, p, emitSynced, type);
      if (relayed) this.acknowledgeRelayed(relayed);
    };
  }

  /** The socket closed: for a board that could not be loaded for a full disk, retried, and said meanwhile. */
  connectionClosed(event: CloseEvent | null): void {
    if (event?.code === CLOSE.storageFull) this.full = true;
  }

  /**
   * The server answered the sync: no batch of the board waits for space (its room answers only
   * between them), and the board loaded.
   */
  synced(): void {
    this.full = false;
  }

  /**
   * Sends the server what the doc holds that it did not store (work made offline, loaded from
   * IndexedDB), as the provider would have sent it. Before the server's sync step 1 has
   * arrived, the provider's answer to it carries that instead.
   */
  sendMissing(provider: WebsocketProvider | null): void {
    const ws = provider?.ws;
    if (!provider?.wsconnected || !ws || ws.readyState !== ws.OPEN || !this.serverState) return;
    const { doc } = this.deps;
    const missing = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(this.serverState));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    writeUpdate(encoder, missing);
    ws.send(encoding.toUint8Array(encoder));
  }

  /**
   * The server relays an update only once it has stored it (publishBatch), so what it carries
   * of this browser's client ids is stored: another tab's change, say, whose acknowledgment
   * only that tab's socket gets. Without this a tab opened after another had written said
   * "Saving…" after each change of the other, until it wrote itself. Clocks only, as with
   * step 1. Parsed only while such a change waits: a parse costs about as much as applying.
   */
  private acknowledgeRelayed(update: Uint8Array): void {
    const { doc, tracker } = this.deps;
    if (!tracker.awaitsOtherTabs(doc)) return;
    if (tracker.acknowledge(Y.parseUpdateMeta(update).to, { allWrites: false })) {
      this.deps.noteStored();
      this.deps.changed();
    }
  }
}
