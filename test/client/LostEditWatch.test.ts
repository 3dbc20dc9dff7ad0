// A write of this person's that a colleague's concurrent write replaced is reported; one the
// colleague made after seeing it is not. Two or three real Y.Docs, updates exchanged by hand.
import { describe, expect, it } from 'vitest';
import { cardsMap, CommandOrigin, readBoard, restoreCard } from '../../shared/board';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  deleteComment,
  editComment,
  deleteCard,
  redactComment,
  editCard,
  editEvidence,
  initBoard,
  moveCard,
  type Pos,
  removeEvidence,
  setVerdict,
} from '../../shared/board';
import { KEPT_WRITES, LostEditWatch } from '../../client/sync/LostEditWatch';
import {
  assigneeOf,
  assigneeValue,
  type LostWork,
  type LostEdit,
  type OwnWrite,
  type OwnWriteStore,
} from '../../client/sync/lostWork';
import { storageOwnWriteStore } from '../../client/sync/ownWriteStore';
import { memoryStorage } from '../helpers/memoryStorage';

let tick = 1_700_000_000_000;
const now = () => ++tick;
const lea = { actor: { id: 'inv-lea', name: 'Lea' }, now };
const eddie = { actor: { id: 'inv-eddie', name: 'Eddie' }, now };

/** A replica that reports its lost edits, fed by `receive` as the server would. */
function replica(clientID: number, store: OwnWriteStore | null = null) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const lost: LostWork[] = [];
  const watch = new LostEditWatch(doc, (edit) => lost.push(edit), store);
  doc.on('afterTransaction', (tr: Y.Transaction) =>
    watch.noteTransaction(tr, tr.origin === 'remote'),
  );
  return {
    doc,
    lost,
    watch,
    receive: (from: Y.Doc) =>
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(from, Y.encodeStateVector(doc)), 'remote'),
  };
}

function twoReplicas(leaId: number, eddieId: number) {
  const a = replica(leaId);
  const b = replica(eddieId);
  initBoard(a.doc, { title: 'Budget' }, lea);
  const cardId = addClaim(a.doc, { claim: 'The bridge cost $4 million' }, lea);
  b.receive(a.doc);
  return { a, b, cardId };
}

/** Two replicas whose card holds an evidence item Lea added and both have seen. */
function twoReplicasWithItem(
  leaId: number,
  eddieId: number,
  item: Parameters<typeof addEvidence>[2],
) {
  const { a, b, cardId } = twoReplicas(leaId, eddieId);
  const evidenceId = addEvidence(a.doc, cardId, item, lea);
  b.receive(a.doc);
  return { a, b, cardId, evidenceId };
}

describe('LostEditWatch', () => {
  it('reports to the one whose concurrent write lost, with both values, and only to them', () => {
    for (const [leaId, eddieId] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const { a, b, cardId } = twoReplicas(leaId, eddieId);
      editCard(a.doc, cardId, { rationale: 'Lea’s reasons' }, lea);
      editCard(b.doc, cardId, { rationale: 'Eddie’s reasons' }, eddie);
      a.receive(b.doc);
      b.receive(a.doc);
      const winner = a.doc.getMap('cards').toJSON()[cardId].rationale as string;
      expect(b.doc.getMap('cards').toJSON()[cardId].rationale).toBe(winner);
      const [loser, lostValue, theirs] =
        winner === 'Lea’s reasons' ? [b, 'Eddie’s reasons', a] : [a, 'Lea’s reasons', b];
      expect(loser.lost).toEqual([
        {
          cardId,
          evidenceId: null,
          field: 'rationale',
          mine: lostValue,
          theirs: winner,
          byClient: theirs.doc.clientID,
        },
      ]);
      expect(theirs.lost).toEqual([]);
    }
  });

  it('watches the speaker’s type and the published fact-check URL like the other fields', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    editCard(a.doc, cardId, { speakerType: 'person', reviewUrl: 'https://a.example/check' }, lea);
    editCard(
      b.doc,
      cardId,
      { speakerType: 'organization', reviewUrl: 'https://b.example/c' },
      eddie,
    );
    a.receive(b.doc);
    b.receive(a.doc);
    const lost = [...a.lost, ...b.lost].map((l) => l.field).sort();
    expect(lost).toEqual(['reviewUrl', 'speakerType']);
  });

  it('reports a move that crossed a colleague’s to another column, by column, not by rank', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    moveCard(a.doc, cardId, { column: 'corroborated', index: 0 }, lea);
    moveCard(b.doc, cardId, { column: 'disputed', index: 0 }, eddie);
    a.receive(b.doc);
    b.receive(a.doc);
    const column = (r: typeof a) => (r.doc.getMap('cards').toJSON()[cardId].pos as Pos).column;
    expect(column(a)).toBe(column(b));
    const [loser, theirs] = column(a) === 'disputed' ? [a, b] : [b, a];
    expect(loser.lost).toEqual([
      {
        cardId,
        evidenceId: null,
        field: 'pos',
        mine: column(a) === 'disputed' ? 'corroborated' : 'disputed',
        theirs: column(a),
        byClient: theirs.doc.clientID,
      },
    ]);
    expect(theirs.lost).toEqual([]);

    // Two moves that crossed within one column: the same column either way, nothing lost.
    moveCard(a.doc, cardId, { column: 'unverified', index: 0 }, lea);
    b.receive(a.doc);
    a.lost.length = b.lost.length = 0;
    moveCard(a.doc, cardId, { column: 'unverified', index: 1 }, lea);
    moveCard(b.doc, cardId, { column: 'unverified', index: 0 }, eddie);
    a.receive(b.doc);
    b.receive(a.doc);
    expect([...a.lost, ...b.lost]).toEqual([]);
  });

  it('does not report a write made after seeing this person’s, even several', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    setVerdict(a.doc, cardId, 'Unproven', undefined, lea);
    b.receive(a.doc);
    setVerdict(b.doc, cardId, 'False', undefined, eddie);
    setVerdict(b.doc, cardId, 'Misleading', undefined, eddie);
    a.receive(b.doc);
    expect(a.doc.getMap('cards').toJSON()[cardId].verdict).toBe('Misleading');
    expect(a.lost).toEqual([]);
  });

  it('reports a concurrent chain of writes that replaced this person’s', () => {
    // Eddie (higher client id, so his write wins the tie) edits twice without seeing Lea's.
    const { a, b, cardId } = twoReplicas(1, 2);
    editCard(a.doc, cardId, { speaker: 'Mayor Ana Ruiz' }, lea);
    editCard(b.doc, cardId, { speaker: 'Council' }, eddie);
    editCard(b.doc, cardId, { speaker: 'Council member Tom Berg' }, eddie);
    a.receive(b.doc);
    expect(a.lost.map((e) => [e.field, e.mine, (e as LostEdit).theirs])).toEqual([
      ['speaker', 'Mayor Ana Ruiz', 'Council member Tom Berg'],
    ]);
  });

  it('does not report the same value set by both, nor a field this person never set', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    editCard(a.doc, cardId, { rationale: 'Same words' }, lea);
    editCard(
      b.doc,
      cardId,
      { rationale: 'Same words', claim: 'The bridge cost $3.9 million' },
      eddie,
    );
    a.receive(b.doc);
    expect(a.lost).toEqual([]);
  });

  it('a third replica’s concurrent write, relayed by a second, is reported too', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    const c = replica(3);
    c.receive(a.doc);
    editCard(a.doc, cardId, { claim: 'The bridge cost $4.2 million' }, lea);
    editCard(c.doc, cardId, { claim: 'The bridge cost $4.5 million' }, eddie);
    b.receive(c.doc);
    a.receive(b.doc);
    expect(a.lost.map((e) => [e.field, (e as LostEdit).theirs, (e as LostEdit).byClient])).toEqual([
      ['claim', 'The bridge cost $4.5 million', 3],
    ]);
  });

  it('an edit made before a reload is still compared after it', () => {
    let kept: readonly OwnWrite[] = [];
    const store: OwnWriteStore = { load: () => [...kept], save: (w) => void (kept = w) };
    // Eddie's client id (9) is the highest: his write wins the tie.
    const { a, b, cardId } = twoReplicas(1, 9);
    const before = replica(4, store);
    before.receive(a.doc);
    editCard(before.doc, cardId, { rationale: 'Written offline' }, lea);
    expect(kept.map((w) => [w.field, w.client, w.value])).toEqual([
      ['rationale', 4, 'Written offline'],
    ]);
    // The page reopens: a new doc (another client id) loads the old one's state from disk.
    const after = replica(5, store);
    after.receive(before.doc);
    editCard(b.doc, cardId, { rationale: 'Eddie’s, online' }, eddie);
    b.receive(a.doc);
    after.receive(b.doc);
    expect(after.lost.map((e) => [e.mine, (e as LostEdit).theirs])).toEqual([
      ['Written offline', 'Eddie’s, online'],
    ]);
    // Reported once: the write is no longer kept.
    expect(kept).toEqual([]);
  });

  it('keeps the latest writes in localStorage and survives what it cannot read', () => {
    const { items, storage } = memoryStorage();
    const store = storageOwnWriteStore(storage, 'own', 'tab1');
    expect(store.load()).toEqual([]);
    items.set('own', '{not json');
    expect(store.load()).toEqual([]);
    items.set('own.tab0', JSON.stringify([{ cardId: 'c', field: 'pos', client: 1, clock: 2 }]));
    expect(store.load()).toEqual([]);

    let t = 0;
    const doc = new Y.Doc();
    const watch = new LostEditWatch(
      doc,
      () => undefined,
      store,
      () => ++t,
    );
    doc.on('afterTransaction', (tr: Y.Transaction) => watch.noteTransaction(tr, false));
    initBoard(doc, { title: 'Many' }, lea);
    const ids = Array.from({ length: KEPT_WRITES + 10 }, (_, i) =>
      addClaim(doc, { claim: `Claim ${i}` }, lea),
    );
    for (const id of ids) editCard(doc, id, { speaker: `Speaker of ${id}` }, lea);
    const loaded = store.load();
    expect(loaded).toHaveLength(KEPT_WRITES);
    expect(loaded[0]).toMatchObject({ cardId: ids.at(-1), field: 'speaker' });
  });

  it('keeps one record per tab, and a reopened page takes over every record of the board', () => {
    const { items, storage } = memoryStorage();
    const tab = (id: string) => {
      const doc = new Y.Doc();
      const watch = new LostEditWatch(
        doc,
        () => undefined,
        storageOwnWriteStore(storage, 'own', id),
      );
      doc.on('afterTransaction', (tr: Y.Transaction) => watch.noteTransaction(tr, false));
      return doc;
    };
    const one = tab('one');
    initBoard(one, { title: 'Two tabs' }, lea);
    const cardId = addClaim(one, { claim: 'Rents rose 30%' }, lea);
    const two = tab('two');
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    editCard(one, cardId, { speaker: 'The mayor' }, lea);
    editCard(two, cardId, { rationale: 'Census table 4' }, lea);
    // Saving in one tab no longer overwrites the other's record.
    expect([...items.keys()].sort()).toEqual(['own.one', 'own.two']);

    // The page reopens: its watch takes both records over and keeps them as its own at once.
    tab('three');
    expect([...items.keys()]).toEqual(['own.three']);
    const kept = JSON.parse(items.get('own.three')!) as { field: string; value: string }[];
    expect(kept.map((w) => [w.field, w.value]).sort()).toEqual([
      ['rationale', 'Census table 4'],
      ['speaker', 'The mayor'],
    ]);
  });

  it('watches evidence items too, by their ids', () => {
    const { a, b, cardId, evidenceId } = twoReplicasWithItem(1, 9, {
      url: 'https://ex.org/a',
      stance: 'supports',
    });
    editEvidence(a.doc, cardId, evidenceId, { note: 'Page 12', stance: 'refutes' }, lea);
    editEvidence(b.doc, cardId, evidenceId, { note: 'Table 3' }, eddie);
    a.receive(b.doc);
    // The note crossed and Eddie's won; the stance only Lea changed, and it stays.
    expect(a.lost).toEqual([
      { cardId, evidenceId, field: 'note', mine: 'Page 12', theirs: 'Table 3', byClient: 9 },
    ]);
  });

  it('tells of writes to a card a colleague deleted meanwhile, with the card’s claim', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    const before = readBoard(a.doc).cards[cardId]!;
    // Eddie, offline, gives the card a rationale and moves it; Lea deletes it.
    editCard(b.doc, cardId, { rationale: 'Checked against the budget' }, eddie);
    moveCard(b.doc, cardId, { column: 'disputed', index: 0 }, eddie);
    deleteCard(a.doc, cardId, lea);
    b.receive(a.doc);
    a.receive(b.doc);
    const rationaleWrite = b.lost.find((l) => l.field === 'rationale');
    expect(b.lost).toHaveLength(2);
    expect(rationaleWrite).toMatchObject({
      cardDeleted: true,
      cardId,
      evidenceId: null,
      mine: 'Checked against the budget',
      claim: 'The bridge cost $4 million',
      client: 2,
    });
    expect(b.lost.find((l) => l.field === 'pos')).toMatchObject({ mine: 'disputed' });
    // Lea deleted it herself: nothing to tell her.
    expect(a.lost).toEqual([]);

    // Restored (a new map under the same id), then edited by Lea: Eddie's old writes are gone
    // with the deleted card, so her edit is not news to him.
    restoreCard(a.doc, before, lea);
    b.receive(a.doc);
    editCard(a.doc, cardId, { rationale: 'Lea’s own reading' }, lea);
    b.receive(a.doc);
    expect(b.lost).toHaveLength(2);
  });

  it('tells of writes to a card deleted and restored before they reached anyone: they went with the deleted map', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    editCard(a.doc, cardId, { speaker: 'The mayor' }, lea);
    b.receive(a.doc);
    const before = readBoard(a.doc).cards[cardId]!;
    // Eddie, offline, sets a verdict and rationale, moves the card, names the same speaker
    // again, and adds evidence; Lea deletes the card and restores it before he is back.
    setVerdict(b.doc, cardId, 'False', 'The audit says $5 million', eddie);
    moveCard(b.doc, cardId, { column: 'disputed', index: 0 }, eddie);
    editCard(b.doc, cardId, { speaker: 'The mayor' }, eddie);
    const evidenceId = addEvidence(
      b.doc,
      cardId,
      { url: 'https://ex.org/audit', stance: 'refutes' },
      eddie,
    );
    deleteCard(a.doc, cardId, lea);
    restoreCard(a.doc, before, lea);
    b.receive(a.doc);
    expect(readBoard(b.doc).cards[cardId]?.verdict).toBeNull();
    // Every write is told as gone with the card, but the speaker: the restored card has his.
    expect(b.lost.map((l) => [l.field, l.mine, 'cardDeleted' in l && l.cardDeleted])).toEqual([
      ['verdict', 'False', true],
      ['rationale', 'The audit says $5 million', true],
      ['pos', 'disputed', true],
      ['item', null, true],
    ]);
    expect(b.lost.at(-1)).toMatchObject({
      evidenceId,
      claim: 'The bridge cost $4 million',
      evidence: { url: 'https://ex.org/audit' },
    });
    // Forgotten once told: a later edit of the restored card is not news.
    editCard(a.doc, cardId, { rationale: 'Lea’s own reading' }, lea);
    b.receive(a.doc);
    expect(b.lost).toHaveLength(4);
  });

  it('names a deleted card as the colleague had it, not by this person’s claim they never saw', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    editCard(b.doc, cardId, { claim: 'The bridge cost $4.5 million' }, eddie);
    editCard(b.doc, cardId, { rationale: 'The audit, page 12' }, eddie);
    deleteCard(a.doc, cardId, lea);
    b.receive(a.doc);
    expect(b.lost.map((l) => [l.field, l.mine, 'claim' in l && l.claim])).toEqual([
      ['claim', 'The bridge cost $4.5 million', 'The bridge cost $4 million'],
      ['rationale', 'The audit, page 12', 'The bridge cost $4 million'],
    ]);
  });

  it('names a deleted card by this person’s claim once the server has stored it', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    editCard(b.doc, cardId, { claim: 'The bridge cost $4.5 million' }, eddie);
    b.watch.forgetStored(() => true);
    editCard(b.doc, cardId, { rationale: 'The audit, page 12' }, eddie);
    deleteCard(a.doc, cardId, lea);
    b.receive(a.doc);
    expect(b.lost.find((l) => l.field === 'rationale')).toMatchObject({
      claim: 'The bridge cost $4.5 million',
    });
  });

  it('tells of an edit of a comment that its deletion in another tab crossed, not of one it saw', () => {
    for (const [tabId, otherId] of [
      [2, 3],
      [3, 2],
    ] as const) {
      const { items, storage } = memoryStorage();
      const { a, cardId } = twoReplicas(1, 4);
      const tab = replica(tabId, storageOwnWriteStore(storage, 'own', 'one'));
      tab.receive(a.doc);
      const crossed = addComment(tab.doc, cardId, { text: 'First words' }, eddie);
      const seen = addComment(tab.doc, cardId, { text: 'Other words' }, eddie);
      const other = replica(otherId);
      other.receive(tab.doc);
      // The second comment's edit reaches the other tab before it deletes that comment.
      editComment(tab.doc, seen, 'Other words, edited', eddie);
      other.receive(tab.doc);
      deleteComment(other.doc, seen, eddie);
      // The first one's edit and deletion cross, the edit made in a page reloaded since.
      editComment(tab.doc, crossed, 'Edited words, with the source', eddie);
      deleteComment(other.doc, crossed, eddie);
      expect(items.get('own.one')).toContain('"field":"commentEdit"');
      const reloaded = replica(tabId + 10, storageOwnWriteStore(storage, 'own', 'two'));
      reloaded.receive(tab.doc);
      reloaded.receive(other.doc);
      expect(reloaded.lost).toEqual([
        {
          cardId,
          evidenceId: null,
          field: 'commentEdit',
          commentId: crossed,
          mine: 'Edited words, with the source',
          theirs: null,
          byClient: otherId,
        },
      ]);
      // The deleting tab lost nothing; nor does a tab that deletes its own edited comment.
      other.receive(reloaded.doc);
      expect(other.lost).toEqual([]);
      const kept = addComment(reloaded.doc, cardId, { text: 'Kept words' }, eddie);
      editComment(reloaded.doc, kept, 'Kept words, edited', eddie);
      deleteComment(reloaded.doc, kept, eddie);
      expect(items.get('own.two')).not.toContain('Kept words');
    }
  });

  it('does not tell of an edit of a comment that a lead’s redaction crossed: its words went on purpose', () => {
    const { a, b, cardId } = twoReplicas(1, 4);
    const commentId = addComment(b.doc, cardId, { text: 'Eddie secret words' }, eddie);
    a.receive(b.doc);
    editComment(b.doc, commentId, 'Eddie secret words, and more', eddie);
    redactComment(a.doc, commentId, lea);
    b.receive(a.doc);
    expect(readBoard(b.doc).cards[cardId]!.comments[0]!.redacted?.by).toEqual(lea.actor);
    expect(b.lost).toEqual([]);
  });

  it('reports a crossed “take this card” to the one whose take lost, by who, not by object', () => {
    for (const [leaId, eddieId] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const { a, b, cardId } = twoReplicas(leaId, eddieId);
      assignCard(a.doc, cardId, lea.actor, lea);
      assignCard(b.doc, cardId, eddie.actor, eddie);
      a.receive(b.doc);
      b.receive(a.doc);
      const kept = (a.doc.getMap('cards').toJSON()[cardId].assignee as { id: string }).id;
      const [loser, mine, theirs, winner] =
        kept === lea.actor.id ? [b, eddie.actor, lea.actor, a] : [a, lea.actor, eddie.actor, b];
      expect(loser.lost).toEqual([
        {
          cardId,
          evidenceId: null,
          field: 'assignee',
          mine: assigneeValue(mine),
          theirs: assigneeValue(theirs),
          byClient: winner.doc.clientID,
        },
      ]);
      expect(assigneeOf(loser.lost[0]!.mine)).toEqual(mine);
      expect(winner.lost).toEqual([]);
    }
  });

  it('does not report the same person taken by both, nor a release seen first', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    assignCard(a.doc, cardId, eddie.actor, lea); // Lea gives it to Eddie as he takes it
    assignCard(b.doc, cardId, eddie.actor, eddie);
    a.receive(b.doc);
    b.receive(a.doc);
    assignCard(a.doc, cardId, null, lea); // released after seeing Eddie's take
    b.receive(a.doc);
    expect([...a.lost, ...b.lost]).toEqual([]);
  });

  it('tells of evidence added to a card a colleague deleted meanwhile, with what it held', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    const before = readBoard(a.doc).cards[cardId]!;
    // Eddie, offline, adds evidence, then changes its note, and comments; Lea deletes the card.
    const evidenceId = addEvidence(
      b.doc,
      cardId,
      { url: 'https://ex.org/logbook', quote: 'Page 12 shows 12 visits', stance: 'refutes' },
      eddie,
    );
    editEvidence(b.doc, cardId, evidenceId, { note: 'Seen in the archive' }, eddie);
    addComment(b.doc, cardId, { text: 'Found the logbook' }, eddie);
    deleteCard(a.doc, cardId, lea);
    b.receive(a.doc);
    a.receive(b.doc);
    // One notice for the item, with its note: not a second one for the note. (The comment is
    // told apart: the card it is on is gone.)
    expect(b.lost.filter((l) => l.field !== 'comment')).toEqual([
      {
        cardId,
        evidenceId,
        field: 'item',
        cardDeleted: true,
        mine: null,
        claim: 'The bridge cost $4 million',
        evidence: {
          url: 'https://ex.org/logbook',
          quote: 'Page 12 shows 12 visits',
          stance: 'refutes',
          note: 'Seen in the archive',
        },
        comments: 1,
        client: 2,
        clock: expect.any(Number),
      },
    ]);
    expect(a.lost).toEqual([]);
    // The restored card is as the server had it: without the item, with the comment.
    restoreCard(a.doc, before, lea);
    b.receive(a.doc);
    const card = readBoard(b.doc).cards[cardId]!;
    expect(card.evidence).toEqual([]);
    expect(card.comments.map((c) => c.text)).toEqual(['Found the logbook']);
    expect(b.lost).toHaveLength(2);
  });

  it('tells of comments posted on a card a colleague deleted meanwhile, with their text', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    const seen = addComment(b.doc, cardId, { text: 'Lea saw this one' }, eddie);
    a.receive(b.doc);
    // Offline (or crossing the deletion): a comment, a reply, and one Eddie then deleted.
    const first = addComment(b.doc, cardId, { text: 'Ask the port for the staff list' }, eddie);
    const reply = addComment(b.doc, cardId, { text: 'And 2023', parentId: first }, eddie);
    const gone = addComment(b.doc, cardId, { text: 'Typo' }, eddie);
    deleteComment(b.doc, gone, eddie);
    editComment(b.doc, first, 'Ask the port for the 2024 staff list', eddie);
    deleteCard(a.doc, cardId, lea);
    b.receive(a.doc);
    a.receive(b.doc);
    const told = (commentId: string, mine: string) => ({
      cardId,
      evidenceId: null,
      field: 'comment',
      commentId,
      cardDeleted: true,
      mine,
      claim: 'The bridge cost $4 million',
      evidence: null,
      comments: 3,
      client: 2,
      clock: expect.any(Number),
    });
    // Every comment posted is told, the one Lea could see too: the watch does not know what
    // the server stored (BoardConnection leaves out those it did).
    expect(b.lost).toEqual([
      told(seen, 'Lea saw this one'),
      told(first, 'Ask the port for the 2024 staff list'),
      told(reply, 'And 2023'),
    ]);
    expect(a.lost).toEqual([]);
  });

  it('forgets added evidence and comments once the server has stored them', () => {
    const { items, storage } = memoryStorage();
    const { a, cardId } = twoReplicas(1, 2);
    const b = replica(2, storageOwnWriteStore(storage, 'own', 'tab'));
    b.receive(a.doc);
    addEvidence(b.doc, cardId, { url: 'https://ex.org/stored', stance: 'supports' }, eddie);
    const stored = Y.getState(b.doc.store, 2);
    addComment(b.doc, cardId, { text: 'Not stored yet' }, eddie);
    editCard(b.doc, cardId, { rationale: 'Stored, and still watched' }, eddie);
    b.watch.forgetStored((client, clock) => client === 2 && clock < stored);
    const kept = JSON.parse(items.get('own.tab') ?? '[]') as OwnWrite[];
    expect(kept.map((w) => w.field).sort()).toEqual(['comment', 'rationale']);
    // The comment survives a reload, and is told when the card goes.
    const reopened = replica(3, storageOwnWriteStore(storage, 'own', 'again'));
    reopened.receive(b.doc);
    deleteCard(a.doc, cardId, lea);
    reopened.receive(a.doc);
    expect(reopened.lost.map((l) => [l.field, l.mine]).sort()).toEqual([
      ['comment', 'Not stored yet'],
      ['rationale', 'Stored, and still watched'],
    ]);
  });

  it('an added item a colleague removed, having seen it, is not news when the card goes', () => {
    const { a, b, cardId } = twoReplicas(1, 2);
    const evidenceId = addEvidence(
      b.doc,
      cardId,
      { url: 'https://ex.org/x', stance: 'context' },
      eddie,
    );
    a.receive(b.doc);
    removeEvidence(a.doc, cardId, evidenceId, lea);
    b.receive(a.doc);
    deleteCard(a.doc, cardId, lea);
    b.receive(a.doc);
    expect(b.lost).toEqual([]);
  });

  it('keeps an added item across a reload, so a deletion met after it is still told', () => {
    const { items, storage } = memoryStorage();
    const { a, b, cardId } = twoReplicas(1, 2);
    const offline = replica(3, storageOwnWriteStore(storage, 'own', 'one'));
    offline.receive(b.doc);
    addEvidence(offline.doc, cardId, { url: 'https://ex.org/kept', stance: 'supports' }, eddie);
    expect(items.get('own.one')).toContain('"field":"item"');
    const reopened = replica(4, storageOwnWriteStore(storage, 'own', 'two'));
    reopened.receive(offline.doc);
    deleteCard(a.doc, cardId, lea);
    reopened.receive(a.doc);
    expect(reopened.lost).toMatchObject([
      { field: 'item', evidence: { url: 'https://ex.org/kept' }, client: 3 },
    ]);
  });

  it('tells of edits to an evidence item a colleague removed meanwhile: once, with the item as this person had it', () => {
    const { a, b, cardId, evidenceId } = twoReplicasWithItem(1, 2, {
      url: 'https://ex.org/report',
      quote: 'Costs rose',
      stance: 'supports',
      note: 'Lea',
    });
    // Eddie, offline, changes the item's note and stance; Lea removes the item.
    editEvidence(b.doc, cardId, evidenceId, { note: 'Page 4 says otherwise' }, eddie);
    editEvidence(b.doc, cardId, evidenceId, { stance: 'refutes' }, eddie);
    removeEvidence(a.doc, cardId, evidenceId, lea);
    b.receive(a.doc);
    a.receive(b.doc);
    expect(b.lost).toEqual([
      {
        cardId,
        evidenceId,
        field: 'itemEdit',
        itemRemoved: true,
        mine: null,
        edited: ['stance', 'note'],
        evidence: {
          url: 'https://ex.org/report',
          quote: 'Costs rose',
          stance: 'refutes',
          note: 'Page 4 says otherwise',
        },
        client: 2,
        clock: expect.any(Number),
      },
    ]);
    expect(a.lost).toEqual([]);
    // Told once: the card's evidence changing again is no news of it.
    addEvidence(a.doc, cardId, { url: 'https://ex.org/other', stance: 'context' }, lea);
    b.receive(a.doc);
    expect(b.lost).toHaveLength(1);
  });

  it('tells of edits to an evidence item removed and put back (an Undo) before they reached anyone', () => {
    const { a, b, cardId, evidenceId } = twoReplicasWithItem(1, 2, {
      url: 'https://ex.org/report',
      quote: 'Costs rose',
      stance: 'supports',
    });
    const undo = new Y.UndoManager(cardsMap(a.doc), { trackedOrigins: new Set([CommandOrigin]) });
    // Eddie, offline, changes the item's note; Lea removes the item and undoes that.
    editEvidence(b.doc, cardId, evidenceId, { note: 'Page 4 says otherwise' }, eddie);
    removeEvidence(a.doc, cardId, evidenceId, lea);
    undo.undo();
    b.receive(a.doc);
    expect(readBoard(b.doc).cards[cardId]?.evidence.map((e) => [e.id, e.note])).toEqual([
      [evidenceId, ''],
    ]);
    expect(b.lost).toMatchObject([
      {
        evidenceId,
        field: 'itemEdit',
        itemRemoved: true,
        edited: ['note'],
        evidence: { url: 'https://ex.org/report', note: 'Page 4 says otherwise' },
      },
    ]);
  });

  it('an evidence item this person removed, edits and all, is not news when the list changes later', () => {
    const { a, b, cardId, evidenceId } = twoReplicasWithItem(1, 2, {
      url: 'https://ex.org/a',
      stance: 'supports',
    });
    editEvidence(b.doc, cardId, evidenceId, { note: 'Mine' }, eddie);
    removeEvidence(b.doc, cardId, evidenceId, eddie);
    a.receive(b.doc);
    addEvidence(a.doc, cardId, { url: 'https://ex.org/b', stance: 'refutes' }, lea);
    b.receive(a.doc);
    expect(b.lost).toEqual([]);
  });

  it('keeps an edit of an evidence item across a reload, so its removal met after it is still told', () => {
    const { storage } = memoryStorage();
    const { a, b, cardId, evidenceId } = twoReplicasWithItem(1, 2, {
      url: 'https://ex.org/k',
      stance: 'supports',
    });
    const offline = replica(3, storageOwnWriteStore(storage, 'own', 'one'));
    offline.receive(b.doc);
    editEvidence(offline.doc, cardId, evidenceId, { url: 'https://ex.org/k2' }, eddie);
    const reopened = replica(4, storageOwnWriteStore(storage, 'own', 'two'));
    reopened.receive(offline.doc);
    removeEvidence(a.doc, cardId, evidenceId, lea);
    reopened.receive(a.doc);
    expect(reopened.lost).toMatchObject([
      { field: 'itemEdit', edited: ['url'], evidence: { url: 'https://ex.org/k2' }, client: 3 },
    ]);
  });
});
