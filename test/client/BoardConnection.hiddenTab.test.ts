/**
 * A colleague's change waiting for its frame (BoardConnection.tellRemoteSoon) as the tab is
 * hidden: a hidden tab draws no frames, and the change was told only with the next telling of
 * something else (one's own change, a colleague's presence). It is told as the tab is hidden,
 * once, and a frame drawn later tells nothing again. The real server on port 0 and two
 * connections over real WebSockets; the page's frames and visibility are switchableFrames,
 * since headless Chromium cannot hide a page.
 */
import { expect, it, vi } from 'vitest';
import type { BoardView } from '../../shared/board';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';
import { switchableFrames } from '../helpers/switchableFrames';

const live = useTestServer();

const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 5000 });

it("tells a colleague's change waiting for a frame as the tab is hidden, once", async () => {
  const board = await createBoardOverRest(live.server.url, 'Hidden tab', 'Ana');
  const bo = (await inviteOverRest(live.server.url, board, 'Bo', 'editor')).token;
  const frames = switchableFrames();
  const ana = live.open(board.id, board.leadToken, { frames });
  const colleague = live.open(board.id, bo);
  await until(() => ana.getSnapshot().status.kind === 'saved');
  await until(() => colleague.getSnapshot().status.kind === 'saved');
  const id = ana.commands.addClaim({ claim: 'Bo moves this one' });
  await until(() => colleague.getSnapshot().board.cards[id] !== undefined);
  await until(() => ana.getSnapshot().status.kind === 'saved');

  // The boards Ana's page is told of, each time it is told of a changed board.
  const boards: BoardView[] = [];
  ana.subscribe(() => {
    const { board: now } = ana.getSnapshot();
    if (now !== (boards.at(-1) ?? null)) boards.push(now);
  });
  const shown = ana.getSnapshot().board;
  boards.push(shown);
  colleague.commands.moveCard(id, { column: 'disputed', index: 0 });
  // Bo's move has arrived and waits for a frame.
  await until(() => frames.pending === 1);
  expect(boards).toEqual([shown]);

  frames.set(false);
  await until(() => boards.length > 1);
  expect(boards.map((b) => b.cards[id]?.column)).toEqual(['unverified', 'disputed']);
  expect(frames.pending).toBe(0);

  // Shown again, with a frame drawn: nothing is told twice.
  frames.set(true);
  expect(frames.draw()).toBe(0);
  expect(boards).toHaveLength(2);

  // Hidden, a colleague's change asks for no frame: a timer tells it.
  frames.set(false);
  colleague.commands.moveCard(id, { column: 'corroborated', index: 0 });
  await until(() => boards.length > 2);
  expect(boards.map((b) => b.cards[id]?.column)).toEqual([
    'unverified',
    'disputed',
    'corroborated',
  ]);
  expect(frames.pending).toBe(0);
}, 30_000);
