/**
 * The floor of the sync benchmark: a WebSocket relay that forwards every message to the other
 * sockets of the same room (the URL path, query ignored) and does nothing else: no Yjs, no
 * state, no storage. Whatever a real server adds on top of this is the cost of doing its job.
 *
 * With a `journal`, it is the durable relay: each message is first appended to that file with
 * one write(), as Factboard's pending log stores an edit before its broadcast (durable against
 * a crash of the process, as SQLite's synchronous = NORMAL). It shows what storing before
 * forwarding costs on its own, without checks, Yjs or SQLite.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import http from 'node:http';
import { listen } from './servers/listen';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RunningServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  close(): Promise<void>;
}

export interface RelayOptions {
  readonly host?: string;
  /** A file to append every message to before forwarding it (created or emptied). */
  readonly journal?: string;
}

export async function startRelay({
  host = '127.0.0.1',
  journal,
}: RelayOptions = {}): Promise<RunningServer> {
  const fd = journal === undefined ? null : openSync(journal, 'w');
  let journalBytes = 0;
  const rooms = new Map<string, Set<WebSocket>>();
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, req) => {
    const room = (req.url ?? '/').split('?')[0] ?? '/';
    let peers = rooms.get(room);
    if (!peers) rooms.set(room, (peers = new Set()));
    const members = peers;
    members.add(socket);
    socket.on('message', (data, isBinary) => {
      if (fd !== null) {
        const bytes = Buffer.isBuffer(data)
          ? data
          : Array.isArray(data)
            ? Buffer.concat(data)
            : Buffer.from(data);
        for (let done = 0; done < bytes.byteLength;) {
          done += writeSync(fd, bytes, done, bytes.byteLength - done, journalBytes + done);
        }
        journalBytes += bytes.byteLength;
      }
      for (const peer of members) {
        if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
      }
    });
    socket.on('close', () => {
      members.delete(socket);
      if (members.size === 0) rooms.delete(room);
    });
  });
  const running = await listen(server, wss, host);
  return {
    url: running.url,
    close: async () => {
      await running.close();
      if (fd !== null) closeSync(fd);
    },
  };
}
