/**
 * An Undo of a field's first write deletes its key (a new card has no speaker type nor
 * published URL until an editor sets them), and the deleted item still holds the value. The
 * history records the field emptied, as the board reads it, not set again to what it held
 * (found by QA: the Undo of "Speaker is a Organization" and a published URL was recorded as
 * setting both). observeHistory on a doc standing for the server's, fed the client's updates
 * as the sync server applies them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  cardsMap,
  CommandOrigin,
  editCard,
  initBoard,
  readBoard,
} from '../../../shared/board';
import { type HistoryDraft, observeHistory } from '../../../server/audit/observeHistory';

const eddie = { actor: { id: 'inv-eddie', name: 'Eddie' } };
const URL = 'https://checks.example/1';

describe('the Undo of a field’s first write', () => {
  it('is recorded as the field emptied: card.edited values null, was the undone value', () => {
    const server = new Y.Doc();
    initBoard(server, { title: 'Jobs' }, eddie);
    const cardId = addClaim(server, { claim: 'Unemployment fell to 4.2%' }, eddie);
    const recorded: HistoryDraft[] = [];
    observeHistory(server, (drafts) => recorded.push(...drafts));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sync = () =>
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), 'client');
    const undo = new Y.UndoManager(cardsMap(client), {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });

    editCard(client, cardId, { speakerType: 'organization', reviewUrl: URL }, eddie);
    sync();
    undo.undo();
    sync();

    const card = readBoard(server).cards[cardId]!;
    expect([card.speakerType, card.reviewUrl]).toEqual([null, null]);
    const edits = recorded.filter((e) => e.type === 'card.edited').map((e) => e.data);
    expect(edits).toEqual([
      {
        fields: ['reviewUrl', 'speakerType'],
        values: { speakerType: 'organization', reviewUrl: URL },
        was: { speakerType: null, reviewUrl: null },
      },
      {
        fields: ['reviewUrl', 'speakerType'],
        values: { speakerType: null, reviewUrl: null },
        was: { speakerType: 'organization', reviewUrl: URL },
      },
    ]);
  });
});
