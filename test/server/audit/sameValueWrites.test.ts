/**
 * A raw client (not the board's commands, which write no value a key already holds: B15) may
 * write a field with the value it holds. The write happens, but the board reads the same, so
 * the history records nothing of it. observeHistory on a doc standing for the server's, fed
 * the client's update as the sync server applies it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  CARD_KEYS,
  COMMENT_KEYS,
  deleteComment,
  EVIDENCE_KEYS,
  initBoard,
  META_KEYS,
  resolveThread,
  setVerdict,
} from '../../../shared/board';
import { type HistoryDraft, observeHistory } from '../../../server/audit/observeHistory';

const ana = { actor: { id: 'inv-ana', name: 'Ana' } };

function board() {
  const server = new Y.Doc();
  initBoard(server, { title: 'Rents' }, ana);
  const cardId = addClaim(server, { claim: 'Rents doubled' }, ana);
  setVerdict(server, cardId, 'False', 'The register says otherwise', ana);
  assignCard(server, cardId, ana.actor, ana);
  const evidenceId = addEvidence(
    server,
    cardId,
    { url: 'https://example.org/r', quote: 'Q', stance: 'refutes', note: 'N' },
    ana,
  );
  const commentId = addComment(server, cardId, { text: 'Checked' }, ana);
  resolveThread(server, commentId, true, ana);
  const goneId = addComment(server, cardId, { text: 'Oops' }, ana);
  deleteComment(server, goneId, ana);
  const recorded: HistoryDraft[] = [];
  observeHistory(server, (drafts) => recorded.push(...drafts));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  /** Applies `write` on the client, raw, and returns what the server records of it. */
  const send = (write: (doc: Y.Doc) => void) => {
    client.transact(() => write(client));
    recorded.length = 0;
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), 'client');
    return [...recorded];
  };
  const card = () => client.getMap('cards').get(cardId) as Y.Map<unknown>;
  const comment = (id: string) => client.getMap('comments').get(id) as Y.Map<unknown>;
  const evidence = () => (card().get(CARD_KEYS.evidence) as Y.Array<Y.Map<unknown>>).get(0);
  return { server, cardId, evidenceId, commentId, goneId, send, card, comment, evidence };
}

describe('writes of the value a key already holds', () => {
  it('record nothing: verdict, assignee, card and evidence fields, comments, title', () => {
    const b = board();
    const events = b.send((doc) => {
      b.card().set(CARD_KEYS.verdict, 'False');
      b.card().set(CARD_KEYS.assignee, { id: 'inv-ana', name: 'Ana' });
      b.card().set(CARD_KEYS.claim, 'Rents doubled');
      b.card().set(CARD_KEYS.rationale, 'The register says otherwise');
      b.card().set(CARD_KEYS.updatedAt, Date.now());
      b.evidence().set(EVIDENCE_KEYS.note, 'N');
      b.comment(b.commentId).set(COMMENT_KEYS.text, 'Checked');
      b.comment(b.commentId).set(COMMENT_KEYS.resolved, true);
      b.comment(b.goneId).set(COMMENT_KEYS.deletedAt, Date.now() + 1000);
      doc.getMap('meta').set(META_KEYS.title, 'Rents');
    });
    expect(events).toEqual([]);
  });

  it('record what did change beside them', () => {
    const b = board();
    const events = b.send(() => {
      b.card().set(CARD_KEYS.verdict, 'False');
      b.card().set(CARD_KEYS.rationale, 'A new reason');
      b.evidence().set(EVIDENCE_KEYS.note, 'N');
      b.evidence().set(EVIDENCE_KEYS.quote, 'Q2');
    });
    expect(events.map((e) => [e.type, e.data.fields])).toEqual([
      ['card.edited', ['rationale']],
      ['evidence.edited', ['quote']],
    ]);
  });
});
