import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocketServer } from 'ws';
import type { RunningServer } from '../relay';

/** Starts `server` on a free port of `host`; close() drops every socket of `wss` first. */
export async function listen(
  server: http.Server,
  wss: WebSocketServer,
  host: string,
): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
