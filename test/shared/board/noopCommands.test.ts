import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  deleteComment,
  editCard,
  editComment,
  editEvidence,
  editRatingScale,
  initBoard,
  moveCard,
  readBoard,
  readRatingScale,
  resolveThread,
  setArticleUrl,
  setBoardMeta,
  setExtraction,
  setVerdict,
} from '../../../shared/board';

let tick = 1_700_000_000_000;
const now = () => ++tick;
const alice = { actor: { id: 'inv-a', name: 'Alice' }, now };
const bob = { actor: { id: 'inv-b', name: 'Bob' }, now };

/** A board with one card that has a value in every field a command can set again. */
function busyBoard() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Board' }, alice);
  addClaim(doc, { claim: 'First' }, alice);
  const card = addClaim(doc, { claim: 'Crime fell 10%', speaker: 'Mayor' }, alice);
  addClaim(doc, { claim: 'Last' }, alice);
  moveCard(doc, card, { column: 'disputed', index: 0 }, alice);
  setVerdict(doc, card, 'False', 'The figures say otherwise', alice);
  assignCard(doc, card, alice.actor, alice);
  editCard(doc, card, { speakerType: 'person', reviewUrl: 'https://example.org/check' }, alice);
  setExtraction(doc, card, { score: 3, rank: 1, chips: [{ text: '10%', type: 'percent' }] }, alice);
  const evidence = addEvidence(
    doc,
    card,
    { url: 'https://example.org/stats', quote: 'Q', stance: 'refutes', note: 'N' },
    alice,
  );
  const comment = addComment(doc, card, { text: 'Looks wrong' }, alice);
  const gone = addComment(doc, card, { text: 'Posted by mistake' }, alice);
  deleteComment(doc, gone, alice);
  resolveThread(doc, comment, true, alice);
  const article = addArticle(doc, { title: 'Article', text: 'Crime fell 10%.' }, alice);
  setArticleUrl(doc, { articleId: article, url: 'https://example.org/a' }, alice);
  setBoardMeta(doc, { organisation: { name: 'Checkers', url: 'https://example.org' } }, alice);
  return { doc, card, evidence, comment, gone, article };
}

type Board = ReturnType<typeof busyBoard>;

/** Each command, asked for what the board already holds (Bob, so no write could be his own). */
const noOps: [string, (b: Board) => void][] = [
  [
    'setVerdict: same verdict and rationale',
    (b) => setVerdict(b.doc, b.card, 'False', 'The figures say otherwise', bob),
  ],
  [
    'setVerdict: same verdict, no rationale',
    (b) => setVerdict(b.doc, b.card, 'False', undefined, bob),
  ],
  [
    'moveCard: to where it stands',
    (b) => moveCard(b.doc, b.card, { column: 'disputed', index: 0 }, bob),
  ],
  [
    'moveCard: among others, to its own index',
    (b) => {
      const last = readBoard(b.doc).columns.unverified[1] as string;
      moveCard(b.doc, last, { column: 'unverified', index: 1 }, bob);
    },
  ],
  [
    'moveCard: past the end of a column it is last in',
    (b) => moveCard(b.doc, b.card, { column: 'disputed', index: 99 }, bob),
  ],
  [
    'moveCard: same place, same verdict given',
    (b) => moveCard(b.doc, b.card, { column: 'disputed', index: 0, verdict: 'False' }, bob),
  ],
  [
    'assignCard: same assignee',
    (b) => assignCard(b.doc, b.card, { id: 'inv-a', name: 'Alice' }, bob),
  ],
  [
    'editCard: same values',
    (b) =>
      editCard(
        b.doc,
        b.card,
        { claim: 'Crime fell 10%', speaker: 'Mayor', speakerType: 'person' },
        bob,
      ),
  ],
  [
    'editCard: clearing a field that is not set',
    (b) => {
      const other = readBoard(b.doc).columns.unverified[0] as string;
      editCard(b.doc, other, { reviewUrl: null }, bob);
    },
  ],
  [
    'setExtraction: same signals',
    (b) =>
      setExtraction(
        b.doc,
        b.card,
        { score: 3, rank: 1, chips: [{ text: '10%', type: 'percent' }] },
        bob,
      ),
  ],
  [
    'editEvidence: same values',
    (b) => editEvidence(b.doc, b.card, b.evidence, { note: 'N', stance: 'refutes' }, bob),
  ],
  ['editComment: same text', (b) => editComment(b.doc, b.comment, 'Looks wrong', alice)],
  ['deleteComment: already deleted', (b) => deleteComment(b.doc, b.gone, alice)],
  ['resolveThread: already resolved', (b) => resolveThread(b.doc, b.comment, true, bob)],
  [
    'setBoardMeta: same title and organisation',
    (b) =>
      setBoardMeta(
        b.doc,
        { title: 'Board', organisation: { name: 'Checkers', url: 'https://example.org' } },
        bob,
      ),
  ],
  [
    'setArticleUrl: same link',
    (b) => setArticleUrl(b.doc, { articleId: b.article, url: 'https://example.org/a' }, bob),
  ],
  [
    'editRatingScale: the same scale',
    (b) => {
      const scale = readRatingScale(b.doc);
      editRatingScale(b.doc, { scale, base: scale }, bob);
    },
  ],
];

describe('a command that changes nothing writes nothing (B15)', () => {
  it.each(noOps)('%s', (_name, run) => {
    const b = busyBoard();
    const before = readBoard(b.doc);
    const updates: Uint8Array[] = [];
    b.doc.on('update', (u: Uint8Array) => updates.push(u));
    run(b);
    expect(updates).toHaveLength(0);
    expect(readBoard(b.doc)).toEqual(before);
  });

  it('writes only what changed: a new rationale keeps the verdict as it was written', () => {
    const b = busyBoard();
    const keys: string[] = [];
    const card = b.doc.getMap('cards').get(b.card) as Y.Map<unknown>;
    card.observe((e) => keys.push(...e.keysChanged));
    setVerdict(b.doc, b.card, 'False', 'A new reason', bob);
    expect(keys.sort()).toEqual(['rationale', 'updatedAt', 'updatedBy']);
    expect(readBoard(b.doc).cards[b.card]?.updatedBy.name).toBe('Bob');
  });

  it('still moves a card within its column, and to another column', () => {
    const b = busyBoard();
    const [first, last] = readBoard(b.doc).columns.unverified as [string, string];
    moveCard(b.doc, first, { column: 'unverified', index: 1 }, bob);
    expect(readBoard(b.doc).columns.unverified).toEqual([last, first]);
    moveCard(b.doc, last, { column: 'disputed', index: 0 }, bob);
    expect(readBoard(b.doc).columns.disputed).toEqual([last, b.card]);
  });
});
