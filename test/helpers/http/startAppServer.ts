/**
 * The Express app on a real HTTP server (127.0.0.1, port 0) over the in-memory storage and a fake
 * sync server: tests of the REST layer on its own.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenSigner, type TokenSigner } from '../../../server/auth/tokens';
import { createApp, type AppDeps } from '../../../server/http/createApp';
import type { Storage } from '../../../server/storage/Storage';
import { createFakeSyncServer, type FakeSyncServer } from './fakeSyncServer';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';

export interface AppServer {
  readonly url: string;
  readonly storage: Storage;
  readonly syncServer: FakeSyncServer;
  readonly signer: TokenSigner;
  close(): Promise<void>;
}

export async function startAppServer(
  options: { adminToken?: string; client?: AppDeps['client'] } = {},
): Promise<AppServer> {
  const storage = createMemoryStorage();
  const syncServer = createFakeSyncServer();
  const signer = createTokenSigner('test secret for http tests');
  let url = '';
  const app = createApp({
    storage,
    syncServer,
    signer,
    config: {
      adminToken: options.adminToken ?? null,
      maxMessageBytes: 2 * 1024 * 1024,
      maxArticleBytes: 1_000_000,
    },
    publicUrl: () => url,
    client: options.client ?? null,
    log: () => {},
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    storage,
    syncServer,
    signer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
