/**
 * The real server (server/main.ts) as a child process on a fixed port and data directory, so
 * tests can SIGKILL it and start it again where it was.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved as they arrived. */
  output(): string;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ServerProcessOptions {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  /** Runs it as this user (needs root): what an unprivileged user's server meets. */
  uid?: number;
  /** A command it runs under, given node's command line after these arguments (e.g. unshare). */
  runUnder?: readonly [command: string, ...args: string[]];
}

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const node = [process.execPath, '--import', 'tsx', MAIN];
  const [command, ...args] = opts.runUnder ? [...opts.runUnder, ...node] : node;
  const child = spawn(command as string, args, {
    ...(opts.uid !== undefined && { uid: opts.uid, gid: opts.uid }),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      FACTBOARD_DATA_DIR: opts.dataDir,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running at/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    child,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * What the server printed (stdout and stderr, trimmed) as it exited 1 without starting; throws
 * if it started, or exited otherwise.
 */
export async function refusedStart(opts: ServerProcessOptions): Promise<string> {
  const error = await startServerProcess(opts).then(
    async (server) => {
      await server.kill('SIGTERM');
      throw new Error(`the server started:\n${server.output()}`);
    },
    (err: Error) => err,
  );
  const exitedWith1 = /^server exited with 1:\n/;
  if (!exitedWith1.test(error.message)) throw error;
  return error.message.replace(exitedWith1, '').trim();
}
