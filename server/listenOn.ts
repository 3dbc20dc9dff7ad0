/**
 * server.listen as a promise, with the failures that come from HOST (a name that does not
 * resolve, an address that is not this machine's) turned into a ConfigError naming HOST.
 * They can only be known by trying: no parse of the value tells them.
 */
import type { Server } from 'node:net';
import { ConfigError } from './config';

const HOST_REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'is not a known host name',
  EAI_AGAIN: 'could not be resolved (the name server did not answer)',
  EADDRNOTAVAIL: 'is not an address of this machine',
};

export async function listenOn(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (err) {
    const { code, syscall } = err as NodeJS.ErrnoException;
    const reason = code === undefined ? undefined : HOST_REASONS[code];
    if (reason === undefined) throw err;
    throw new ConfigError([`HOST: ${host} ${reason} (${syscall ?? 'listen'} ${code})`]);
  }
}
