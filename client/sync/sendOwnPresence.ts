/**
 * The provider re-sends every awareness change it sees, colleagues' states included, which the
 * server refuses (a connection may set only its own presence). This sends only this client's
 * own, in place of the provider's handler.
 */
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE } from '../../shared/protocol/messages';

type AwarenessListener = (
  change: { added: number[]; updated: number[]; removed: number[] },
  origin: unknown,
) => void;

/** Replaces the provider's awareness echo; returns what stops sending. */
export function sendOwnPresence(
  provider: WebsocketProvider,
  awareness: Awareness,
  doc: Y.Doc,
): () => void {
  const echo = (provider as unknown as { _awarenessUpdateHandler: AwarenessListener })
    ._awarenessUpdateHandler;
  awareness.off('update', echo);
  const sendOwn: AwarenessListener = (change, origin) => {
    if (origin === provider) return;
    const own = [...change.added, ...change.updated, ...change.removed].filter(
      (id) => id === doc.clientID,
    );
    const ws = provider.ws;
    if (own.length === 0 || !provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, own));
    ws.send(encoding.toUint8Array(encoder));
  };
  awareness.on('update', sendOwn);
  return () => awareness.off('update', sendOwn);
}
