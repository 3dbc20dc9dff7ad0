/**
 * A load-generating sync client speaking the y-websocket wire format with ws and y-protocols
 * directly, so one client type drives all three servers the same way. It keeps a Y.Doc for its
 * own edits only: updates from others are scanned for markers, not applied, which keeps the
 * load generator cheap and equal across servers.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { BenchError, withTimeout } from '../benchError';

const MESSAGE_SYNC = 0;
const READY_TIMEOUT_MS = 20_000;
const BARRIER_TIMEOUT_MS = 60_000;

export interface LoadClientOptions {
  readonly url: string;
  /** Do the sync handshake (step 1 both ways) before ready; false for the relay. */
  readonly handshake: boolean;
  /** Called with the payload of every sync update the server sends. */
  readonly onUpdate?: (update: Uint8Array) => void;
}

export class LoadClient {
  readonly doc = new Y.Doc();
  readonly ready: Promise<void>;
  /** The close code, once the socket has closed. */
  closeCode: number | undefined;
  private readonly ws: WebSocket;
  private readonly barriers: (() => void)[] = [];

  constructor(private readonly options: LoadClientOptions) {
    this.ws = new WebSocket(options.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    // Every local edit goes out as one update message, as a WebsocketProvider sends it.
    this.doc.on('update', (update: Uint8Array) => this.sendUpdate(update));
    const opened = new Promise<void>((resolve, reject) => {
      this.ws.once('open', resolve);
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data: Buffer) => this.receive(data));
    const closed = new Promise<never>((_, reject) => {
      this.ws.on('close', (code) => {
        this.closeCode = code;
        reject(new BenchError('closed', `socket closed with ${code} before it was ready`));
      });
    });
    closed.catch(() => undefined);
    const handshake = opened.then(() => {
      if (!options.handshake) return;
      this.ws.send(this.syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)));
      return new Promise<void>((resolve) => this.barriers.push(resolve));
    });
    this.ready = withTimeout(Promise.race([handshake, closed]), READY_TIMEOUT_MS, 'connecting');
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  sendUpdate(update: Uint8Array): void {
    if (this.open) this.ws.send(this.syncMessage((e) => syncProtocol.writeUpdate(e, update)));
  }

  /**
   * Resolves once the server has handled everything sent before: it answers this sync step 1
   * (with `stateVector`, so the answer is small) after the messages queued ahead of it.
   */
  barrier(stateVector: Uint8Array): Promise<void> {
    const answered = new Promise<void>((resolve) => this.barriers.push(resolve));
    this.ws.send(
      this.syncMessage((e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(e, stateVector);
      }),
    );
    return withTimeout(answered, BARRIER_TIMEOUT_MS, 'waiting for the server to catch up');
  }

  close(): void {
    this.ws.terminate();
    this.doc.destroy();
  }

  private syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private receive(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    // Awareness, Factboard's "saved" (100) and anything else are not part of the measure.
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const kind = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      // The server's state vector: send what it lacks of our own edits.
      this.ws.send(this.syncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc, payload)));
    } else if (kind === syncProtocol.messageYjsSyncStep2) {
      this.barriers.shift()?.();
    } else if (kind === syncProtocol.messageYjsUpdate) {
      this.options.onUpdate?.(payload);
    }
  }
}
