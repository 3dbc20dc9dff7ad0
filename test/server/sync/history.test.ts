/**
 * History (issue 4, item 7): the server derives events from what each transaction changed and
 * attributes them to the invite whose connection sent it; clients cannot write history. The
 * server stores in a real SQLite file, as in production.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addClaims,
  removeArticle,
  DEFAULT_RATING_SCALE,
  editRatingScale,
  type LabelRename,
  type RatingLabel,
  readBoard,
  readMeta,
  setBoardMeta,
  addComment,
  addEvidence,
  assignCard,
  assignCards,
  CommandOrigin,
  commentsMap,
  deleteCard,
  deleteCards,
  deleteComment,
  editCard,
  editComment,
  editEvidence,
  moveCard,
  moveCards,
  removeEvidence,
  resolveThread,
  setVerdict,
} from '../../../shared/board';
import { useSqliteBoard } from '../../helpers/sqliteBoard';
import { waitFor } from '../../helpers/waitFor';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import { describeEvent } from '../../../client/history/historyEvent';
import { describeCards, groupActivity } from '../../../client/history/groupActivity';

describe('history derived on the server', () => {
  const board = useSqliteBoard();
  const { join } = board;

  it('records each meaningful change, attributed to the invite that sent it', async () => {
    const { client: ed, invite: edInvite } = await join('editor', 'Edie');
    const { client: rev, invite: revInvite } = await join('reviewer', 'Rita');
    // The doc names the sender too (the write policy takes nothing else); the history's actor
    // comes from the connection.
    const edie = ed.as;
    const doc = ed.doc;
    const cardId = addClaim(doc, { claim: 'Crime rose 20%' }, edie);
    editCard(doc, cardId, { claim: 'Crime rose 21%', speaker: 'Mayor' }, edie);
    const evidenceId = addEvidence(
      doc,
      cardId,
      { url: 'https://stats.example', stance: 'refutes' },
      edie,
    );
    editEvidence(doc, cardId, evidenceId, { note: 'table 3' }, edie);
    setVerdict(doc, cardId, 'False', 'Stats say 3%', edie);
    moveCard(doc, cardId, { column: 'disputed', index: 0 }, edie);
    moveCard(doc, cardId, { column: 'disputed', index: 0 }, edie); // a reorder: no event
    assignCard(doc, cardId, { id: edInvite.inviteId, name: 'Edie' }, edie);
    removeEvidence(doc, cardId, evidenceId, edie);
    await ed.allSaved();
    await waitFor(() => rev.doc.getMap('cards').has(cardId));
    const revCtx = { actor: { id: revInvite.inviteId, name: 'Rita' } };
    const commentId = addComment(rev.doc, cardId, { text: 'Source?' }, revCtx);
    editComment(rev.doc, commentId, 'Source please', revCtx);
    resolveThread(rev.doc, commentId, true, revCtx);
    resolveThread(rev.doc, commentId, false, revCtx);
    deleteComment(rev.doc, commentId, revCtx);
    await rev.allSaved();
    await waitFor(() => doc.getMap('comments').has(commentId));
    deleteCard(doc, cardId, edie);
    // The test client's allSaved() compares clocks only, which a delete does not move: ask the server.
    await waitFor(() =>
      board.server.sync.read(board.boardId, (d) => !d.getMap('cards').has(cardId)),
    );

    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    expect(history.map((e) => [e.type, e.actor.name])).toEqual([
      ['card.created', 'Edie'],
      ['card.edited', 'Edie'],
      ['evidence.added', 'Edie'],
      ['evidence.edited', 'Edie'],
      ['verdict.set', 'Edie'],
      ['card.edited', 'Edie'],
      ['card.moved', 'Edie'],
      ['card.assigned', 'Edie'],
      ['evidence.removed', 'Edie'],
      ['comment.posted', 'Rita'],
      ['comment.edited', 'Rita'],
      ['comment.resolved', 'Rita'],
      ['comment.reopened', 'Rita'],
      ['comment.deleted', 'Rita'],
      ['card.deleted', 'Edie'],
    ]);
    const byType = (t: string) => history.find((e) => e.type === t)?.data;
    expect(history.every((e) => [edInvite.inviteId, revInvite.inviteId].includes(e.actor.id))).toBe(
      true,
    );
    expect(byType('card.created')).toEqual({ claim: 'Crime rose 20%', column: 'unverified' });
    expect(byType('card.edited')).toEqual({
      fields: ['claim', 'speaker'],
      values: { claim: 'Crime rose 21%', speaker: 'Mayor' },
      was: { claim: 'Crime rose 20%', speaker: null },
    });
    // The rationale saved with the verdict is the second edit, with its text.
    expect(history.filter((e) => e.type === 'card.edited')[1]?.data).toEqual({
      fields: ['rationale'],
      values: { rationale: 'Stats say 3%' },
      was: { rationale: '' },
    });
    expect(byType('card.moved')).toEqual({ from: 'unverified', to: 'disputed' });
    expect(byType('verdict.set')).toEqual({ verdict: 'False', from: null });
    expect(byType('evidence.added')).toEqual({
      evidenceId,
      stance: 'refutes',
      url: 'https://stats.example',
    });
    // Evidence and comment events keep the words, as card.edited does: new and old values.
    expect(byType('evidence.edited')).toEqual({
      evidenceId,
      fields: ['note'],
      values: { note: 'table 3' },
      was: { note: '' },
    });
    expect(byType('evidence.removed')).toEqual({
      evidenceId,
      url: 'https://stats.example',
      stance: 'refutes',
      quote: '',
    });
    // The post carries its first words, so the trail reads without the board.
    expect(byType('comment.posted')).toEqual({ commentId, parentId: null, text: 'Source?' });
    expect(byType('comment.edited')).toEqual({
      commentId,
      text: 'Source please',
      was: 'Source?',
    });
    // The doc keeps an empty tombstone; the history keeps what the comment said.
    expect(byType('comment.deleted')).toEqual({ commentId, text: 'Source please' });
    // Who was checking it, so they are told on their next visit from the history alone.
    expect(byType('card.deleted')).toEqual({
      claim: 'Crime rose 21%',
      assignee: { id: edInvite.inviteId, name: 'Edie' },
    });
    for (let i = 1; i < history.length; i++) {
      expect(history[i]!.at).toBeGreaterThanOrEqual(history[i - 1]!.at);
    }
  });

  it('records a selection moved, given and deleted at once as one event per card, one change each', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const doc = ed.doc;
    const ids = addClaims(doc, [{ claim: 'One' }, { claim: 'Two' }, { claim: 'Three' }], ed.as);
    // Each saved before the next, as a person's actions are (this client would send them as one).
    await ed.allSaved();
    // Two verdicts not of Disputed, given one label with the move.
    setVerdict(doc, ids[0]!, 'Unproven', undefined, ed.as);
    await ed.allSaved();
    setVerdict(doc, ids[1]!, 'True', undefined, ed.as);
    await ed.allSaved();
    moveCards(doc, ids, { column: 'disputed', verdict: 'Misleading' }, ed.as);
    await ed.allSaved();
    assignCards(doc, ids, ed.as.actor, ed.as);
    await ed.allSaved();
    deleteCards(doc, ids, ed.as);
    await waitFor(() =>
      board.server.sync.read(board.boardId, (d) => ids.every((id) => !d.getMap('cards').has(id))),
    );
    const history = (await readAllHistory(board.server.storage, board.boardId)).filter(
      (e) => e.cardId !== null && ids.includes(e.cardId),
    );
    const ofType = (t: string) => history.filter((e) => e.type === t);
    for (const type of ['card.moved', 'card.assigned', 'card.deleted']) {
      const events = ofType(type);
      expect(events.map((e) => e.cardId).sort(), type).toEqual([...ids].sort());
      // One change: the same actor and time, which the Activity feed makes one row of.
      expect(new Set(events.map((e) => e.at)).size, type).toBe(1);
      expect(new Set(events.map((e) => e.actor.name)), type).toEqual(new Set(['Edie']));
    }
    const rows = groupActivity([...history].reverse());
    expect(rows.map((r) => (r.kind === 'cards' ? describeCards(r) : r.kind))).toEqual([
      'deleted 3 cards',
      'took 3 cards',
      'moved 3 cards from Unverified to Disputed and set 2 verdicts to Misleading',
      'card',
      'card',
      'added 3 cards to Unverified',
    ]);
  });

  it('keeps what evidence said when its stance changes and when it goes, and an undone comment', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const { client: rev, invite: revInvite } = await join('reviewer', 'Rita');
    const ctx = ed.as;
    const cardId = addClaim(ed.doc, { claim: 'Crime fell 30%' }, ctx);
    const url = 'https://stats.example/table-3';
    const evidenceId = addEvidence(
      ed.doc,
      cardId,
      { url, stance: 'refutes', quote: 'Crime fell 3%' },
      ctx,
    );
    editEvidence(ed.doc, cardId, evidenceId, { stance: 'context', quote: 'Fell 3% in 2023' }, ctx);
    editEvidence(ed.doc, cardId, evidenceId, { note: 'Table 3', quote: '' }, ctx);
    removeEvidence(ed.doc, cardId, evidenceId, ctx);
    await ed.allSaved();
    await waitFor(() => rev.doc.getMap('cards').has(cardId));
    // A comment posted and then undone leaves the board entirely; its words stay in the history.
    const undo = new Y.UndoManager(commentsMap(rev.doc), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    const revCtx = { actor: { id: revInvite.inviteId, name: 'Rita' } };
    const commentId = addComment(rev.doc, cardId, { text: 'Wrong card, sorry' }, revCtx);
    await rev.allSaved();
    undo.undo();
    await waitFor(() =>
      board.server.sync.read(board.boardId, (d) => !d.getMap('comments').has(commentId)),
    );

    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    const of = (type: string) => history.filter((e) => e.type === type).map((e) => e.data);
    expect(of('evidence.edited')).toEqual([
      {
        evidenceId,
        fields: ['quote', 'stance'],
        values: { quote: 'Fell 3% in 2023', stance: 'context' },
        was: { quote: 'Crime fell 3%', stance: 'refutes' },
      },
      {
        evidenceId,
        fields: ['note', 'quote'],
        values: { note: 'Table 3', quote: '' },
        was: { note: '', quote: 'Fell 3% in 2023' },
      },
    ]);
    expect(of('evidence.removed')).toEqual([{ evidenceId, url, stance: 'context', quote: '' }]);
    expect(history.filter((e) => e.type === 'comment.deleted').map((e) => e.actor.name)).toEqual([
      'Rita',
    ]);
    expect(of('comment.deleted')).toEqual([
      { commentId, parentId: null, text: 'Wrong card, sorry' },
    ]);
  });

  it('records a card’s speaker type and published fact-check as edits, with old and new values', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const ctx = ed.as;
    const cardId = addClaim(ed.doc, { claim: 'Exports rose 8%', speaker: 'Grace Bank' }, ctx);
    const url = 'https://factdesk.example/checks/exports';
    editCard(ed.doc, cardId, { speakerType: 'person', reviewUrl: url }, ctx);
    editCard(ed.doc, cardId, { speakerType: 'organization', reviewUrl: null }, ctx);
    await ed.allSaved();
    const edits = (await readAllHistory(board.server.storage, board.boardId, cardId)).filter(
      (e) => e.type === 'card.edited',
    );
    expect(edits.map((e) => [e.actor.name, e.data])).toEqual([
      [
        'Edie',
        {
          fields: ['reviewUrl', 'speakerType'],
          values: { reviewUrl: url, speakerType: 'person' },
          was: { reviewUrl: null, speakerType: null },
        },
      ],
      [
        'Edie',
        {
          fields: ['reviewUrl', 'speakerType'],
          values: { reviewUrl: null, speakerType: 'organization' },
          was: { reviewUrl: url, speakerType: 'person' },
        },
      ],
    ]);
  });

  it('says what an edited claim, speaker, rationale and fact-check URL were before, as stored', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const ctx = ed.as;
    const cardId = addClaim(ed.doc, { claim: 'Rents doubled', speaker: 'The mayor' }, ctx);
    editCard(ed.doc, cardId, { claim: 'Rents rose 90%', speaker: 'Mayor Ruiz' }, ctx);
    setVerdict(ed.doc, cardId, 'False', 'Close but rounded', ctx);
    setVerdict(ed.doc, cardId, 'False', '', ctx);
    const url = 'https://factdesk.example/checks/rents';
    editCard(ed.doc, cardId, { reviewUrl: url }, ctx);
    editCard(ed.doc, cardId, { reviewUrl: `${url}-2` }, ctx);
    await ed.allSaved();
    // The client's words for the events the server stored.
    const edits = (await readAllHistory(board.server.storage, board.boardId, cardId))
      .filter((e) => e.type === 'card.edited')
      .map(describeEvent);
    expect(edits).toEqual([
      'changed the claim text from “Rents doubled” to “Rents rose 90%” and the speaker from “The mayor” to “Mayor Ruiz”',
      'changed the rationale to “Close but rounded”',
      'cleared the rationale (was “Close but rounded”)',
      `changed the published fact-check URL to “${url}”`,
      `changed the published fact-check URL from “${url}” to “${url}-2”`,
    ]);
  });

  it('records an undone deletion as the card restored, not as a new card', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const ctx = ed.as;
    const cardId = addClaim(ed.doc, { claim: 'Prisons hold 70,000' }, ctx);
    moveCard(ed.doc, cardId, { column: 'disputed', index: 0 }, ctx);
    await ed.allSaved();
    const undo = new Y.UndoManager(ed.doc.getMap('cards'), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    deleteCard(ed.doc, cardId, ctx);
    await ed.allSaved();
    undo.undo();
    await ed.allSaved();
    expect(await board.server.sync.read(board.boardId, (d) => d.getMap('cards').has(cardId))).toBe(
      true,
    );
    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    expect(history.map((e) => [e.type, e.actor.name, e.data.column])).toEqual([
      ['card.created', 'Edie', 'unverified'],
      ['card.moved', 'Edie', undefined],
      ['card.deleted', 'Edie', undefined],
      ['card.restored', 'Edie', 'disputed'],
    ]);
  });

  it('records an undone comment deletion as the comment restored, with its words', async () => {
    const { client: rev, invite } = await join('reviewer', 'Rita');
    const ctx = { actor: { id: invite.inviteId, name: 'Rita' } };
    const { client: ed } = await join('editor', 'Edie');
    const cardId = addClaim(ed.doc, { claim: 'Prisons hold 70,000' }, ed.as);
    await ed.allSaved();
    await waitFor(() => rev.doc.getMap('cards').has(cardId));
    const commentId = addComment(rev.doc, cardId, { text: 'Source is the 2023 census' }, ctx);
    const undo = new Y.UndoManager(commentsMap(rev.doc), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    deleteComment(rev.doc, commentId, ctx);
    await rev.allSaved();
    undo.undo();
    await rev.allSaved();
    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    expect(
      history.filter((e) => e.type.startsWith('comment.')).map((e) => [e.type, e.data.text]),
    ).toEqual([
      ['comment.posted', 'Source is the 2023 census'],
      ['comment.deleted', 'Source is the 2023 census'],
      ['comment.restored', 'Source is the 2023 census'],
    ]);
  });

  it('records an undone evidence removal as the evidence restored, not as new evidence', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const ctx = ed.as;
    const cardId = addClaim(ed.doc, { claim: 'Prisons hold 70,000' }, ctx);
    const url = 'https://census.example/2023';
    const evidenceId = addEvidence(ed.doc, cardId, { url, stance: 'supports' }, ctx);
    const other = addEvidence(ed.doc, cardId, { url: 'https://b.example', stance: 'context' }, ctx);
    await ed.allSaved();
    const undo = new Y.UndoManager(ed.doc.getMap('cards'), {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    removeEvidence(ed.doc, cardId, evidenceId, ctx);
    await ed.allSaved();
    undo.undo();
    await ed.allSaved();
    // Undoing an addition and redoing it puts the same item back too.
    undo.clear();
    const again = addEvidence(ed.doc, cardId, { url: 'https://c.example', stance: 'refutes' }, ctx);
    await ed.allSaved();
    undo.undo();
    await ed.allSaved();
    undo.redo();
    await ed.allSaved();
    const ids = (d: Y.Doc) =>
      ((d.getMap('cards').get(cardId) as Y.Map<unknown>).get('evidence') as Y.Array<Y.Map<unknown>>)
        .toArray()
        .map((e) => e.get('id'));
    expect(await board.server.sync.read(board.boardId, ids)).toEqual([evidenceId, other, again]);
    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    expect(
      history
        .filter((e) => e.type.startsWith('evidence.'))
        .map((e) => [e.type, e.actor.name, e.data.evidenceId, e.data.url]),
    ).toEqual([
      ['evidence.added', 'Edie', evidenceId, url],
      ['evidence.added', 'Edie', other, 'https://b.example'],
      ['evidence.removed', 'Edie', evidenceId, url],
      ['evidence.restored', 'Edie', evidenceId, url],
      ['evidence.added', 'Edie', again, 'https://c.example'],
      ['evidence.removed', 'Edie', again, 'https://c.example'],
      ['evidence.restored', 'Edie', again, 'https://c.example'],
    ]);
    expect(history.find((e) => e.type === 'evidence.restored')?.data).toEqual({
      evidenceId,
      stance: 'supports',
      url,
    });
  });

  it('records evidence removed and put back offline as removed, then restored', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const ctx = ed.as;
    const cardId = addClaim(ed.doc, { claim: 'Prisons hold 70,000' }, ctx);
    const evidenceId = addEvidence(
      ed.doc,
      cardId,
      { url: 'https://a.example', stance: 'refutes' },
      ctx,
    );
    await ed.allSaved();
    const undo = new Y.UndoManager(ed.doc.getMap('cards'), {
      trackedOrigins: new Set([CommandOrigin]),
    });
    ed.provider.disconnect();
    removeEvidence(ed.doc, cardId, evidenceId, ctx);
    undo.undo();
    // Both reach the server in one update when the connection is back: one change.
    ed.provider.connect();
    await ed.synced();
    await ed.allSaved();
    const history = await readAllHistory(board.server.storage, board.boardId, cardId);
    const evidence = history.filter((e) => e.type.startsWith('evidence.'));
    expect(evidence.map((e) => [e.type, e.data.evidenceId])).toEqual([
      ['evidence.added', evidenceId],
      ['evidence.removed', evidenceId],
      ['evidence.restored', evidenceId],
    ]);
    expect(evidence[1]!.at).toBe(evidence[2]!.at);
  });

  it('server-side changes are attributed to the actor given to change()', async () => {
    const lead = { id: 'lead-invite', name: 'Lea' };
    await board.server.sync.change(board.boardId, lead, (doc) =>
      addArticle(doc, { title: 'Speech', text: 'Crime rose.' }, { actor: { id: 'x', name: 'x' } }),
    );
    const history = await readAllHistory(board.server.storage, board.boardId);
    expect(history.map((e) => [e.type, e.actor])).toEqual([['article.added', lead]]);
    expect(history[0]?.data).toMatchObject({ title: 'Speech' });
  });

  it('records an article.removed with its title and what became of its cards, with a card.deleted each', async () => {
    const { client: ed, invite } = await join('editor', 'Edie');
    const text = 'Crime rose 20%. Rents rose 8%. Fares rose 15%.';
    // As an import writes them: the article and its cards at one time (articleRemoval).
    const at = Date.now();
    const importer = { ...ed.as, now: () => at };
    const { articleId, ids } = await board.server.sync.change(board.boardId, ed.as.actor, (doc) => {
      const id = addArticle(doc, { title: 'Wrong paste', text }, importer);
      const claims = [0, 16, 31].map((start) => {
        const end = text.indexOf('.', start) + 1;
        const sentence = text.slice(start, end);
        return { claim: sentence, source: { articleId: id, start, end, sentence } };
      });
      return { articleId: id, ids: addClaims(doc, claims, importer) };
    });
    const [kept, ...gone] = ids;
    await waitFor(() => ed.doc.getMap('articles').has(articleId), {
      what: 'the import at the page',
    });
    moveCard(ed.doc, kept!, { column: 'disputed', index: 0 }, ed.as);
    removeArticle(ed.doc, articleId, ed.as);
    await ed.allSaved();
    const history = await readAllHistory(board.server.storage, board.boardId);
    const removal = history.filter(
      (e) => e.type === 'article.removed' || e.type === 'card.deleted',
    );
    expect(removal.map((e) => [e.type, e.cardId, e.actor.id]).sort()).toEqual(
      [
        ['article.removed', null, invite.inviteId],
        ...gone.map((id) => ['card.deleted', id, invite.inviteId]),
      ].sort(),
    );
    expect(new Set(removal.map((e) => e.at)).size).toBe(1); // one change: one Activity entry
    expect(removal.find((e) => e.type === 'article.removed')?.data).toEqual({
      articleId,
      title: 'Wrong paste',
      // Its link, which the exports name for the cards kept on it (removedArticles): none here.
      url: null,
      removed: 2,
      kept: 1,
      moved: 0,
      movedTo: [],
      // What an Undo of the removal must bring back (checkSources).
      textDigest: createHash('sha256').update(text).digest('base64url'),
      // Of every field, in ARTICLE_KEYS' order: an Undo brings the article back as it was.
      articleDigest: createHash('sha256')
        .update(JSON.stringify([articleId, 'Wrong paste', null, text, ed.as.actor, at]))
        .digest('base64url'),
    });
  });

  it('records in article.removed the cards moved to the newer version that has their sentence', async () => {
    const { client: ed } = await join('editor', 'Edie');
    const text = 'Crime rose 20%. Rents rose 8%. Fares rose 15%.';
    const newer = 'Crime rose 20%. Rents rose 9%. Fares rose 15%.';
    const at = Date.now();
    const importer = { ...ed.as, now: () => at };
    const { articleId, ids, v2 } = await board.server.sync.change(
      board.boardId,
      ed.as.actor,
      (doc) => {
        const id = addArticle(doc, { title: 'First', text }, importer);
        const claims = [0, 16, 31].map((start) => {
          const end = text.indexOf('.', start) + 1;
          const sentence = text.slice(start, end);
          return { claim: sentence, source: { articleId: id, start, end, sentence } };
        });
        const cardIds = addClaims(doc, claims, importer);
        return {
          articleId: id,
          ids: cardIds,
          v2: addArticle(doc, { title: 'Second', text: newer }, ed.as),
        };
      },
    );
    await waitFor(() => ed.doc.getMap('articles').has(v2), { what: 'the imports at the page' });
    const [crime, rents, fares] = ids as [string, string, string];
    setVerdict(ed.doc, rents, 'True', undefined, ed.as); // in no other article: stays
    setVerdict(ed.doc, fares, 'True', undefined, ed.as); // worked on, and in the newer: moves
    removeArticle(ed.doc, articleId, ed.as);
    await ed.allSaved();
    const history = await readAllHistory(board.server.storage, board.boardId);
    expect(history.find((e) => e.type === 'article.removed')?.data).toMatchObject({
      removed: 0,
      kept: 1,
      moved: 2,
      movedTo: [{ articleId: v2, title: 'Second' }],
    });
    expect(history.filter((e) => e.type === 'card.deleted')).toEqual([]);
    expect(describeEvent(history.find((e) => e.type === 'article.removed')!)).toBe(
      'removed the article “First”; 2 cards moved to “Second”, which has their sentences; 1 card someone worked on stayed',
    );
    const stored = await board.server.sync.read(board.boardId, (doc) => readBoard(doc));
    expect([crime, fares].map((id) => stored.cards[id]?.source?.articleId)).toEqual([v2, v2]);
  });

  it('records a verdict.set per card a rating-scale rename relabels (B11), by the lead', async () => {
    const { client: editor } = await join('editor', 'Edie');
    const { client: lead } = await join('lead', 'Lea');
    const judged = [0, 1, 2].map((i) => {
      const id = addClaim(editor.doc, { claim: `Claim ${i}` }, editor.as);
      const verdict = i < 2 ? 'Misleading' : 'False';
      moveCard(editor.doc, id, { column: 'disputed', index: 0, verdict }, editor.as);
      return id;
    });
    await editor.allSaved();
    await waitFor(() => judged.every((id) => lead.doc.getMap('cards').has(id)));

    const renames = [{ from: 'Misleading', to: 'Spin' }];
    const scale = {
      ...DEFAULT_RATING_SCALE,
      labels: DEFAULT_RATING_SCALE.labels.map((l) =>
        l.label === 'Misleading' ? { ...l, label: 'Spin' } : l,
      ),
    };
    editRatingScale(lead.doc, { scale, renames }, lead.as);
    await lead.allSaved();

    const relabels = (await readAllHistory(board.server.storage, board.boardId)).filter(
      (e) => e.type === 'verdict.set' && e.data.verdict === 'Spin',
    );
    expect(relabels).toHaveLength(2);
    expect(relabels.map((e) => [e.cardId, e.actor.name, e.data])).toEqual(
      expect.arrayContaining(
        judged.slice(0, 2).map((id) => [id, 'Lea', { verdict: 'Spin', from: 'Misleading' }]),
      ),
    );
    // The card the rename does not concern has only the editor's verdict.
    const other = await readAllHistory(board.server.storage, board.boardId, judged[2]);
    expect(other.filter((e) => e.type === 'verdict.set').map((e) => e.actor.name)).toEqual([
      'Edie',
    ]);
  });

  it('records a board rename and a rating-scale change, by the lead; not the board creation', async () => {
    const { client: lead } = await join('lead', 'Lea');
    const ctx = { actor: { id: 'x', name: 'x' } };
    setBoardMeta(lead.doc, { title: 'Budget check' }, ctx);
    const scale = {
      ...DEFAULT_RATING_SCALE,
      labels: [
        ...DEFAULT_RATING_SCALE.labels.filter((l) => l.label !== 'Misleading'),
        { label: 'Satire', column: 'disputed' as const, value: 2 },
      ],
    };
    editRatingScale(lead.doc, { scale, renames: [] }, ctx);
    await lead.allSaved();
    const history = await readAllHistory(board.server.storage, board.boardId);
    expect(history.map((e) => [e.type, e.actor.name, e.data])).toEqual([
      ['board.renamed', 'Lea', { title: 'Budget check', from: expect.any(String) }],
      [
        'scale.changed',
        'Lea',
        { added: ['Satire'], removed: ['Misleading'], renamed: [], changed: [], range: null },
      ],
    ]);
  });

  it('records a label renamed, revalued or moved to another column, and a new range, by the lead; not a reorder', async () => {
    const { client: editor } = await join('editor', 'Edie');
    const { client: lead } = await join('lead', 'Lea');
    const cardId = addClaim(editor.doc, { claim: 'Crime fell 20%' }, editor.as);
    moveCard(editor.doc, cardId, { column: 'corroborated', index: 0, verdict: 'True' }, editor.as);
    await editor.allSaved();
    await waitFor(() => lead.doc.getMap('cards').has(cardId));
    const ctx = lead.as;
    const edit = (relabel: (l: RatingLabel) => RatingLabel, renames: LabelRename[] = []) => {
      const base = readMeta(lead.doc).ratingScale;
      const scale = { ...base, labels: base.labels.map(relabel) };
      editRatingScale(lead.doc, { scale, renames, base }, ctx);
    };
    // The rating-scale dialog's rename: the label keeps its entry, cards follow it.
    edit(
      (l) => (l.label === 'True' ? { ...l, label: 'Accurate' } : l),
      [{ from: 'True', to: 'Accurate' }],
    );
    edit((l) => (l.label === 'Misleading' ? { ...l, value: 4, column: 'corroborated' } : l));
    edit((l) => (l.label === 'False' ? { ...l, value: 2 } : l));
    // Two labels swap names: the same names, but each label is now the other.
    edit(
      (l) =>
        l.label === 'Mostly true'
          ? { ...l, label: 'Mostly false' }
          : l.label === 'Mostly false'
            ? { ...l, label: 'Mostly true' }
            : l,
      [
        { from: 'Mostly true', to: 'Mostly false' },
        { from: 'Mostly false', to: 'Mostly true' },
      ],
    );
    // The same labels in another order: no rating changes.
    const base = readMeta(lead.doc).ratingScale;
    const reordered = { ...base, labels: [...base.labels].reverse() };
    editRatingScale(lead.doc, { scale: reordered, renames: [], base }, ctx);
    const ranged = readMeta(lead.doc).ratingScale;
    editRatingScale(lead.doc, { scale: { ...ranged, best: 7 }, base: ranged }, ctx);
    await lead.allSaved();

    const events = (await readAllHistory(board.server.storage, board.boardId)).filter(
      (e) => e.actor.name === 'Lea',
    );
    const none = { added: [], removed: [], renamed: [], changed: [], range: null };
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['scale.changed', { ...none, renamed: [{ from: 'True', to: 'Accurate' }] }],
      ['verdict.set', { verdict: 'Accurate', from: 'True' }],
      [
        'scale.changed',
        {
          ...none,
          changed: [
            {
              label: 'Misleading',
              value: 4,
              column: 'corroborated',
              was: { value: 2, column: 'disputed' },
            },
          ],
        },
      ],
      [
        'scale.changed',
        { ...none, changed: [{ label: 'False', value: 2, column: 'disputed', was: { value: 1 } }] },
      ],
      [
        'scale.changed',
        {
          ...none,
          // Each label keeps its entry, value and column under its new name: renames only.
          renamed: [
            { from: 'Mostly true', to: 'Mostly false' },
            { from: 'Mostly false', to: 'Mostly true' },
          ],
        },
      ],
      ['scale.changed', { ...none, range: { best: 7, worst: 1, was: { best: 5, worst: 1 } } }],
    ]);
    // As the Activity feed and the card's history word them.
    expect(events.map(describeEvent)).toEqual([
      'changed the rating scale: renamed “True” to “Accurate”',
      'set the verdict to Accurate (was True)',
      'changed the rating scale: “Misleading” now rated 4 (was 2) and counts as Corroborated (was Disputed)',
      'changed the rating scale: “False” now rated 2 (was 1)',
      'changed the rating scale: renamed “Mostly true” to “Mostly false” and “Mostly false” to “Mostly true”',
      'changed the rating scale: ratings now run from 1 to 7 (was 1 to 5)',
    ]);
  });
});
