/**
 * The reference: @y/websocket-server 0.1.1 (the last release for yjs 13), in memory, wired the
 * way its own bin/server.js does it: a plain http server, ws in noServer mode, and
 * setupWSConnection for each socket, the doc named by the URL path.
 */
import http from 'node:http';
import { listen } from './listen';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import type { RunningServer } from '../relay';

export async function startReferenceServer(host = '127.0.0.1'): Promise<RunningServer> {
  const server = http.createServer((_req, res) => res.writeHead(200).end('okay'));
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (socket, req) => {
    setupWSConnection(socket, req, { docName: (req.url ?? '/').slice(1).split('?')[0] });
  });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  return listen(server, wss, host);
}
