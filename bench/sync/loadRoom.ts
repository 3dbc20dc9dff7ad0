/**
 * Rooms full of load clients: connects them, gives each its own card, and reports every marker
 * a client receives from another client (exactly once per receiver).
 */
import type { ServerProcess } from '../servers/spawnServer';
import { roomUrl, type Target } from '../servers/targets';
import { addOwnCard, editRationale, scanMarkers } from './cardModel';
import { LoadClient } from './loadClient';

export interface BenchClient {
  /** Global index: the sender number in markers. */
  readonly index: number;
  readonly client: LoadClient;
  readonly cardId: string;
  /** Makes one marked card edit; the client's doc sends it at once. */
  edit(seq: number): void;
}

export type ReceiveHandler = (sender: number, seq: number) => void;

export async function connectRooms(
  target: Target,
  server: ServerProcess,
  rooms: number,
  clientsPerRoom: number,
  onReceive: ReceiveHandler,
): Promise<BenchClient[]> {
  const accesses = await Promise.all(
    Array.from({ length: rooms }, (_, r) => target.createRoom(server, r)),
  );
  const clients = accesses.flatMap((access, r) =>
    Array.from({ length: clientsPerRoom }, (_, j) => {
      const index = r * clientsPerRoom + j;
      const seen = new Set<number>();
      return {
        index,
        actor: access.actor,
        client: new LoadClient({
          url: roomUrl(access),
          handshake: target.speaksYjs,
          onUpdate: (update) =>
            scanMarkers(update, (sender, seq) => {
              // Some servers echo an update to its sender; that is not a delivery.
              const key = sender * 65_536 + seq;
              if (sender === index || seen.has(key)) return;
              seen.add(key);
              onReceive(sender, seq);
            }),
        }),
      };
    }),
  );
  try {
    await Promise.all(clients.map((c) => c.client.ready));
  } catch (error) {
    closeAll(clients);
    throw error;
  }
  return clients.map(({ index, actor, client }) => {
    const cardId = addOwnCard(client.doc, index, actor);
    return {
      index,
      client,
      cardId,
      edit: (seq) => editRationale(client.doc, cardId, index, seq, actor),
    };
  });
}

export function closeAll(clients: readonly { client: LoadClient }[]): void {
  for (const { client } of clients) client.close();
}

/** Close codes of clients whose socket closed while they were in use. */
export function closedSockets(clients: readonly BenchClient[]): string[] {
  const codes = clients.flatMap((c) =>
    c.client.closeCode === undefined ? [] : [c.client.closeCode],
  );
  return codes.length === 0
    ? []
    : [`${codes.length} sockets closed by the server (codes ${[...new Set(codes)].join(', ')})`];
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `done` every few ms until it holds or `ms` have passed. */
export async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(5);
  }
  return true;
}
