/**
 * A write that reaches the server after a colleague deleted its card (or removed its evidence
 * item) meanwhile: Yjs discards it, and the history says that it was made and lost, in its
 * writer's name, with what it wrote and who deleted the card; also when the board was loaded
 * again between the deletion and the write. Real y-websocket clients against the real sync
 * server on a real SQLite file; Ana edits offline while Bo deletes.
 */
import { describe, expect, it } from 'vitest';
import {
  addClaim,
  addEvidence,
  deleteCard,
  editCard,
  editEvidence,
  moveCard,
  removeEvidence,
  setVerdict,
} from '../../../shared/board';
import { describeEvent } from '../../../client/history/historyEvent';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import type { TestClient } from '../../helpers/connectProvider';
import { useSqliteBoard } from '../../helpers/sqliteBoard';
import { waitFor } from '../../helpers/waitFor';

describe('a write lost to a deletion', () => {
  const board = useSqliteBoard();
  const join = async (name: string) => (await board.join('editor', name)).client;
  const claim = 'Rents doubled since 2015';
  const url = 'https://stats.example/rents';

  /** Ana's card with a piece of evidence and a verdict, seen by Bo; then Ana goes offline. */
  async function anaOffline() {
    const { client: ana, invite: anaInvite } = await board.join('editor', 'Ana');
    const bo = await join('Bo');
    const cardId = addClaim(ana.doc, { claim }, ana.as);
    setVerdict(ana.doc, cardId, 'Mostly true', 'Close enough.', ana.as);
    const evidenceId = addEvidence(ana.doc, cardId, { url, stance: 'refutes' }, ana.as);
    await ana.allSaved();
    await waitFor(() => bo.doc.getMap('cards').has(cardId));
    ana.provider.disconnect();
    return { ana, anaToken: anaInvite.token, bo, cardId, evidenceId };
  }

  /** Ana back online, everything she wrote stored; the card's history. */
  async function reconnect(ana: TestClient, bo: TestClient, cardId: string) {
    await bo.allSaved();
    ana.provider.connect();
    await ana.synced();
    await ana.allSaved();
    return readAllHistory(board.server.storage, board.boardId, cardId);
  }

  it('records each write into a card deleted meanwhile, in its writer’s name', async () => {
    const { ana, bo, cardId, evidenceId } = await anaOffline();
    // Twice: only the last rationale counts, as Ana replaced the first herself.
    setVerdict(ana.doc, cardId, 'False', 'The series shows 60%.', ana.as);
    setVerdict(ana.doc, cardId, 'False', 'The series shows 40%.', ana.as);
    moveCard(ana.doc, cardId, { column: 'disputed', index: 0 }, ana.as);
    // A field the card never had: written into the card itself, next to nothing.
    editCard(ana.doc, cardId, { speaker: 'The ministry' }, ana.as);
    editEvidence(ana.doc, cardId, evidenceId, { stance: 'context' }, ana.as);
    const added = addEvidence(
      ana.doc,
      cardId,
      { url: 'https://census.example/t3', stance: 'supports' },
      ana.as,
    );
    deleteCard(bo.doc, cardId, bo.as);
    const history = await reconnect(ana, bo, cardId);
    await waitFor(() => !ana.doc.getMap('cards').has(cardId));

    const lost = history.filter((e) => e.type === 'write.lost');
    const said = { claim, deleted: 'card', deletedBy: bo.as.actor };
    expect(lost.map((e) => [e.actor.name, e.data])).toEqual(
      expect.arrayContaining([
        ['Ana', { field: 'verdict', value: 'False', ...said }],
        ['Ana', { field: 'rationale', value: 'The series shows 40%.', ...said }],
        ['Ana', { field: 'column', value: 'disputed', ...said }],
        ['Ana', { field: 'speaker', value: 'The ministry', ...said }],
        ['Ana', { evidenceId, evidenceUrl: url, field: 'stance', value: 'context', ...said }],
        [
          'Ana',
          {
            evidenceId: added,
            field: 'evidence',
            value: { url: 'https://census.example/t3', stance: 'supports' },
            ...said,
          },
        ],
      ]),
    );
    expect(lost).toHaveLength(6);
    const rationale = lost.find((e) => e.data.field === 'rationale')!;
    expect(describeEvent(rationale)).toBe(
      'changed the rationale to “The series shows 40%.”, but the card had been deleted by Bo, so it was not kept',
    );
  });

  /** What the history says of Ana's stance edit of an item Bo removed meanwhile. */
  const stanceLostToRemoval = (evidenceId: string, bo: TestClient) => [
    [
      'Ana',
      {
        evidenceId,
        evidenceUrl: url,
        field: 'stance',
        value: 'context',
        claim,
        deleted: 'evidence',
        deletedBy: bo.as.actor,
      },
    ],
  ];

  it('records an edit of an evidence item removed meanwhile, with the url that names it', async () => {
    const { ana, bo, cardId, evidenceId } = await anaOffline();
    editEvidence(ana.doc, cardId, evidenceId, { stance: 'context' }, ana.as);
    removeEvidence(bo.doc, cardId, evidenceId, bo.as);
    const history = await reconnect(ana, bo, cardId);
    const lost = history.filter((e) => e.type === 'write.lost');
    expect(lost.map((e) => [e.actor.name, e.data])).toEqual(stanceLostToRemoval(evidenceId, bo));
    expect(describeEvent(lost[0]!)).toBe(
      `changed the stance of the evidence ${url} to Context, but the evidence had been removed by Bo, so it was not kept`,
    );
  });

  it('records nothing of the kind for an ordinary edit, online or offline', async () => {
    const { ana, bo, cardId, evidenceId } = await anaOffline();
    // The board has lost a card, and the room remembers it: not what these edits touch.
    const other = addClaim(bo.doc, { claim: 'Bus fares went up 15%' }, bo.as);
    deleteCard(bo.doc, other, bo.as);
    setVerdict(ana.doc, cardId, 'False', 'The series shows 40%.', ana.as);
    editEvidence(bo.doc, cardId, evidenceId, { note: 'Table 3' }, bo.as);
    moveCard(bo.doc, cardId, { column: 'corroborated', index: 0 }, bo.as);
    const history = await reconnect(ana, bo, cardId);
    expect(history.map((e) => e.type)).toContain('verdict.set');
    expect(history.filter((e) => e.type === 'write.lost')).toEqual([]);
  });

  // The room that takes the write never saw the deletion: what the card and its evidence held
  // comes from storage (after a restart on the same SQLite file, the board compacted into a
  // snapshot; after its room unloaded while nobody had the board open, read from its log).
  /**
   * Bo's deletion stored (its history event: a deletion alone adds no clock for allSaved to
   * wait for), and Bo gone.
   */
  async function boLeaves(bo: TestClient, cardId: string, deletion: string) {
    await waitFor(
      async () =>
        (await readAllHistory(board.server.storage, board.boardId, cardId)).some(
          (e) => e.type === deletion,
        ),
      { what: deletion },
    );
    bo.destroy();
  }

  /** Ana online again with her doc (on `server` as it is now); the card's write.lost events. */
  async function anaBack(ana: TestClient, token: string, cardId: string) {
    ana.destroy();
    const back = await board.rejoin(token, ana.doc);
    await back.allSaved();
    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    return history.filter((e) => e.type === 'write.lost');
  }

  it('records writes into a card deleted before a restart, in the writer’s name', async () => {
    const { ana, anaToken, bo, cardId, evidenceId } = await anaOffline();
    setVerdict(ana.doc, cardId, 'False', 'The series shows 40%.', ana.as);
    moveCard(ana.doc, cardId, { column: 'disputed', index: 0 }, ana.as);
    editEvidence(ana.doc, cardId, evidenceId, { note: 'Table 3' }, ana.as);
    deleteCard(bo.doc, cardId, bo.as);
    await boLeaves(bo, cardId, 'card.deleted');
    // Stored as one snapshot, as a compaction leaves it: the deleted card's structs merged.
    const { storage } = board.server;
    const { lastSeq } = await storage.loadContent(board.boardId);
    await storage.compact(board.boardId, lastSeq, Date.now(), { pruneBefore: Date.now() });
    await board.restart();

    const lost = await anaBack(ana, anaToken, cardId);
    const said = { claim, deleted: 'card', deletedBy: bo.as.actor };
    expect(lost.map((e) => [e.actor.name, e.data])).toEqual(
      expect.arrayContaining([
        ['Ana', { field: 'verdict', value: 'False', ...said }],
        ['Ana', { field: 'rationale', value: 'The series shows 40%.', ...said }],
        ['Ana', { field: 'column', value: 'disputed', ...said }],
        ['Ana', { evidenceId, evidenceUrl: url, field: 'note', value: 'Table 3', ...said }],
      ]),
    );
    expect(lost).toHaveLength(4);
  });

  it('records an edit of an evidence item removed before its room was unloaded', async () => {
    const { ana, anaToken, bo, cardId, evidenceId } = await anaOffline();
    editEvidence(ana.doc, cardId, evidenceId, { stance: 'context' }, ana.as);
    removeEvidence(bo.doc, cardId, evidenceId, bo.as);
    await boLeaves(bo, cardId, 'evidence.removed');
    await waitFor(() => board.server.sync.stats().rooms === 0, { what: 'room unloaded' });

    const lost = await anaBack(ana, anaToken, cardId);
    expect(lost.map((e) => [e.actor.name, e.data])).toEqual(stanceLostToRemoval(evidenceId, bo));
  });
});
