/**
 * A TCP relay in front of a test server whose links can go silent as on a lost Wi-Fi: from
 * `silence()` on, nothing passes either way on the links open then, and neither end hears a
 * close (no FIN, no RST), so only the server's pings can tell that they are gone. Links opened
 * later pass (the network is back).
 */
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface Relay {
  /** The target's URL with the relay's port: connect through it instead. */
  readonly url: string;
  silence(): void;
  /** Links open now (a link closes when either end closes it). */
  openLinks(): number;
  close(): Promise<void>;
}

interface Link {
  readonly sockets: readonly [Socket, Socket];
  silent: boolean;
}

export async function startRelay(targetUrl: string): Promise<Relay> {
  const target = new URL(targetUrl);
  const links = new Set<Link>();
  /** Sockets whose other end closed while their link was silent: closed with the relay. */
  const held = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    const link: Link = { sockets: [client, upstream], silent: false };
    links.add(link);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk) => {
        if (!link.silent) to.write(chunk);
      });
      from.on('close', () => {
        links.delete(link);
        // A silent link carries no FIN either: the other end goes on holding a dead socket,
        // as behind a lost Wi-Fi (a server that drops its end is not heard by the page).
        if (link.silent) held.add(to);
        else to.destroy();
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
      for (const link of links) link.silent = true;
    },
    openLinks: () => links.size,
    async close() {
      for (const link of links) for (const socket of link.sockets) socket.destroy();
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
