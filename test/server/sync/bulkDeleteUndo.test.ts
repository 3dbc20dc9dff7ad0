/**
 * The Undo of a bulk delete reaches the server: it writes every card back in one update, and
 * the server closes a socket whose message is over its cap (2 MiB by default, 4413). An
 * editor's page (the client's own BoardConnection, whose Undo is the page's Ctrl+Z) on the real
 * server selects 800 cards of 2,000-character claims with evidence (about 2.4 MB back in one
 * Undo): the deletion is refused before anything changes, and the part it says fits is deleted
 * and undone with every card and its evidence stored, the socket never closed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardConnection } from '../../../client/sync/BoardConnection';
import { addClaims, addEvidence, BoardError, cardsMap, readBoard } from '../../../shared/board';
import { type RunningServer, startServer } from '../../../server/startServer';
import { connectWithToken } from '../../helpers/connectWithToken';
import { createBoardOverRest, inviteOverRest } from '../../helpers/restApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const CARDS = 800;
const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 60_000 });

describe('undo of a bulk delete of long cards', () => {
  let dir: TempDir;
  let server: RunningServer;
  const open: BoardConnection[] = [];

  beforeEach(async () => {
    dir = makeTempDir();
    server = await startServer(
      { port: 0, host: '127.0.0.1', dataDir: dir.path, roomGraceMs: 50, publicUrl: null },
      { client: null },
    );
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await server.close();
    dir.remove();
  });

  it('refuses what one Undo could not bring back, and the Undo of what it deletes is stored', async () => {
    const board = await createBoardOverRest(server.url, 'Long claims');
    const invite = await inviteOverRest(server.url, board, 'Edie', 'editor');
    const actor = { id: invite.inviteId, name: 'Edie' };
    await server.syncServer.change(board.id, actor, (doc) => {
      const claims = Array.from({ length: CARDS }, (_, i) => ({
        claim: `Claim ${i} ${'x'.repeat(2_000)}`.slice(0, 2_000),
      }));
      for (const id of addClaims(doc, claims, { actor })) {
        const evidence = { url: `https://example.org/e/${id}`, quote: 'q'.repeat(300) };
        addEvidence(doc, id, { ...evidence, stance: 'supports' }, { actor });
      }
    });
    const page = connectWithToken(server.url, board.id, invite.token);
    open.push(page);
    const saved = () => page.getSnapshot().status.kind === 'saved';
    await until(() => saved() && cardsMap(page.doc).size === CARDS);
    const before = readBoard(page.doc);
    const ids = [...cardsMap(page.doc).keys()];

    let refusal: unknown;
    try {
      page.commands.deleteCards(ids);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(BoardError);
    expect((refusal as BoardError).code).toBe('too_large');
    const fits = Number(/about (\d+)\)?$/.exec((refusal as BoardError).message)?.[1]);
    expect(fits).toBeGreaterThan(0);
    expect(cardsMap(page.doc).size).toBe(CARDS);

    expect(page.commands.deleteCards(ids.slice(0, fits)).changed).toHaveLength(fits);
    await until(saved);
    expect(page.undo()).toEqual({ command: 'deleteCards', applied: true });
    await until(saved);

    // What the server stored, read by a second page: every card with its evidence.
    const reader = connectWithToken(server.url, board.id, invite.token);
    open.push(reader);
    await until(() => reader.getSnapshot().status.kind === 'saved');
    const after = readBoard(reader.doc);
    expect(Object.keys(after.cards).sort()).toEqual(Object.keys(before.cards).sort());
    expect(ids.every((id) => after.cards[id]?.evidence.length === 1)).toBe(true);
    expect(page.getSnapshot().status.kind).toBe('saved');
  });
});
