/**
 * crossedUndo: an Undo of a move that won over a colleague's move of the same card. Eddie moves
 * cards while offline, Dora moves one of them meanwhile, and on reconnect Yjs keeps Eddie's move
 * (the higher client id wins a crossing: Eddie's doc has id 2, Dora's 1). Eddie's Undo used to
 * leave the card with no place at all, read as Unverified (Yjs cannot write back the place Eddie
 * had replaced, Dora's lies between), so Dora's move vanished; it now puts the card where Dora had
 * put it, the place the board would show had Eddie never moved it. A card moved again since is left
 * where it is, and the Undo says nothing was undone.
 * The real server and WebSockets; Eddie's page goes offline to hold his moves back.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoAnnouncement } from '../../client/board/undoWords';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import type { ColumnId } from '../../shared/board';
import { connectWithToken } from '../helpers/connectWithToken';
import { startTestServer, type TestServer } from '../helpers/http/startTestServer';
import { createBoardOverRest, inviteOverRest } from '../helpers/restApi';
import { switchableNetwork } from '../helpers/switchableNetwork';
import { waitFor } from '../helpers/waitFor';

let server: TestServer;
const open: BoardConnection[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  for (const c of open.splice(0)) c.destroy();
  await server?.stop();
});

const saved = (c: BoardConnection) => () => c.getSnapshot().status.kind === 'saved';
const docWithId = (clientID: number) => {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
};

/** Ana's board with `claims` in Unverified; Eddie (offline-capable, id 2) and Dora (id 1). */
async function boardWithCards(claims: readonly string[]) {
  const board = await createBoardOverRest(server.url, 'Night desk', 'Ana');
  const ana = connectWithToken(server.url, board.id, board.leadToken);
  open.push(ana);
  const ids = claims.map((claim) => ana.commands.addClaim({ claim }));
  await waitFor(saved(ana), { what: 'the cards saved' });
  const network = switchableNetwork();
  const eddieInvite = await inviteOverRest(server.url, board, 'Eddie', 'editor');
  const eddie = connectWithToken(server.url, board.id, eddieInvite.token, {
    network,
    doc: docWithId(2),
  });
  const doraInvite = await inviteOverRest(server.url, board, 'Dora', 'editor');
  const dora = connectWithToken(server.url, board.id, doraInvite.token, { doc: docWithId(1) });
  open.push(eddie, dora);
  for (const page of [eddie, dora]) {
    await waitFor(() => ids.every((id) => page.getSnapshot().board.cards[id] !== undefined), {
      what: 'the cards on the page',
    });
  }
  return { ids, eddie, dora, network };
}

/** Reconnects Eddie and waits until both pages show `columns` for the cards. */
async function merged(
  pages: { eddie: BoardConnection; dora: BoardConnection; network: { set(on: boolean): void } },
  ids: readonly string[],
  columns: readonly ColumnId[],
) {
  pages.network.set(true);
  await waitFor(saved(pages.eddie), { what: 'Eddie’s moves saved', timeout: 8_000 });
  await settled(pages, ids, columns);
}

async function settled(
  { eddie, dora }: { eddie: BoardConnection; dora: BoardConnection },
  ids: readonly string[],
  columns: readonly ColumnId[],
) {
  const at = (page: BoardConnection) => ids.map((id) => page.getSnapshot().board.cards[id]?.column);
  await waitFor(() => saved(eddie)() && saved(dora)(), { what: 'both pages saved' });
  await waitFor(
    () =>
      JSON.stringify(at(eddie)) === JSON.stringify(columns) &&
      JSON.stringify(at(dora)) === JSON.stringify(columns),
    { what: `${columns.join(', ')} on both pages` },
  );
  expect(at(eddie)).toEqual(columns);
  expect(at(dora)).toEqual(columns);
}

describe('crossedUndo: an Undo of a move that won over a colleague’s move of the card', () => {
  it('puts the card where the colleague had put it, and Redo moves it back', async () => {
    const pages = await boardWithCards(['The bridge cost $4 million']);
    const { ids, eddie, dora, network } = pages;
    const [card] = ids as [string];
    network.set(false);
    eddie.commands.moveCard(card, { column: 'disputed', index: 0 });
    dora.commands.moveCard(card, { column: 'corroborated', index: 0 });
    await waitFor(saved(dora), { what: 'Dora’s move saved' });
    await merged(pages, ids, ['disputed']);

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({ command: 'moveCard', applied: true });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Undone: the move of “The bridge cost $4 million” (back to Corroborated, position 1 of 1).',
    );
    await settled(pages, ids, ['corroborated']);
    expect(eddie.getSnapshot().board.cards[card]?.updatedBy?.name).toBe('Dora');

    expect(eddie.redo()).toEqual({ command: 'moveCard', applied: true });
    await settled(pages, ids, ['disputed']);
    expect(eddie.undo()).toEqual({ command: 'moveCard', applied: true });
    await settled(pages, ids, ['corroborated']);
    expect(eddie.getSnapshot().setAside).toEqual([]);
  }, 30_000);

  it('of a bulk move puts back the crossed card where the colleague had put it, the rest where they were', async () => {
    const pages = await boardWithCards(['Claim A', 'Claim B', 'Claim C']);
    const { ids, eddie, dora, network } = pages;
    network.set(false);
    eddie.commands.moveCards(ids, 'disputed');
    dora.commands.moveCard(ids[1] as string, { column: 'corroborated', index: 0 });
    await waitFor(saved(dora), { what: 'Dora’s move saved' });
    await merged(pages, ids, ['disputed', 'disputed', 'disputed']);

    expect(eddie.undo()).toEqual({ command: 'moveCards', applied: true });
    await settled(pages, ids, ['unverified', 'corroborated', 'unverified']);
    expect(eddie.redo()).toEqual({ command: 'moveCards', applied: true });
    await settled(pages, ids, ['disputed', 'disputed', 'disputed']);
    expect(eddie.getSnapshot().setAside).toEqual([]);
  }, 30_000);

  it('leaves a card moved again since where it is, and says nothing was undone', async () => {
    const pages = await boardWithCards(['The tunnel opened in 1994']);
    const { ids, eddie, dora, network } = pages;
    const [card] = ids as [string];
    network.set(false);
    eddie.commands.moveCard(card, { column: 'disputed', index: 0 });
    dora.commands.moveCard(card, { column: 'corroborated', index: 0 });
    await waitFor(saved(dora), { what: 'Dora’s move saved' });
    await merged(pages, ids, ['disputed']);
    dora.commands.moveCard(card, { column: 'unverified', index: 0 });
    await settled(pages, ids, ['unverified']);

    const before = eddie.getSnapshot().board;
    const step = eddie.undo();
    expect(step).toEqual({ command: 'moveCard', applied: false });
    expect(undoAnnouncement('Undone', step, before, eddie.getSnapshot().board)).toBe(
      'Nothing undone: someone else has changed it since the move.',
    );
    await settled(pages, ids, ['unverified']);
    expect(eddie.getSnapshot().board.cards[card]?.updatedBy?.name).toBe('Dora');
  }, 30_000);
});
