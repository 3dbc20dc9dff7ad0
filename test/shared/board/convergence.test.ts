/**
 * Seeded convergence test (B1–B5, B11), single and bulk commands: three replicas run thousands of random commands while
 * their updates are delivered in random order, with duplicates. Afterwards every replica
 * must read the same board. Reproduce a failure with FACTBOARD_SEED=<seed> npx vitest run …
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  assignCards,
  COLUMNS,
  cardsMap,
  commentsMap,
  createBoardReader,
  deleteCard,
  deleteCards,
  editCard,
  editRatingScale,
  initBoard,
  moveCard,
  moveCards,
  readBoard,
  readRatingScale,
  removeEvidence,
  resolveThread,
  setVerdict,
  type BoardView,
  type CommandContext,
} from '../../../shared/board';
import { BoardError } from '../../../shared/board/errors';
import { seededRandom } from '../../helpers/seededRandom';

const REPLICAS = 3;
const SEEDS = process.env.FACTBOARD_SEED ? [Number(process.env.FACTBOARD_SEED)] : [1, 2, 3, 4];
const COMMANDS_PER_SEED = process.env.FACTBOARD_SEED ? 5_000 : 1_500;

interface Message {
  to: number;
  update: Uint8Array;
}

function simulate(seed: number) {
  const rnd = seededRandom(seed);
  const docs = Array.from({ length: REPLICAS }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1; // fixed ids: the same seed makes the same updates
    return doc;
  });
  const queue: Message[] = [];
  docs.forEach((doc, from) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return;
      for (let to = 0; to < REPLICAS; to++) if (to !== from) queue.push({ to, update });
    });
  });
  const ctxs: CommandContext[] = docs.map((_, i) => ({
    actor: { id: `user${i}`, name: `User ${i}` },
    now: () => 1_700_000_000_000 + rnd.int(1_000_000),
    newId: rnd.id,
  }));
  initBoard(docs[0] as Y.Doc, { title: 'Convergence' }, ctxs[0] as CommandContext);

  const added = { comments: new Set<string>(), evidence: new Map<string, string>() };
  const removedEvidence = new Set<string>();
  const deletedCards = new Set<string>();

  const deliver = (count: number) => {
    for (let i = 0; i < count && queue.length > 0; i++) {
      const index = rnd.int(queue.length);
      const msg = queue[index] as Message;
      // Keep one message in ten in the queue: it is delivered again later (a duplicate).
      if (rnd.next() >= 0.1) queue.splice(index, 1);
      Y.applyUpdate(docs[msg.to] as Y.Doc, msg.update, 'network');
    }
  };

  let executed = 0;
  while (executed < COMMANDS_PER_SEED) {
    const r = rnd.int(REPLICAS);
    const doc = docs[r] as Y.Doc;
    const ctx = ctxs[r] as CommandContext;
    const cardIds = [...cardsMap(doc).keys()];
    const cardId = cardIds.length > 0 ? rnd.pick(cardIds) : null;
    const op = rnd.int(100);
    try {
      if (op < 18 || cardId === null) {
        addClaim(doc, { claim: `Claim ${rnd.int(1e6)}`, speaker: rnd.pick(['A', 'B', null]) }, ctx);
      } else if (op < 45) {
        // Moves concentrate on few cards so that concurrent moves of the same card are common.
        const hot = cardIds.slice(0, 5);
        const target = rnd.pick(hot.length > 0 ? hot : [cardId]);
        moveCard(
          doc,
          target,
          { column: rnd.pick(COLUMNS), index: rnd.int(cardIds.length + 1) },
          ctx,
        );
      } else if (op < 58) {
        editCard(
          doc,
          cardId,
          rnd.pick([{ claim: `Edited ${rnd.int(1e6)}` }, { speaker: 'C' }, { rationale: 'R' }]),
          ctx,
        );
      } else if (op < 61) {
        const labels = readRatingScale(doc).labels.map((l) => l.label);
        setVerdict(doc, cardId, rnd.pick([null, ...labels]), `why ${rnd.int(100)}`, ctx);
      } else if (op < 63) {
        // A lead renames a label in place, racing other renames and verdicts (B11).
        const scale = readRatingScale(doc);
        const from = rnd.pick(scale.labels).label;
        const to = `Label ${rnd.int(1e6)}`;
        const labels = scale.labels.map((l) => (l.label === from ? { ...l, label: to } : l));
        editRatingScale(doc, { scale: { ...scale, labels }, renames: [{ from, to }] }, ctx);
      } else if (op < 66) {
        assignCard(doc, cardId, rnd.pick([ctx.actor, null]), ctx);
      } else if (op < 70) {
        deleteCard(doc, cardId, ctx);
        deletedCards.add(cardId);
      } else if (op < 74) {
        // A selection acted on at once, racing single moves of the same (hot) cards.
        const picked = [...new Set([rnd.pick(cardIds.slice(0, 5)), cardId, rnd.pick(cardIds)])];
        const bulk = rnd.int(8);
        if (bulk < 5) moveCards(doc, picked, rnd.pick(COLUMNS), ctx);
        else if (bulk < 7) assignCards(doc, picked, rnd.pick([ctx.actor, null]), ctx);
        else {
          deleteCards(doc, picked, ctx);
          for (const id of picked) deletedCards.add(id);
        }
      } else if (op < 84) {
        added.comments.add(addComment(doc, cardId, { text: `Comment ${rnd.int(1e6)}` }, ctx));
      } else if (op < 88) {
        const comments = [...commentsMap(doc).keys()];
        if (comments.length > 0) resolveThread(doc, rnd.pick(comments), rnd.next() < 0.7, ctx);
      } else if (op < 97) {
        const url = `https://example.org/${rnd.int(1e6)}`;
        const evidenceId = addEvidence(doc, cardId, { url, stance: 'supports' }, ctx);
        added.evidence.set(evidenceId, cardId);
      } else {
        const card = readBoard(doc).cards[cardId];
        const item = card?.evidence[0];
        if (item) {
          removeEvidence(doc, cardId, item.id, ctx);
          removedEvidence.add(item.id);
        }
      }
      executed++;
    } catch (error) {
      // A command on a card this replica no longer has is refused (B9); that is not a failure.
      if (!(error instanceof BoardError)) throw error;
    }
    deliver(rnd.int(6));
  }
  // Drain: deliver everything, then one full state exchange so that duplicates left in
  // the queue cannot hide a missing update.
  while (queue.length > 0) deliver(queue.length);
  for (const a of docs)
    for (const b of docs)
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'network');
  return { docs, executed, added, removedEvidence, deletedCards };
}

function assertOneColumnEach(view: BoardView): void {
  const placed = COLUMNS.flatMap((c) => view.columns[c]);
  expect(new Set(placed).size, 'no card appears twice (B2)').toBe(placed.length);
  expect([...placed].sort(), 'every live card is in exactly one column (B1)').toEqual(
    Object.keys(view.cards).sort(),
  );
}

describe('convergence of random concurrent commands (B1–B5)', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: replicas read identically, one column per card, nothing lost`, () => {
      const { docs, executed, added, removedEvidence, deletedCards } = simulate(seed);
      expect(executed).toBe(COMMANDS_PER_SEED);
      const views = docs.map((doc) => readBoard(doc));
      const first = views[0] as BoardView;
      for (const view of views.slice(1)) expect(view).toEqual(first);
      assertOneColumnEach(first);
      expect(Object.keys(first.cards).length).toBeGreaterThan(0);

      // B5: every comment ever added is still in the comments map (tombstones included).
      const comments = commentsMap(docs[0] as Y.Doc);
      for (const id of added.comments) expect(comments.has(id), `comment ${id}`).toBe(true);
      // B5: every evidence item added to a card that still exists, and not removed, is there.
      const evidenceIds = new Set(
        Object.values(first.cards).flatMap((c) => c.evidence.map((e) => e.id)),
      );
      for (const [id, cardId] of added.evidence) {
        if (removedEvidence.has(id) || deletedCards.has(cardId)) continue;
        expect(evidenceIds.has(id), `evidence ${id} on ${cardId}`).toBe(true);
      }
    });
  }

  it('the incremental reader ends where a full read does (B8)', () => {
    const { docs } = simulate(7);
    const doc = docs[0] as Y.Doc;
    const reader = createBoardReader(doc);
    reader.read();
    const rnd = seededRandom(99);
    const ctx: CommandContext = { actor: { id: 'u', name: 'U' }, newId: rnd.id, now: () => 1 };
    for (let i = 0; i < 300; i++) {
      const ids = [...cardsMap(doc).keys()];
      if (ids.length === 0 || i % 5 === 0) addClaim(doc, { claim: `New ${i}` }, ctx);
      else if (i % 5 === 1)
        moveCard(doc, rnd.pick(ids), { column: rnd.pick(COLUMNS), index: rnd.int(5) }, ctx);
      else if (i % 5 === 2) addComment(doc, rnd.pick(ids), { text: `c${i}` }, ctx);
      else if (i % 5 === 3) deleteCard(doc, rnd.pick(ids), ctx);
      else editCard(doc, rnd.pick(ids), { claim: `e${i}` }, ctx);
      if (i % 7 === 0) expect(reader.read()).toEqual(readBoard(doc));
    }
    expect(reader.read()).toEqual(readBoard(doc));
    reader.destroy();
  });
});
