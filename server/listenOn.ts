/**
 * server.listen as a promise, with the failures that come from HOST (a name that does not
 * resolve, an address that is not this machine's) or PORT (taken, or below 1024 for a user
 * without the privilege) turned into a ConfigError naming the variable. They can only be known
 * by trying: no parse of the value tells them.
 */
import type { Server } from 'node:net';
import { ConfigError } from './config';

const HOST_REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'is not a known host name',
  EAI_AGAIN: 'could not be resolved (the name server did not answer)',
  EADDRNOTAVAIL: 'is not an address of this machine',
};

const PORT_REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'is in use by another program: stop it, or set PORT to another port',
  EACCES: 'may only be opened by a privileged user: set PORT to 1024 or above',
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
    const cause = `(${syscall ?? 'listen'} ${code})`;
    const hostReason = code === undefined ? undefined : HOST_REASONS[code];
    if (hostReason !== undefined) throw new ConfigError([`HOST: ${host} ${hostReason} ${cause}`]);
    const portReason = code === undefined ? undefined : PORT_REASONS[code];
    if (portReason !== undefined) throw new ConfigError([`PORT: ${port} ${portReason} ${cause}`]);
    throw err;
  }
}
