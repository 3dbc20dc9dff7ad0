/**
 * An Undo that kept the value of a colleague this page never saw in presence names them as the
 * server knows them (BoardConnection.namedByServer, GET …/writers), not "someone else". Bo
 * writes from a raw y-websocket client that shows no presence (as a page closed before Eddie's
 * opened would have been); an evidence edit stamps no writer on the card, so nothing in the doc
 * names him either. Each id is asked about once for the page, also by two Undos taken before
 * the server answered: they wait for the same answer. The real server, WebSockets and SQLite
 * (fetch is only counted).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { undoAnnouncement } from '../../client/board/undoWords';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import { editEvidence } from '../../shared/board';
import { useTestServer } from '../helpers/http/useTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';
import { waitFor } from '../helpers/waitFor';

const live = useTestServer();

const saved = (c: BoardConnection) => () => c.getSnapshot().status.kind === 'saved';

/** Eddie's two evidence edits, then Bo's over both from a client with no presence. */
async function eddieAndBo() {
  const board = await createBoardOverRest(live.server.url, 'Night desk', 'Ana');
  const eddieInvite = await inviteOverRest(live.server.url, board, 'Eddie', 'editor');
  const boInvite = await inviteOverRest(live.server.url, board, 'Bo', 'editor');
  const eddie = live.open(board.id, eddieInvite.token);
  const card = eddie.commands.addClaim({ claim: 'The bridge cost $4 million' });
  const id = eddie.commands.addEvidence(card, {
    url: 'https://example.org/budget',
    quote: 'The bridge cost $4 million',
    stance: 'context',
  });
  eddie.commands.editEvidence(card, id, { stance: 'refutes', quote: 'It cost $4.2 million' });
  eddie.commands.editEvidence(card, id, { note: 'Audit, p. 12' });
  await waitFor(saved(eddie), { what: 'Eddie’s edits saved' });

  const bo = await live.connect(board.id, boInvite.token);
  await bo.cardArrived(card);
  editEvidence(bo.doc, card, id, { stance: 'supports', note: 'Audit, p. 14' }, bo.as);
  await bo.allSaved();
  const stance = () =>
    eddie.getSnapshot().board.cards[card]?.evidence.find((e) => e.id === id)?.stance;
  await waitFor(() => stance() === 'supports', { what: 'Bo’s stance on Eddie’s page' });
  expect(eddie.getSnapshot().peers.map((p) => p.user.name)).toEqual([]);
  return { eddie, card, bo: bo.doc.clientID };
}

/** The client ids each GET …/writers asked about; the requests still go to the server. */
const asked: string[] = [];
beforeEach(() => {
  asked.length = 0;
  const real = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/writers?')) asked.push(new URL(url).searchParams.get('clients') ?? '');
    return real(input, init);
  });
});
afterEach(() => vi.restoreAllMocks());

describe('an Undo names a writer this page never saw in presence', () => {
  it('asks the server once, and names them in the announcement', async () => {
    const { eddie, card, bo } = await eddieAndBo();

    // The note: presence never showed Bo, so the page holds his client id to ask about.
    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({
      command: 'editEvidence',
      applied: false,
      kept: [{ cardId: card, key: 'note', by: null, client: bo }],
    });
    const named = await eddie.namedByServer(step);
    expect(named).toEqual({
      command: 'editEvidence',
      applied: false,
      kept: [{ cardId: card, key: 'note', by: 'Bo' }],
    });
    expect(undoAnnouncement('Undone', named!, before, eddie.getSnapshot().board)).toBe(
      'Nothing undone: Bo has changed it since the evidence edit.',
    );

    // The answer is kept: the next step names Bo at once, and nothing is asked again.
    const next = eddie.undo();
    expect(next).toEqual({
      command: 'editEvidence',
      applied: true,
      kept: [{ cardId: card, key: 'stance', by: 'Bo' }],
    });
    expect(eddie.namedByServer(next)).toBeNull();
    expect(eddie.namedByServer(step)).toBeNull();
    expect(asked).toEqual([String(bo)]);
  }, 30_000);

  it('asks once for two Undos taken before the answer, and names Bo in both', async () => {
    const { eddie, card, bo } = await eddieAndBo();
    const step = eddie.undo();
    const next = eddie.undo();
    expect(next.kept).toEqual([{ cardId: card, key: 'stance', by: null, client: bo }]);
    const named = await Promise.all([eddie.namedByServer(step), eddie.namedByServer(next)]);
    expect(named.map((s) => s?.kept)).toEqual([
      [{ cardId: card, key: 'note', by: 'Bo' }],
      [{ cardId: card, key: 'stance', by: 'Bo' }],
    ]);
    expect(asked).toEqual([String(bo)]);
  }, 30_000);
});
