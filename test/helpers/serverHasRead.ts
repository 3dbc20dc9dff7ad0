/**
 * Resolves once the server has read every frame this socket sent before the call: a ping is
 * answered only after the frames ahead of it on the connection were parsed and handed on (ws
 * reads a connection's frames in order), so a test can know that a message arrived, even one
 * the server drops without a word.
 */
import type { WebSocket } from 'ws';

export function serverHasRead(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error('socket closed before the server answered a ping'));
    ws.once('close', onClose);
    ws.once('pong', () => {
      ws.off('close', onClose);
      resolve();
    });
    ws.ping();
  });
}
