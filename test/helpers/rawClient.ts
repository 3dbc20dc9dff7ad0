/**
 * A raw y-protocols client: a bare ws socket that sends exactly the bytes a test gives it
 * (hostile or honest), keeps a mirror doc of what the server sends, and records the close.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MESSAGE } from '../../shared/protocol/messages';
import { waitFor } from './waitFor';

export interface RawClient {
  readonly ws: WebSocket;
  /** What the server sent, applied: the server's view as this client sees it. */
  readonly mirror: Y.Doc;
  /** Every message received, raw. */
  readonly received: Uint8Array[];
  /** State vectors of the sync step 1 messages the server sent. */
  readonly step1s: Map<number, number>[];
  readonly saved: Map<number, number>[];
  readonly awareness: awarenessProtocol.Awareness;
  readonly closed: Promise<{ code: number; reason: string }>;
  /** The close, or a rejection if the server keeps the socket open longer than `ms`. */
  closedWithin(ms?: number): Promise<{ code: number; reason: string }>;
  opened(): Promise<void>;
  send(bytes: Uint8Array): void;
  sendSyncStep1(stateVector?: Uint8Array): void;
  sendStep2(update: Uint8Array): void;
  sendUpdate(update: Uint8Array): void;
  sendAwareness(update: Uint8Array): void;
  /** Sends step 1 and waits for the server's step 2 (the mirror is then complete). */
  sync(): Promise<void>;
  close(): void;
}

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export function syncFrame(type: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, type);
    encoding.writeVarUint8Array(e, payload);
  });
}

export function awarenessFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** The update that `fn` makes on a copy of what the raw client has seen. */
export function updateFrom(raw: RawClient, fn: (doc: Y.Doc) => void): Uint8Array {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror));
  const updates: Uint8Array[] = [];
  local.on('update', (u: Uint8Array) => updates.push(u));
  fn(local);
  return Y.mergeUpdates(updates);
}

export function connectRaw(syncUrl: string, boardId: string, token: string): RawClient {
  const ws = new WebSocket(`${syncUrl}/${encodeURIComponent(boardId)}?token=${token}`);
  const mirror = new Y.Doc();
  const received: Uint8Array[] = [];
  const step1s: Map<number, number>[] = [];
  const saved: Map<number, number>[] = [];
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  let step2s = 0;
  ws.on('error', () => {});
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    received.push(bytes);
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === 0) step1s.push(Y.decodeStateVector(payload));
      else Y.applyUpdate(mirror, payload, 'server');
      if (sub === 1) step2s++;
    } else if (type === MESSAGE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(d), 'server');
    } else if (type === MESSAGE.saved) {
      saved.push(Y.decodeStateVector(decoding.readVarUint8Array(d)));
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const send = (bytes: Uint8Array) => ws.send(bytes);
  const opened = () =>
    new Promise<void>((resolve, reject) => {
      if (ws.readyState === ws.OPEN) return resolve();
      ws.once('open', () => resolve());
      ws.once('close', (code) => reject(new Error(`closed before open: ${code}`)));
    });
  return {
    ws,
    mirror,
    received,
    step1s,
    saved,
    awareness,
    closed,
    closedWithin: (ms = 3_000) =>
      Promise.race([
        closed,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms).unref(),
        ),
      ]),
    opened,
    send,
    sendSyncStep1: (sv = Y.encodeStateVector(mirror)) => send(syncFrame(0, sv)),
    sendStep2: (update) => send(syncFrame(1, update)),
    sendUpdate: (update) => send(syncFrame(2, update)),
    sendAwareness: (update) => send(awarenessFrame(update)),
    async sync() {
      await opened();
      const before = step2s;
      send(syncFrame(0, Y.encodeStateVector(mirror)));
      await waitFor(() => step2s > before, { what: 'sync step 2 from the server' });
    },
    close: () => ws.close(),
  };
}
