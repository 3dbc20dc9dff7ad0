/**
 * What `npm start` logs (server/sync/syncLog.ts, FACTBOARD_LOG_LEVEL=info by default): the
 * real server as a child process, a member's connection, refusals, a REST 401, a stop and a
 * crash. Each event is one JSON line with the ids and codes an operator needs, and no token or
 * token signature ever reaches the output.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectRaw } from '../../helpers/rawClient';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { freePort, type ServerProcess, startServerProcess } from '../../helpers/serverProcess';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { waitFor } from '../../helpers/waitFor';

type LogLine = Record<string, unknown> & { time: string; level: string; event: string };

function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/**
 * Runs `round` `rounds` times, then once more a second later, and expects each kind of line
 * the rounds write to be held back: every occurrence written or counted in a line's
 * `suppressed`, at most one line per second the loop lasted (and one for the second it began
 * in) plus the last; lines carrying the count of those not written; each line naming the
 * client's address.
 */
async function expectFloodHeldBack(
  server: ServerProcess,
  round: () => Promise<void>,
  kinds: Readonly<Record<string, (line: LogLine) => boolean>>,
  what: string,
): Promise<LogLine[][]> {
  const rounds = 200;
  const started = Date.now();
  for (let i = 0; i < rounds; i++) await round();
  const seconds = (Date.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await round();
  const counted = (lines: LogLine[]) =>
    lines.reduce((sum, l) => sum + 1 + ((l['suppressed'] as number | undefined) ?? 0), 0);
  await waitFor(
    () =>
      Object.values(kinds).every(
        (kind) => counted(logLines(server.output()).filter(kind)) === rounds + 1,
      ),
    { what },
  );
  return Object.values(kinds).map((kind) => {
    const lines = logLines(server.output()).filter(kind);
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    // Held back and counted: the last line usually carries the count, but not when the loop's
    // last round was the first of a new second (written itself, nothing after it to count).
    expect(lines.some((l) => ((l['suppressed'] as number | undefined) ?? 0) > 0)).toBe(true);
    expect(lines.every((l) => l['address'] === '127.0.0.1')).toBe(true);
    return lines;
  });
}

const eventCount = (server: ServerProcess, event: string) =>
  logLines(server.output()).filter((l) => l.event === event).length;

describe('server log', () => {
  let dir: TempDir;
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.kill('SIGKILL');
    dir.remove();
  });

  async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
    const server = await startServerProcess({
      dataDir: dir.path,
      port: await freePort(),
      env: { FACTBOARD_DEMO: '0', FACTBOARD_MAX_MESSAGE_BYTES: '1024', ...env },
    });
    servers.push(server);
    return server;
  }

  it('logs start, connections, refusals, REST errors and the stop, never a token', async () => {
    dir = makeTempDir('factboard-log-');
    const server = await start({ FACTBOARD_DATADIR: '/elsewhere' });
    const syncUrl = `${server.url.replace('http', 'ws')}/sync`;
    const board = await createBoardOverRest(server.url, 'Log board');
    const ada = await inviteOverRest(server.url, board, 'Ada', 'editor');
    const [payload, signature] = ada.token.split('.') as [string, string];
    const forged = `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;

    const member = connectRaw(syncUrl, board.id, ada.token);
    await member.sync();
    member.close();
    await member.closed;
    expect((await connectRaw(syncUrl, board.id, forged).closed).code).toBe(4401);
    const tooLarge = connectRaw(syncUrl, board.id, ada.token);
    await tooLarge.opened();
    tooLarge.send(new Uint8Array(2048));
    expect((await tooLarge.closed).code).toBe(4413);
    const rest = await fetch(`${server.url}/api/boards/${board.id}/history?token=${ada.token}`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(rest.status).toBe(401);
    // A mangled link with the token where the board id goes: the path and the board id asked
    // for are logged, the token in them is not.
    // (With Ada's token as her bearer: another 401 from this address would be held back.)
    const mangled = await fetch(`${server.url}/api/boards/${ada.token}/history`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(mangled.status).toBe(403);
    expect((await connectRaw(syncUrl, ada.token, ada.token).closed).code).toBe(4403);
    await waitFor(
      () =>
        eventCount(server, 'connection closed') === 2 &&
        eventCount(server, 'request answered with an error') === 2 &&
        eventCount(server, 'connection refused') === 2,
      { what: 'the closes and the refused request in the log' },
    );
    await server.kill('SIGTERM');

    const lines = logLines(server.output());
    for (const line of lines) {
      expect(Date.parse(line.time)).not.toBeNaN();
      expect(['error', 'warn', 'info']).toContain(line.level);
    }
    const events = lines.map(({ time: _time, ...rest }) => rest);
    expect(events).toEqual(
      expect.arrayContaining([
        {
          level: 'warn',
          event: 'unknown setting ignored',
          variable: 'FACTBOARD_DATADIR',
          didYouMean: 'FACTBOARD_DATA_DIR',
        },
        expect.objectContaining({ level: 'info', event: 'server started', dataDir: dir.path }),
        {
          level: 'info',
          event: 'connection opened',
          boardId: board.id,
          inviteId: ada.inviteId,
          role: 'editor',
          name: 'Ada',
          address: '127.0.0.1',
        },
        expect.objectContaining({
          event: 'connection closed',
          boardId: board.id,
          inviteId: ada.inviteId,
          code: 1005,
        }),
        expect.objectContaining({
          event: 'connection closed',
          inviteId: ada.inviteId,
          code: 4413,
          reason: 'message too large',
        }),
        {
          level: 'info',
          event: 'connection refused',
          boardId: board.id,
          code: 4401,
          reason: 'invalid token',
          address: '127.0.0.1',
        },
        {
          level: 'info',
          event: 'request answered with an error',
          method: 'GET',
          path: `/api/boards/${board.id}/history`,
          status: 401,
          code: 'invalid_token',
          address: '127.0.0.1',
        },
        expect.objectContaining({
          event: 'connection refused',
          boardId: '[token]',
          code: 4403,
        }),
        expect.objectContaining({
          event: 'request answered with an error',
          path: '/api/boards/[token]/history',
          status: 403,
        }),
        expect.objectContaining({ level: 'info', event: 'stopped cleanly', signal: 'SIGTERM' }),
      ]),
    );
    const output = server.output();
    for (const secret of [ada.token, forged, signature, board.leadToken]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toContain(board.leadToken.split('.')[1]);
  });

  it('holds back a loop of refusals: a few lines per kind, each counting those not written', async () => {
    dir = makeTempDir('factboard-log-');
    const server = await start();
    const syncUrl = `${server.url.replace('http', 'ws')}/sync`;
    const board = await createBoardOverRest(server.url, 'Flood board');
    const ada = await inviteOverRest(server.url, board, 'Ada', 'editor');
    const badRequests = async () => {
      const rest = await fetch(`${server.url}/api/boards/${board.id}/history`, {
        headers: { authorization: 'Bearer not-a-token' },
      });
      expect(rest.status).toBe(401);
      expect((await connectRaw(syncUrl, board.id, 'not-a-token').closed).code).toBe(4401);
      expect((await connectRaw(syncUrl, 'no-such-board', ada.token).closed).code).toBe(4403);
      const wrongPath = new WebSocket(`${syncUrl}/${board.id}/extra`);
      expect(
        await new Promise<number | undefined>((resolve) =>
          wrongPath.on('unexpected-response', (_req, res) => resolve(res.statusCode)),
        ),
      ).toBe(404);
    };
    await expectFloodHeldBack(
      server,
      badRequests,
      {
        rest401: (l) => l.event === 'request answered with an error' && l['status'] === 401,
        ws4401: (l) => l.event === 'connection refused' && l['code'] === 4401,
        ws4403: (l) => l.event === 'connection refused' && l['code'] === 4403,
        ws404: (l) => l.event === 'connection refused' && l['status'] === 404,
      },
      'every refusal written or counted',
    );
  });

  it('holds back a loop of short connections: a few opened and closed lines, each counting those not written', async () => {
    dir = makeTempDir('factboard-log-');
    const server = await start();
    const syncUrl = `${server.url.replace('http', 'ws')}/sync`;
    const board = await createBoardOverRest(server.url, 'Reconnect board');
    const ada = await inviteOverRest(server.url, board, 'Ada', 'editor');
    const shortConnection = async () => {
      const member = connectRaw(syncUrl, board.id, ada.token);
      await member.opened();
      member.close();
      await member.closed;
    };
    const held = await expectFloodHeldBack(
      server,
      shortConnection,
      {
        opened: (l) => l.event === 'connection opened',
        closed: (l) => l.event === 'connection closed',
      },
      'every connection opened and closed, written or counted',
    );
    for (const lines of held) expect(lines.every((l) => l['inviteId'] === ada.inviteId)).toBe(true);
  });

  it('says, after a crash, that it took over the lock the dead process left', async () => {
    dir = makeTempDir('factboard-log-');
    const first = await start();
    const deadPid = first.child.pid;
    await first.kill('SIGKILL');
    const second = await start();
    expect(logLines(second.output())).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        event: 'took over the lock a stopped process left',
        pid: deadPid,
      }),
    );
  });
});
