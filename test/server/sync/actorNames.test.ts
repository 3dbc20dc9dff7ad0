/**
 * Nobody writes under a colleague's name (server/sync/checkActors), against the real sync
 * server and raw y-protocols clients with editor and lead tokens: a card's createdBy and
 * updatedBy, an evidence item's addedBy. A forged one is refused as every refusal is (4403 and
 * its reason, nothing stored, nothing passed on); honest writes, and the Undo of a move after
 * a colleague's, go through.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, addEvidence, CommandOrigin, moveCard, readBoard } from '../../../shared/board';
import type { Actor } from '../../../shared/board/actor';
import { cardsMap } from '../../../shared/board/schema';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { type RawClient, updateFrom } from '../../helpers/rawClient';
import { rawMember } from '../../helpers/rawMember';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

describe('actor fields against raw clients', () => {
  let server: SyncTestServer;
  let boardId: string;
  /** Edie's page: her card, with her evidence, last moved by her. */
  let edie: TestClient;
  let cardId: string;
  const raws: RawClient[] = [];

  beforeEach(async () => {
    server = await startSyncTestServer();
    boardId = await server.createBoard();
    edie = connectProvider(
      server.syncUrl,
      boardId,
      (await server.invite(boardId, 'editor', 'Edie')).token,
    );
    await edie.synced();
    cardId = addClaim(edie.doc, { claim: 'The bridge cost 2 billion' }, edie.as);
    addEvidence(edie.doc, cardId, { url: 'https://budget.example', stance: 'supports' }, edie.as);
    moveCard(edie.doc, cardId, { column: 'disputed', index: 0 }, edie.as);
    await edie.allSaved();
  });
  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    edie.destroy();
    await server.close();
  });

  const member = (role: 'editor' | 'lead') => rawMember(server, boardId, role, 'Rob', raws);
  const serverState = () => server.sync.read(boardId, (doc) => Y.encodeStateAsUpdate(doc));
  const edieActor = (): Actor => edie.as.actor;

  /** Sent in `actor`'s name by a raw client of `role`: 4403 with `reason`, nothing kept. */
  async function expectRefused(
    role: 'editor' | 'lead',
    reason: string,
    change: (doc: Y.Doc, actor: Actor) => void,
  ) {
    const { raw } = await member(role);
    const before = await serverState();
    raw.sendUpdate(updateFrom(raw, (doc) => change(doc, edieActor())));
    expect(await raw.closedWithin()).toEqual({ code: CLOSE.forbidden, reason });
    expect(await serverState()).toEqual(before);
    // A marker written after the attempt reaches Edie's page: the attempt never did.
    const marker = await server.sync.change(boardId, { id: 'system', name: 'Factboard' }, (doc) =>
      addClaim(doc, { claim: 'marker' }, { actor: { id: 'system', name: 'Factboard' } }),
    );
    await waitFor(() => readBoard(edie.doc).cards[marker]);
    expect(Y.encodeStateVector(edie.doc)).toEqual(
      await server.sync.read(boardId, (doc) => Y.encodeStateVector(doc)),
    );
  }

  for (const role of ['editor', 'lead'] as const) {
    it(`an ${role} cannot create a card, add evidence or move a card in a colleague’s name`, async () => {
      await expectRefused(role, 'cards are created in their creator’s own name', (doc, actor) =>
        addClaim(doc, { claim: 'Edie never wrote this' }, { actor }),
      );
      await expectRefused(role, 'evidence is added in its adder’s own name', (doc, actor) =>
        addEvidence(doc, cardId, { url: 'https://fake.example', stance: 'refutes' }, { actor }),
      );
      await expectRefused(role, 'a card is updated in its updater’s own name', (doc, actor) =>
        moveCard(doc, cardId, { column: 'corroborated', index: 0 }, { actor }),
      );
      await expectRefused(role, 'a card’s creator does not change', (doc) =>
        (cardsMap(doc).get(cardId) as Y.Map<unknown>).set('createdBy', { id: 'x', name: 'Rob' }),
      );
      expect(readBoard(edie.doc).cards[cardId]).toMatchObject({
        column: 'disputed',
        createdBy: edieActor(),
        updatedBy: edieActor(),
      });
    });
  }

  it('the same writes in the writer’s own name are stored, acknowledged and passed on', async () => {
    const { raw, as } = await member('editor');
    let mine = '';
    raw.sendUpdate(
      updateFrom(raw, (doc) => {
        mine = addClaim(doc, { claim: 'Tolls cover the cost' }, as);
        addEvidence(doc, cardId, { url: 'https://tolls.example', stance: 'refutes' }, as);
        moveCard(doc, cardId, { column: 'corroborated', index: 0 }, as);
      }),
    );
    await waitFor(() => raw.saved.length > 0, { what: 'saved' });
    await waitFor(() => readBoard(edie.doc).cards[cardId]?.column === 'corroborated');
    const board = readBoard(edie.doc);
    expect(board.cards[mine]).toMatchObject({ createdBy: as.actor, updatedBy: as.actor });
    expect(board.cards[cardId]?.updatedBy).toEqual(as.actor);
    expect(board.cards[cardId]?.evidence.map((e) => e.addedBy)).toEqual([edieActor(), as.actor]);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  });

  it('Undo of a move after a colleague’s puts the colleague back as the card’s updater', async () => {
    const { raw, as } = await member('editor');
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(raw.mirror), 'server');
    local.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') raw.sendUpdate(update);
    });
    const undo = new Y.UndoManager(cardsMap(local), {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    moveCard(local, cardId, { column: 'unverified', index: 0 }, as);
    await waitFor(() => readBoard(edie.doc).cards[cardId]?.updatedBy.id === as.actor.id);
    undo.undo();
    await waitFor(() => readBoard(edie.doc).cards[cardId]?.column === 'disputed');
    expect(readBoard(edie.doc).cards[cardId]?.updatedBy).toEqual(edieActor());
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  });
});
