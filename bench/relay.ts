/**
 * The floor of the sync benchmark: a WebSocket relay that forwards every message to the other
 * sockets of the same room (the URL path, query ignored) and does nothing else: no Yjs, no
 * state, no storage. Whatever a real server adds on top of this is the cost of doing its job.
 */
import http from 'node:http';
import { listen } from './servers/listen';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RunningServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  close(): Promise<void>;
}

export async function startRelay(host = '127.0.0.1'): Promise<RunningServer> {
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
      for (const peer of members) {
        if (peer !== socket && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
      }
    });
    socket.on('close', () => {
      members.delete(socket);
      if (members.size === 0) rooms.delete(room);
    });
  });
  return listen(server, wss, host);
}
