// "Restore mine" on a notice of edits lost with an evidence item that its remover put back (an
// Undo) before the edits reached them: real Y.Docs, the real lost-edit watch and the board's
// bound commands, updates exchanged by hand as the server would.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addEvidence,
  cardsMap,
  CommandOrigin,
  deleteCard,
  editEvidence,
  initBoard,
  readBoard,
  removeEvidence,
} from '../../../shared/board';
import { bindCommands } from '../../../client/sync/boardCommands';
import { LostEditWatch } from '../../../client/sync/LostEditWatch';
import type { LostWork, RemovedWithEdits } from '../../../client/sync/lostWork';
import { errorMessage } from '../../../client/ui/errorMessage';
import {
  evidenceEditsPatch,
  restoreEvidenceEdits,
  restoreRemoved,
} from '../../../client/review/restoreEvidenceEdits';

let tick = 1_700_000_000_000;
const now = () => ++tick;
const lea = { actor: { id: 'inv-lea', name: 'Lea' }, now };
const eddie = { actor: { id: 'inv-eddie', name: 'Eddie' }, now };

const sync = (to: Y.Doc, from: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');

/**
 * Lea's item on a card; Eddie, offline, changes its stance and note while Lea removes it and
 * undoes that: the item is back, as Lea had it, and Eddie's page tells him of his edits.
 */
function removedAndPutBack() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = 1;
  b.clientID = 2;
  initBoard(a, { title: 'Budget' }, lea);
  const cardId = addClaim(a, { claim: 'The bridge cost $4 million' }, lea);
  const evidenceId = addEvidence(
    a,
    cardId,
    { url: 'https://lea.example.org/report', quote: 'Costs rose', stance: 'supports' },
    lea,
  );
  sync(b, a);
  const lost: LostWork[] = [];
  const watch = new LostEditWatch(b, (n) => lost.push(n), null);
  b.on('afterTransaction', (tr: Y.Transaction) =>
    watch.noteTransaction(tr, tr.origin === 'remote'),
  );
  const undo = new Y.UndoManager(cardsMap(a), { trackedOrigins: new Set([CommandOrigin]) });
  editEvidence(b, cardId, evidenceId, { stance: 'refutes', note: 'Page 4 says $6m' }, eddie);
  removeEvidence(a, cardId, evidenceId, lea);
  undo.undo();
  sync(b, a);
  expect(lost).toHaveLength(1);
  const notice = lost[0] as RemovedWithEdits;
  // Eddie's board page: its commands on his doc, and what it says.
  const said: string[] = [];
  const shown: string[] = [];
  const origins: unknown[] = [];
  b.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin !== 'remote') origins.push(tr.origin);
  });
  const actions = {
    commands: bindCommands({
      doc: b,
      actor: eddie.actor,
      role: 'editor',
      refused: () => false,
      afterCommand: () => {},
    }),
    run(what: string, fn: () => void) {
      try {
        fn();
        return true;
      } catch (err) {
        shown.push(`Could not ${what}: ${errorMessage(err)}`);
        return false;
      }
    },
    announce: (text: string) => said.push(text),
    notify: (text: string) => shown.push(text),
  };
  return { a, b, cardId, evidenceId, notice, actions, said, shown, origins };
}

describe('restoreEvidenceEdits', () => {
  it('puts Eddie’s values back on the item, in the fields he edited, as one change everyone sees', () => {
    const { a, b, cardId, evidenceId, notice, actions, said, origins } = removedAndPutBack();
    expect(notice.edited).toEqual(['stance', 'note']);
    expect(evidenceEditsPatch(notice)).toEqual({ stance: 'refutes', note: 'Page 4 says $6m' });
    expect(restoreRemoved(actions, notice, true)).toBe(true);
    expect(said).toEqual(['Your changes to the evidence from lea.example.org are restored.']);
    // One transaction, named and in Eddie's name.
    expect(origins).toEqual([expect.any(CommandOrigin)]);
    expect(origins[0]).toMatchObject({ command: 'editEvidence', actor: eddie.actor });
    sync(a, b);
    expect(readBoard(a).cards[cardId]!.evidence).toEqual([
      expect.objectContaining({
        id: evidenceId,
        url: 'https://lea.example.org/report',
        quote: 'Costs rose',
        stance: 'refutes',
        note: 'Page 4 says $6m',
      }),
    ]);
  });

  it('says so when the item is gone again by the click, and changes nothing', () => {
    const { a, b, cardId, evidenceId, notice, actions, said, shown, origins } = removedAndPutBack();
    removeEvidence(a, cardId, evidenceId, lea);
    sync(b, a);
    expect(restoreEvidenceEdits(actions, notice)).toBe(false);
    expect(shown).toEqual([
      'The evidence from lea.example.org has been removed again, so your changes are not restored. Add it again from the notice to put it back with them.',
    ]);
    expect(said).toEqual([]);
    expect(origins).toEqual([]);
    expect(readBoard(b).cards[cardId]!.evidence).toEqual([]);
  });

  it('says so when the card is gone by the click', () => {
    const { a, b, cardId, notice, actions, shown } = removedAndPutBack();
    deleteCard(a, cardId, lea);
    sync(b, a);
    expect(restoreEvidenceEdits(actions, notice)).toBe(false);
    expect(shown).toEqual([
      'The card has been deleted since, so your changes to its evidence are not restored.',
    ]);
  });

  it('adds the item again, with his values, while it is not back', () => {
    const { a, b, cardId, evidenceId, notice, actions, said } = removedAndPutBack();
    removeEvidence(a, cardId, evidenceId, lea);
    sync(b, a);
    expect(restoreRemoved(actions, notice, false)).toBe(true);
    expect(said).toEqual(['Evidence from lea.example.org added again.']);
    expect(readBoard(b).cards[cardId]!.evidence).toEqual([
      expect.objectContaining({ stance: 'refutes', note: 'Page 4 says $6m' }),
    ]);
  });
});
