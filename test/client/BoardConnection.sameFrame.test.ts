/**
 * A colleague's change and one's own told in the same frame (BoardConnection.tellRemoteSoon):
 * the page is told once, and each card's change is read as whose it was. One flag for the
 * board read the colleague's move as one's own, and the page made no notice of it. The real
 * server on port 0, two connections over real WebSockets; in Node a frame is a setTimeout 0,
 * and one's own command runs before it, in a microtask after the colleague's update arrived.
 */
import { expect, it, vi } from 'vitest';
import type { BoardView } from '../../shared/board';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';

const live = useTestServer();

const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 5000 });

it("reads a colleague's change told with one's own as the colleague's, card by card", async () => {
  const board = await createBoardOverRest(live.server.url, 'Same frame', 'Ana');
  const bo = (await inviteOverRest(live.server.url, board, 'Bo', 'editor')).token;
  const ana = live.open(board.id, board.leadToken);
  const colleague = live.open(board.id, bo);
  await until(() => ana.getSnapshot().status.kind === 'saved');
  await until(() => colleague.getSnapshot().status.kind === 'saved');
  const theirs = ana.commands.addClaim({ claim: 'Bo moves this one' });
  const mine = ana.commands.addClaim({ claim: 'Ana moves this one' });
  await until(() => Object.keys(colleague.getSnapshot().board.cards).length === 2);
  await until(() => ana.getSnapshot().status.kind === 'saved');

  // What the page reads at the first telling after the colleague's move.
  const told: { board: BoardView; theirs: boolean; mine: boolean }[] = [];
  ana.subscribe(() => {
    const board = ana.getSnapshot().board;
    told.push({ board, theirs: ana.lastChangeWasOwn(theirs), mine: ana.lastChangeWasOwn(mine) });
  });
  // As the colleague's update arrives, before its frame: Ana's own move.
  ana.doc.once('update', () =>
    queueMicrotask(() => ana.commands.moveCard(mine, { column: 'corroborated', index: 0 })),
  );
  colleague.commands.moveCard(theirs, { column: 'disputed', index: 0 });
  await until(() => told.length > 0);

  // One telling for both: the colleague's frame went with Ana's own.
  const [first] = told;
  expect(first?.board.cards[theirs]?.column).toBe('disputed');
  expect(first?.board.cards[mine]?.column).toBe('corroborated');
  expect(first?.theirs).toBe(false);
  expect(first?.mine).toBe(true);

  // A later change of one's own to the colleague's card is one's own.
  ana.commands.moveCard(theirs, { column: 'unverified', index: 0 });
  ana.getSnapshot();
  expect(ana.lastChangeWasOwn(theirs)).toBe(true);
  expect(ana.lastChangeWasOwn(mine)).toBe(true);
}, 30_000);
