/**
 * A TCP relay in front of a test server whose links can go silent as on a lost Wi-Fi: from
 * `silence()` on, nothing passes either way on the links open then, and neither end hears a
 * close (no FIN, no RST), so only the server's pings can tell that they are gone. Links opened
 * later pass (the network is back). `bytesPerSecond` makes every link slow towards the client, as
 * a poor hotel Wi-Fi or phone connection is: the server's bytes reach the client at that rate.
 * An end that closes a link that is not silent has the other end closed once all it sent has
 * passed, as a network does: dropped at once, a download longer than the server's keep-alive idle
 * close (5 s) arrived cut off through a slow link.
 */
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface Relay {
  /** The target's URL with the relay's port: connect through it instead. */
  readonly url: string;
  silence(): void;
  /**
   * From now on, what the server sends (on every link) is kept back, in order, until the returned
   * `release` passes it on: the server has the request and answers, and the page waits, as over
   * a link whose answers are slow to come (a request sent whole, its answer not yet there).
   */
  hold(): () => void;
  /** Links open now (a link closes when either end closes it). */
  openLinks(): number;
  close(): Promise<void>;
}

interface Link {
  readonly sockets: readonly [Socket, Socket];
  silent: boolean;
}

/** How often a slow link passes on its next slice of bytes. */
const TICK_MS = 50;

export async function startRelay(
  targetUrl: string,
  { bytesPerSecond }: { bytesPerSecond?: number } = {},
): Promise<Relay> {
  const target = new URL(targetUrl);
  const links = new Set<Link>();
  /**
   * Sockets whose other end closed: held open while their link is silent, or until what they
   * still have to pass on has passed; closed with the relay.
   */
  const held = new Set<Socket>();
  /** While answers are held (hold()): what is to pass on release, in order. */
  let holding: (() => void)[] | null = null;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    const link: Link = { sockets: [client, upstream], silent: false };
    links.add(link);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      const pass: Passing =
        bytesPerSecond !== undefined && to === client
          ? slowly(to, bytesPerSecond, () => link.silent)
          : { write: (chunk) => void to.write(chunk), end: () => void to.end() };
      // Towards the client while answers are held: kept back, to pass in order on release.
      const later = (step: () => void) =>
        to === client && holding ? void holding.push(step) : step();
      from.on('data', (chunk: Buffer) => {
        if (!link.silent) later(() => pass.write(chunk));
      });
      from.on('close', () => {
        links.delete(link);
        held.add(to);
        // A silent link carries no FIN either: the other end goes on holding a dead socket,
        // as behind a lost Wi-Fi (a server that drops its end is not heard by the page).
        if (!link.silent) later(() => pass.end());
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
    hold() {
      const steps: (() => void)[] = [];
      holding = steps;
      return () => {
        if (holding === steps) holding = null;
        for (const step of steps) step();
      };
    },
    openLinks: () => links.size,
    async close() {
      for (const link of links) for (const socket of link.sockets) socket.destroy();
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One direction of a link: `end` closes `to` once everything written has passed. */
interface Passing {
  write(chunk: Buffer): void;
  end(): void;
}

/** Writes to `to` at most `bytesPerSecond`, in order; nothing once the link is silent. */
function slowly(to: Socket, bytesPerSecond: number, silent: () => boolean): Passing {
  const waiting: Buffer[] = [];
  let ended = false;
  const perTick = Math.max(1, Math.floor((bytesPerSecond * TICK_MS) / 1000));
  let timer: ReturnType<typeof setInterval> | null = null;
  const tick = () => {
    let budget = perTick;
    while (budget > 0 && waiting.length > 0 && !to.destroyed && !silent()) {
      const next = waiting[0]!;
      const slice = next.subarray(0, budget);
      to.write(slice);
      budget -= slice.length;
      if (slice.length === next.length) waiting.shift();
      else waiting[0] = next.subarray(slice.length);
    }
    if (waiting.length === 0 || to.destroyed) {
      if (timer) clearInterval(timer);
      timer = null;
      if (ended) to.end();
    }
  };
  return {
    write(chunk) {
      waiting.push(chunk);
      timer ??= setInterval(tick, TICK_MS);
    },
    end() {
      ended = true;
      if (timer === null) to.end();
    },
  };
}
