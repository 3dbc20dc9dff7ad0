/**
 * A page whose socket goes dead without a close (the laptop's network switched, a NAT that
 * forgot the link): the browser cannot see the server's pings, so the page learns it only when
 * messages stop. The server sends an idle socket something every 5 s, and the page replaces a
 * socket silent for 12 s (reconnectPolicy's SILENCE_MS): a change made meanwhile is saved then,
 * not after y-websocket's 30 s. An idle page on a healthy link is never taken for dead.
 * The real server, real WebSockets through a TCP relay that goes silent (startRelay).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionKind } from '../../client/sync/connectionStatus';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest } from '../helpers/restApi';
import { type Relay, startRelay } from '../helpers/startRelay';
import { waitFor } from '../helpers/waitFor';

const live = useTestServer();
let relay: Relay;

beforeAll(async () => {
  relay = await startRelay(live.server.url);
});

afterAll(async () => {
  await relay?.close();
});

/** Less than y-websocket's own 30 s (and its 3 s checks): only SILENCE_MS gets there first. */
const SAVED_WITHIN_MS = 25_000;

/** Longer than SILENCE_MS past the last message an idle page would get without the heartbeat. */
const IDLE_WATCH_MS = 16_000;

describe('a socket gone silent', () => {
  it('is replaced, and the change made meanwhile saved, well before 30 s; an idle healthy one stays', async () => {
    const board = await createBoardOverRest(live.server.url, 'Night desk', 'Ana');
    // Alone on a board of its own, the idle page hears nobody else's changes or presence: only
    // the server's heartbeat, and every 15 s its own presence sent back.
    const quiet = await createBoardOverRest(live.server.url, 'Quiet desk', 'Bo');
    const cut = live.open(board.id, board.leadToken, {}, relay.url.replace(/\/$/, ''));
    const idle = live.open(quiet.id, quiet.leadToken);
    await waitFor(() => cut.getSnapshot().status.kind === 'saved', { what: 'first sync' });
    await waitFor(() => idle.getSnapshot().status.kind === 'saved', { what: 'first sync' });
    const idleKinds = new Set<ConnectionKind>();
    idle.subscribe(() => idleKinds.add(idle.getSnapshot().status.kind));
    const watchedUntil = Date.now() + IDLE_WATCH_MS;

    relay.silence();
    const id = cut.commands.addClaim({ claim: 'Made while the line was dead' });
    await waitFor(async () => (await live.server.board(board.id)).cards[id] !== undefined, {
      what: 'the claim stored through a new socket',
      timeout: SAVED_WITHIN_MS,
      interval: 200,
    });
    await waitFor(() => cut.getSnapshot().status.kind === 'saved', { what: 'saved again' });

    await new Promise((r) => setTimeout(r, Math.max(0, watchedUntil - Date.now())));
    // Never taken for dead: no reconnection, so no other status than saved.
    expect([...idleKinds].filter((k) => k !== 'saved')).toEqual([]);
    expect(idle.getSnapshot().status.kind).toBe('saved');
  }, 60_000);
});
