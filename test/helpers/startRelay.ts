/**
 * A TCP relay in front of a test server that can go silent as a lost Wi-Fi does: from
 * `silence()` on, nothing passes either way and neither end hears a close (no FIN, no RST), so
 * only the server's pings can tell that the connection is gone.
 */
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface Relay {
  /** The target's URL with the relay's port: connect through it instead. */
  readonly url: string;
  silence(): void;
  close(): Promise<void>;
}

export async function startRelay(targetUrl: string): Promise<Relay> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let silent = false;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => {
        if (!silent) to.write(chunk);
      });
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => undefined); // the close that follows ends the other side
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(targetUrl);
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    silence() {
      silent = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
