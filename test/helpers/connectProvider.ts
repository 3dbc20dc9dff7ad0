/**
 * A real y-websocket WebsocketProvider in Node (ws as its WebSocket), as a browser would use
 * it, plus what tests need: the storage acknowledgments it received and the close events.
 */
import type * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { readClaims } from '../../client/app/tokenClaims';
import type { CommandContext } from '../../shared/board/origin';
import { cardsMap } from '../../shared/board/schema';
import {
  decodeSavedPayload,
  decodeStorageFull,
  isSaved,
  MESSAGE,
} from '../../shared/protocol/messages';
import { waitFor } from './waitFor';

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Highest acknowledged clock per client id. */
  readonly saved: Map<number, number>;
  readonly closes: { code: number; reason: string }[];
  /** What the server said of its disk (message 102), in order: true when full. */
  readonly storageFull: boolean[];
  /**
   * Commands run in this client's own name, its invite's id and name (from its token): the
   * server takes cards, evidence, articles and comments only in the sender's name.
   */
  readonly as: CommandContext;
  synced(): Promise<void>;
  /** Resolves once everything this client wrote is acknowledged as stored. */
  allSaved(timeout?: number): Promise<void>;
  /**
   * Resolves once a card written elsewhere (a page, another client) is in this client's doc:
   * its writer's "saved" does not say the server's relay to this client has arrived yet.
   */
  cardArrived(cardId: string): Promise<void>;
  destroy(): void;
}

export function connectProvider(
  syncUrl: string,
  boardId: string,
  token: string,
  opts: { doc?: Y.Doc; connect?: boolean } = {},
): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, two providers in one process would sync
    // through it and bypass the server.
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 200,
  });
  const saved = new Map<number, number>();
  provider.messageHandlers[MESSAGE.saved] = (_encoder, decoder: decoding.Decoder) => {
    for (const [client, clock] of decodeSavedPayload(decoder)) {
      saved.set(client, Math.max(clock, saved.get(client) ?? 0));
    }
  };
  // Invites changed (101): nothing here lists invites, and unhandled it is logged as an error.
  provider.messageHandlers[MESSAGE.invitesChanged] = () => undefined;
  const storageFull: boolean[] = [];
  provider.messageHandlers[MESSAGE.storageFull] = (_encoder, decoder: decoding.Decoder) => {
    storageFull.push(decodeStorageFull(decoder));
  };
  const closes: { code: number; reason: string }[] = [];
  const claims = readClaims(token);
  const as = { actor: { id: claims?.inviteId ?? '', name: claims?.name ?? '' } };
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    saved,
    closes,
    storageFull,
    as,
    async synced() {
      await waitFor(() => provider.synced, { what: 'provider synced' });
    },
    async allSaved(timeout = 5_000) {
      await waitFor(() => isSaved(doc, saved), { what: 'saved acknowledgment', timeout });
    },
    async cardArrived(cardId) {
      await waitFor(() => cardsMap(doc).has(cardId), { what: `card ${cardId} in this client` });
    },
    destroy() {
      provider.destroy();
      // The provider leaves its awareness alone (it may have been given one): undestroyed, it
      // kept its 3 s interval, and with it the doc, for as long as the test process ran.
      provider.awareness.destroy();
    },
  };
}
