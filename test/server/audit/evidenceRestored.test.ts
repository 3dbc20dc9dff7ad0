/**
 * Evidence put back by its remover's Undo is recorded as evidence.restored, not as new
 * evidence, also when the board's room loaded again between the removal and the Undo: after a
 * restart of the real server on the same data directory (and port, as a real restart keeps it),
 * and after the room was unloaded while its only person was offline. The person is the
 * client's own BoardConnection, whose Undo is the page's Ctrl+Z; its doc and undo stack live
 * through both.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardConnection, NetworkEvents } from '../../../client/sync/BoardConnection';
import { type RunningServer, startServer } from '../../../server/startServer';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import { connectWithToken } from '../../helpers/connectWithToken';
import { switchableNetwork } from '../../helpers/switchableNetwork';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 10_000 });

describe('evidence put back after the board loads again', () => {
  let dir: TempDir;
  let server: RunningServer;
  const open: BoardConnection[] = [];
  const start = (port = 0) =>
    startServer(
      { port, host: '127.0.0.1', dataDir: dir.path, roomGraceMs: 50, publicUrl: null },
      { client: null },
    );

  beforeEach(async () => {
    dir = makeTempDir();
    server = await start();
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server.close();
    dir.remove();
  });

  /** An editor's page on a new board with one card, its evidence added and then removed. */
  async function removedEvidence(net: NetworkEvents | null = null) {
    const board = await createBoardOverRest(server.url, 'Prisons');
    const invite = await inviteOverRest(server.url, board, 'Edie', 'editor');
    const page = connectWithToken(server.url, board.id, invite.token, { network: net });
    open.push(page);
    const saved = () => page.getSnapshot().status.kind === 'saved';
    await until(saved);
    const cardId = page.commands.addClaim({ claim: 'Prisons hold 70,000 people' });
    const url = 'https://census.example/2023';
    const evidenceId = page.commands.addEvidence(cardId, { url, stance: 'supports' });
    await until(saved);
    page.commands.removeEvidence(cardId, evidenceId);
    await until(saved);
    return { boardId: board.id, page, cardId, evidenceId, url, saved };
  }

  const evidenceEvents = async (boardId: string, cardId: string) =>
    (await readAllHistory(server.storage, boardId, cardId))
      .filter((e) => e.type.startsWith('evidence.'))
      .map((e) => [e.type, e.actor.name, e.data.evidenceId, e.data.url]);

  it('after a restart of the server on the same data directory', async () => {
    const { boardId, page, cardId, evidenceId, url, saved } = await removedEvidence();
    const port = server.port;
    await server.close();
    await until(() => !saved());
    server = await start(port);
    await until(saved);

    expect(page.undo()).toEqual({ command: 'removeEvidence', applied: true });
    await until(saved);
    expect(await evidenceEvents(boardId, cardId)).toEqual([
      ['evidence.added', 'Edie', evidenceId, url],
      ['evidence.removed', 'Edie', evidenceId, url],
      ['evidence.restored', 'Edie', evidenceId, url],
    ]);
  });

  it('after the room was unloaded while its only person was offline', async () => {
    const net = switchableNetwork();
    const { boardId, page, cardId, evidenceId, url, saved } = await removedEvidence(net);
    net.set(false);
    await until(() => server.syncServer.stats().rooms === 0);
    // Undone offline, as a person may: the room that takes it is a new one.
    expect(page.undo()).toEqual({ command: 'removeEvidence', applied: true });
    net.set(true);
    await until(saved);
    expect(await evidenceEvents(boardId, cardId)).toEqual([
      ['evidence.added', 'Edie', evidenceId, url],
      ['evidence.removed', 'Edie', evidenceId, url],
      ['evidence.restored', 'Edie', evidenceId, url],
    ]);
  });
});
