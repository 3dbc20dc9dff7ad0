/**
 * The provider's WebSocket, counting the write messages (sync step 2 and sync update) it sends,
 * and holding the count the server last acknowledged as stored on it (message 100). Both
 * belong to one socket, as the server's count does, so they start at zero with every
 * connection. y-websocket sends everything through `ws.send` (its broadcast helper, its
 * replies, its step 1), so counting there sees every write whatever path sent it.
 */
import { isWriteMessage } from '../../shared/protocol/messages';

export interface WriteCounts {
  /** Write messages sent on this socket. */
  writesSent: number;
  /** Write messages the server has acknowledged as stored, from this socket. */
  writesStored: number;
}

type SendData = Parameters<WebSocket['send']>[0];

function bytesOf(data: SendData): Uint8Array | null {
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null;
}

/** A WebSocket class (the browser's or a polyfill) whose instances keep WriteCounts. */
export function writeCountingSocket(Base: typeof WebSocket): typeof WebSocket {
  return class WriteCountingSocket extends Base implements WriteCounts {
    writesSent = 0;
    writesStored = 0;

    override send(data: SendData): void {
      super.send(data);
      const bytes = bytesOf(data);
      if (bytes && isWriteMessage(bytes)) this.writesSent++;
    }
  };
}

/** Write messages sent on `ws` and not yet acknowledged as stored (0 for no socket). */
export function unstoredWrites(ws: WebSocket | null): number {
  const counts = ws as (WebSocket & Partial<WriteCounts>) | null;
  return (counts?.writesSent ?? 0) - (counts?.writesStored ?? 0);
}

/**
 * Records the server's count of stored writes on `ws` (null, from a server that does not count
 * them, is taken as all of them); returns whether every write sent on `ws` is stored.
 */
export function noteStoredWrites(ws: WebSocket | null, stored: number | null): boolean {
  const counts = ws as (WebSocket & Partial<WriteCounts>) | null;
  if (counts?.writesSent === undefined) return true;
  counts.writesStored = stored ?? counts.writesSent;
  return counts.writesStored >= counts.writesSent;
}
