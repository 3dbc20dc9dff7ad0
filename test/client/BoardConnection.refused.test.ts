/**
 * Changes this browser holds that the server refuses (QA F1/F2), against the real server: the
 * connection lists them with their text, keeps the list where the page said, and on a 4403
 * caused by them asks the page for a fresh connection instead of re-sending them for ever.
 * The offline tab is a connection without a server on the same doc (same Yjs client id).
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/board';
import type { Role } from '../../shared/roles';
import { useTestServer } from '../helpers/http/useTestServer';
import type { SyncStorage } from '../../server/storage/Storage';
import type { BoardConnection, BoardConnectionOptions } from '../../client/sync/BoardConnection';
import type { AckStore, SaveRecord } from '../../client/sync/SaveTracker';
import type { SetAsideStore } from '../../client/sync/setAsideStore';
import type { UnsavedChange } from '../../client/sync/unsavedWork';
import { switchableNetwork } from '../helpers/switchableNetwork';

const live = useTestServer();

async function api(path: string, token: string, method: string, body?: unknown) {
  return fetch(`${live.server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function newBoard(): Promise<{ id: string; leadToken: string }> {
  const res = await fetch(`${live.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Refused work', name: 'Lea' }),
  });
  return (await res.json()) as { id: string; leadToken: string };
}

async function invite(board: { id: string; leadToken: string }, role: Role) {
  const res = await api(`/api/boards/${board.id}/invites`, board.leadToken, 'POST', {
    name: 'Eddie',
    role,
  });
  return (await res.json()) as { inviteId: string; token: string };
}

/** What a browser keeps in localStorage for a board, in memory. */
function device() {
  let record: SaveRecord = { acked: new Map(), own: new Set(), unconfirmed: false };
  let kept: readonly UnsavedChange[] = [];
  const ackStore: AckStore = { load: () => record, save: (r) => (record = r) };
  const setAsideStore: SetAsideStore = { load: () => [...kept], save: (c) => (kept = c) };
  return { ackStore, setAsideStore, kept: () => kept };
}

function connect(
  boardId: string,
  token: string,
  more: Partial<BoardConnectionOptions> & { online?: boolean },
): BoardConnection {
  const { online = true, ...options } = more;
  return live.open(boardId, token, options, online ? live.server.url : null);
}

const until = (fn: () => boolean) => vi.waitFor(() => expect(fn()).toBe(true), { timeout: 10_000 });

/** A new board whose lead has saved one card. */
async function boardWithCard(claim: string) {
  const board = await newBoard();
  const lead = connect(board.id, board.leadToken, {});
  await until(() => lead.getSnapshot().status.kind === 'saved');
  const cardId = lead.commands.addClaim({ claim });
  await until(() => lead.getSnapshot().status.kind === 'saved');
  return { board, lead, cardId };
}

async function revoke(board: { id: string; leadToken: string }, inviteId: string) {
  const res = await api(`/api/boards/${board.id}/invites/${inviteId}`, board.leadToken, 'DELETE');
  expect(res.status).toBe(204);
}

/**
 * The first invite revoked and Eddie invited again with `role`; the page that still holds the
 * first invite's offline work (`stores`) opens with the new token, is refused with 4403 and asks
 * once for a fresh connection. `asks.fresh` counts those asks, of this page and of any page
 * given `onStaleCopy`.
 */
async function reinvited(
  board: { id: string; leadToken: string },
  first: { inviteId: string },
  role: Role,
  stores: Partial<BoardConnectionOptions>,
) {
  await revoke(board, first.inviteId);
  const second = await invite(board, role);
  const asks = { fresh: 0 };
  const onStaleCopy = () => void asks.fresh++;
  const refused = connect(board.id, second.token, { ...stores, onStaleCopy });
  await until(() => asks.fresh === 1);
  expect(refused.getSnapshot().status).toEqual({ kind: 'reopening', code: 4403 });
  return { second, refused, asks, onStaleCopy };
}

describe('BoardConnection when the server refuses unsaved work', () => {
  it('re-invited as a reviewer: the offline card edits are refused (4403), listed with their text, and the page is asked for a fresh connection', async () => {
    const { board, cardId } = await boardWithCard('The bridge cost $4 million');

    const first = await invite(board, 'editor');
    const { ackStore, setAsideStore, kept } = device();
    const doc = new Y.Doc();
    const online = connect(board.id, first.token, { doc, ackStore, setAsideStore });
    await until(() => online.getSnapshot().board.cards[cardId] !== undefined);
    online.commands.editCard(cardId, { speaker: 'The mayor' }); // binds the client id online
    await until(() => online.getSnapshot().status.kind === 'saved');
    online.destroy();

    // Offline, with the same doc (so the same client id): what IndexedDB would hold.
    const offline = connect(board.id, first.token, { doc, ackStore, online: false });
    offline.commands.setVerdict(cardId, 'False', 'Offline: the audit, page 12.');
    offline.commands.moveCard(cardId, { column: 'disputed', index: 0 });
    offline.commands.addEvidence(cardId, {
      url: 'https://example.org/audit',
      quote: 'The total was $6.1 million.',
      stance: 'refutes',
    });
    offline.commands.addComment(cardId, { text: 'Ask the council for p. 12.' });
    offline.destroy();

    const { second, refused, asks, onStaleCopy } = await reinvited(board, first, 'reviewer', {
      doc,
      ackStore,
      setAsideStore,
    });
    expect(kept().map((c) => [c.what, c.text])).toEqual([
      ['Verdict “False” on “The bridge cost $4 million”', null],
      ['Rationale on “The bridge cost $4 million”', 'Offline: the audit, page 12.'],
      ['Moved “The bridge cost $4 million” to Disputed', null],
      [
        'Evidence on “The bridge cost $4 million”',
        'https://example.org/audit\n“The total was $6.1 million.”',
      ],
      ['Comment on “The bridge cost $4 million”', 'Ask the council for p. 12.'],
    ]);
    expect(refused.getSnapshot().setAside).toEqual(kept());

    // The fresh connection (a new doc: a new client id) reads the board; nothing is re-sent.
    const again = connect(board.id, second.token, { setAsideStore, onStaleCopy });
    await until(() => again.getSnapshot().status.kind === 'saved');
    expect(again.getSnapshot().board.cards[cardId]?.speaker).toBe('The mayor');
    expect(again.getSnapshot().setAside).toHaveLength(5);
    // A reviewer may comment: the refused comment is posted again, in the new invite's name.
    const comment = kept().find((c) => c.comment);
    again.postSetAsideComment(comment?.key ?? '');
    await until(() => again.getSnapshot().status.kind === 'saved');
    expect(again.getSnapshot().setAside).toHaveLength(4);
    const comments = await live.server.syncServer.read(board.id, (d) =>
      [...d.getMap<Y.Map<unknown>>('comments').values()].map((c) => c.get('text')),
    );
    expect(comments).toEqual(['Ask the council for p. 12.']);
    again.dismissSetAside();
    expect(kept()).toEqual([]);
    expect(asks.fresh).toBe(1);
  });

  it('re-invited as an editor: offline work signed with the old invite is refused (4403) and listed, though the new invite may edit', async () => {
    const { board, cardId } = await boardWithCard('The tunnel cost $9 million');

    // The board read under the first invite, which writes nothing online: its client id is
    // nobody's yet, so only the names its offline work carries can tell it from the new one's.
    const first = await invite(board, 'editor');
    const { ackStore, setAsideStore, kept } = device();
    const doc = new Y.Doc();
    const online = connect(board.id, first.token, { doc, ackStore, setAsideStore });
    await until(() => online.getSnapshot().board.cards[cardId] !== undefined);
    online.destroy();
    const offline = connect(board.id, first.token, { doc, ackStore, online: false });
    offline.commands.moveCard(cardId, { column: 'disputed', index: 0 });
    offline.commands.addEvidence(cardId, { url: 'https://example.org/tunnel', stance: 'refutes' });
    offline.destroy();
    // The server's own SQLite storage is its sync storage too.
    const bindings = await (live.server.storage as SyncStorage).listClientBindings(board.id);
    expect(bindings.some((b) => b.inviteId === first.inviteId)).toBe(false);

    await reinvited(board, first, 'editor', {
      doc,
      ackStore,
      setAsideStore,
    });
    expect(kept().map((c) => c.what)).toEqual([
      'Moved “The tunnel cost $9 million” to Disputed',
      'Evidence on “The tunnel cost $9 million”',
    ]);
    const stored = await live.server.syncServer.read(board.id, (d) => readBoard(d).cards[cardId]);
    expect(stored).toMatchObject({ column: 'unverified', evidence: [] });
  });

  it('offline deletions refused by a revocation are listed by name, through a reload; what was never saved is not', async () => {
    const board = await newBoard();
    const lead = connect(board.id, board.leadToken, {});
    await until(() => lead.getSnapshot().status.kind === 'saved');
    const gone = lead.commands.addClaim({ claim: 'The harbour handled 3 million tonnes' });
    const kept = lead.commands.addClaim({ claim: 'The quay is 800 metres long' });
    const evidenceId = lead.commands.addEvidence(kept, {
      url: 'https://port.example.org/plan',
      quote: 'The quay measures 760 m.',
      stance: 'refutes',
    });
    await until(() => lead.getSnapshot().status.kind === 'saved');

    const first = await invite(board, 'editor');
    const { ackStore, setAsideStore, kept: setAside } = device();
    const doc = new Y.Doc();
    const online = connect(board.id, first.token, { doc, ackStore, setAsideStore });
    await until(() => online.getSnapshot().board.cards[kept]?.evidence.length === 1);
    online.destroy();

    // Offline: two deletions, and a card made and deleted again, which the server never had.
    const offline = connect(board.id, first.token, { doc, ackStore, online: false });
    offline.commands.deleteCard(gone);
    offline.commands.removeEvidence(kept, evidenceId);
    offline.commands.deleteCard(offline.commands.addClaim({ claim: 'A draft' }));
    offline.destroy();

    await revoke(board, first.inviteId);
    // The page opens again (the save record read back) and meets the revocation.
    const refused = connect(board.id, first.token, { doc, ackStore, setAsideStore });
    await until(() => refused.getSnapshot().status.kind === 'refused');
    expect(refused.getSnapshot().status).toEqual({ kind: 'refused', code: 4401 });
    expect(setAside().map((c) => [c.what, c.text])).toEqual([
      ['You deleted the card “The harbour handled 3 million tonnes” — not saved', null],
      [
        'You removed evidence from “The quay is 800 metres long” — not saved',
        'https://port.example.org/plan\n“The quay measures 760 m.”',
      ],
    ]);
    // The server has neither deletion.
    expect(Object.keys(lead.getSnapshot().board.cards).sort()).toEqual([gone, kept].sort());
    expect(lead.getSnapshot().board.cards[kept]?.evidence).toHaveLength(1);
  });

  it('offline bulk commands refused by a revocation are one change each, holding every card', async () => {
    const board = await newBoard();
    const lead = connect(board.id, board.leadToken, {});
    await until(() => lead.getSnapshot().status.kind === 'saved');
    // More cards than the 200 single removals the save record keeps.
    const ids = Array.from({ length: 250 }, (_, i) =>
      lead.commands.addClaim({ claim: `The depot has ${i + 1} buses` }),
    );
    await until(() => lead.getSnapshot().status.kind === 'saved');

    const first = await invite(board, 'editor');
    const { ackStore, setAsideStore, kept: setAside } = device();
    const doc = new Y.Doc();
    const online = connect(board.id, first.token, { doc, ackStore, setAsideStore });
    await until(() => Object.keys(online.getSnapshot().board.cards).length === 250);
    online.destroy();

    const offline = connect(board.id, first.token, { doc, ackStore, online: false });
    offline.commands.assignCards(ids.slice(0, 10), { id: first.inviteId, name: 'Eddie' });
    offline.commands.deleteCards(ids.slice(10));
    offline.destroy();

    await revoke(board, first.inviteId);
    const refused = connect(board.id, first.token, { doc, ackStore, setAsideStore });
    await until(() => refused.getSnapshot().status.kind === 'refused');
    expect(setAside().map((c) => [c.what, c.text, c.cardIds?.length])).toEqual([
      [
        'Assigned 10 cards to Eddie',
        '“The depot has 1 buses”\n“The depot has 2 buses”\n“The depot has 3 buses”\nand 7 more',
        10,
      ],
      [
        'You deleted 240 cards — not saved',
        '“The depot has 11 buses”\n“The depot has 12 buses”\n“The depot has 13 buses”\nand 237 more',
        240,
      ],
    ]);
    expect(refused.getSnapshot().refusedCards.size).toBe(250);
  });

  it('offline Undos and Redos of bulk commands refused by a revocation are one change each, holding every card', async () => {
    const board = await newBoard();
    const lead = connect(board.id, board.leadToken, {});
    await until(() => lead.getSnapshot().status.kind === 'saved');
    const ids = Array.from({ length: 5 }, (_, i) =>
      lead.commands.addClaim({ claim: `The tram line has ${i + 1} stops` }),
    );
    lead.commands.editCard(ids[0] as string, { rationale: 'The 2024 timetable lists one stop.' });
    lead.commands.addEvidence(ids[0] as string, {
      url: 'https://tram.example.org/timetable',
      quote: 'Stops: Central',
      stance: 'refutes',
    });
    await until(() => lead.getSnapshot().status.kind === 'saved');

    const first = await invite(board, 'editor');
    const { ackStore, setAsideStore, kept: setAside } = device();
    const doc = new Y.Doc();
    const network = switchableNetwork();
    const page = connect(board.id, first.token, { doc, ackStore, setAsideStore, network });
    await until(() => Object.keys(page.getSnapshot().board.cards).length === 5);
    page.commands.moveCards(ids, 'disputed');
    page.commands.assignCards(ids, { id: first.inviteId, name: 'Eddie' });
    page.commands.deleteCards(ids);
    await until(() => page.getSnapshot().status.kind === 'saved');
    network.set(false);
    for (const command of ['deleteCards', 'assignCards', 'moveCards']) {
      expect(page.undo()).toEqual({ command, applied: true });
    }
    // A Redo is the command again, and its Undo's cards are no longer as that Undo left them.
    expect(page.redo()).toEqual({ command: 'moveCards', applied: true });
    page.destroy();

    await revoke(board, first.inviteId);
    const refused = connect(board.id, first.token, { doc, ackStore, setAsideStore });
    await until(() => refused.getSnapshot().status.kind === 'refused');
    const claims =
      '“The tram line has 1 stops”\n“The tram line has 2 stops”\n“The tram line has 3 stops”\nand 2 more';
    // The server stored the deletion: the cards' words are there to copy, in full.
    const words = [
      'The tram line has 1 stops\nThe 2024 timetable lists one stop.\nhttps://tram.example.org/timetable\n“Stops: Central”',
      ...[2, 3, 4, 5].map((n) => `The tram line has ${n} stops`),
    ].join('\n\n');
    expect(setAside().map((c) => [c.what, c.text, c.cardIds?.length])).toEqual([
      ['Undid the deletion of 5 cards', words, 5],
      ['Undid the change of who checks 5 cards', claims, 5],
      ['Moved 5 cards to Disputed', claims, 5],
    ]);
    expect(refused.getSnapshot().refusedCards.size).toBe(5);
  });

  it('once revoked, a command is refused before it changes the doc: nothing on screen the server lacks', async () => {
    const { board, cardId } = await boardWithCard('The ferry carried 2 million people');
    const eddie = await invite(board, 'editor');
    const page = connect(board.id, eddie.token, {});
    await until(() => page.getSnapshot().board.cards[cardId] !== undefined);

    await revoke(board, eddie.inviteId);
    await until(() => page.getSnapshot().status.kind === 'refused');
    // A form still open (the claim edited in place, QA15 F1) would have said "saved" of it.
    expect(() => page.commands.editCard(cardId, { claim: 'It carried 1.9 million' })).toThrow(
      'the server refused this connection',
    );
    expect(() => page.commands.addComment(cardId, { text: 'Ask the operator' })).toThrow(
      'the server refused this connection',
    );
    const card = page.getSnapshot().board.cards[cardId];
    expect(card?.claim).toBe('The ferry carried 2 million people');
    expect(card?.comments).toEqual([]);
  });

  it('a deletion the server stored is not kept to be listed', async () => {
    const board = await newBoard();
    const { ackStore } = device();
    const lead = connect(board.id, board.leadToken, { ackStore });
    await until(() => lead.getSnapshot().status.kind === 'saved');
    const cardId = lead.commands.addClaim({ claim: 'Deleted once saved' });
    await until(() => lead.getSnapshot().status.kind === 'saved');
    lead.commands.deleteCard(cardId);
    expect(ackStore.load().removed?.map((r) => r.cardId)).toEqual([cardId]);
    // Confirmed stored with the acknowledgment that counts its message: nothing left to tell.
    await until(() => lead.getSnapshot().status.kind === 'saved');
    expect(ackStore.load().removed).toEqual([]);
  });
});
