/**
 * A write lost to a deletion is recorded (write.lost) also when the board was loaded again
 * between the deletion and the write's arrival: after a restart of the sync server on the same
 * SQLite file (the board compacted into a snapshot), and after its room was unloaded while
 * nobody had the board open (the board read from its log of updates). The room that
 * takes the write never saw the deletion: what the card and its evidence held comes from
 * storage. Real y-websocket clients; Ana edits offline while Bo deletes, then Bo leaves.
 */
import { describe, expect, it } from 'vitest';
import {
  addClaim,
  addEvidence,
  deleteCard,
  editEvidence,
  moveCard,
  removeEvidence,
  setVerdict,
} from '../../../shared/board';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import type { TestClient } from '../../helpers/connectProvider';
import { useSqliteBoard } from '../../helpers/sqliteBoard';
import { waitFor } from '../../helpers/waitFor';

describe('a write lost to a deletion made before the board loaded again', () => {
  const board = useSqliteBoard();

  const claim = 'Rents doubled since 2015';
  const url = 'https://stats.example/rents';

  /** Ana's card with evidence and a verdict, seen by Bo; then Ana goes offline. */
  async function anaOffline() {
    const { client: ana, invite: anaInvite } = await board.join('editor', 'Ana');
    const { client: bo } = await board.join('editor', 'Bo');
    const cardId = addClaim(ana.doc, { claim }, ana.as);
    setVerdict(ana.doc, cardId, 'Mostly true', 'Close enough.', ana.as);
    const evidenceId = addEvidence(ana.doc, cardId, { url, stance: 'refutes' }, ana.as);
    await ana.allSaved();
    await waitFor(() => bo.doc.getMap('cards').has(cardId));
    ana.provider.disconnect();
    return { ana, anaToken: anaInvite.token, bo, cardId, evidenceId };
  }

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
    expect(lost.map((e) => [e.actor.name, e.data])).toEqual([
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
    ]);
  });
});
