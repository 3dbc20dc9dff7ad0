/**
 * removeArticle (README "Board model invariants", B14): an article goes with the cards its
 * import proposed that nobody worked on, in one transaction that one undo step reverses; the
 * cards someone worked on stay, and every reader of a card's source copes with the missing
 * article (the exports, and a JSON export imported again).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addComment,
  addEvidence,
  assignCard,
  BoardError,
  CommandOrigin,
  deleteComment,
  editCard,
  initBoard,
  moveCard,
  planArticleRemoval,
  readBoard,
  removeArticle,
  setVerdict,
} from '../../../shared/board';
import {
  importBoardFromJson,
  toClaimReview,
  toCsv,
  toJsonExport,
  toMarkdown,
} from '../../../shared/export';
import { importSentences } from '../../helpers/importSentences';

let tick = 1_750_000_000_000;
const now = () => ++tick;
const ana = { actor: { id: 'inv-ana', name: 'Ana' }, now };
const bo = { actor: { id: 'inv-bo', name: 'Bo' }, now };

const TEXT =
  'The city spent $3 million on roads. Crime fell 20% in 2024. ' +
  'The mayor hired 300 officers. Rents rose 8% last year. Schools lost 1,200 pupils. ' +
  'The port moved 4 million containers. Bus fares went up 15%. Taxes fell 2%.';
const SENTENCES = TEXT.split(/(?<=\.) /);

/** A board with one article imported as the server does it: the article and 8 cards. */
function importedBoard() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Desk' }, ana);
  const { articleId, ids } = importSentences(
    doc,
    { title: 'Wrong paste', url: 'https://news.example/a', text: TEXT },
    ana,
  );
  return { doc, articleId, ids };
}

describe('removeArticle', () => {
  it('removes the article and its untouched cards, and keeps every card someone worked on', () => {
    const { doc, articleId, ids } = importedBoard();
    const [untouched, moved, verdict, evidence, commented, assigned, edited, uncommented] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    moveCard(doc, moved, { column: 'corroborated', index: 0 }, bo);
    setVerdict(doc, verdict, 'True', undefined, bo);
    addEvidence(doc, evidence, { url: 'https://stats.example', stance: 'supports' }, bo);
    addComment(doc, commented, { text: 'Is this right?' }, bo);
    assignCard(doc, assigned, bo.actor, bo);
    editCard(doc, edited, { speaker: 'The mayor' }, bo);
    // A comment posted and deleted leaves nothing of anyone's work.
    deleteComment(doc, addComment(doc, uncommented, { text: 'oops' }, bo), bo);
    // Made by hand from the article view by the importer, a second after the import: their
    // work all the same.
    tick += 1_000;
    const byHand = addClaim(
      doc,
      {
        claim: 'Crime fell 20%',
        source: { articleId, start: 36, end: 60, sentence: TEXT.slice(36, 60) },
      },
      ana,
    );
    const other = addClaim(doc, { claim: 'Not from the article' }, ana);

    const board = readBoard(doc);
    const plan = planArticleRemoval(board.articles[0]!, Object.values(board.cards), board.articles);
    expect(plan.remove.map((c) => c.id).sort()).toEqual([untouched, uncommented].sort());
    expect(Object.fromEntries(plan.keep.map((k) => [k.card.id, k.reasons]))).toEqual({
      // Moving, judging or taking a card stamps it changed too: 'edited' only when nothing
      // more telling says why it stays, so no card counts twice in the dialog (QA20).
      [moved]: ['moved'],
      [verdict]: ['verdict'],
      [evidence]: ['evidence'],
      [commented]: ['comments'],
      [assigned]: ['assigned'],
      [edited]: ['edited'],
      [byHand]: ['madeByHand'],
    });

    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const result = removeArticle(doc, articleId, bo);
    expect(origins).toHaveLength(1); // B7: one intent, one transaction
    expect(origins[0]).toBeInstanceOf(CommandOrigin);
    expect((origins[0] as CommandOrigin).command).toBe('removeArticle');
    expect(result.title).toBe('Wrong paste');
    expect([...result.removed].sort()).toEqual([untouched, uncommented].sort());
    expect(result.kept).toHaveLength(7);

    const after = readBoard(doc);
    expect(after.articles).toEqual([]);
    expect(after.cards[untouched]).toBeUndefined();
    expect(after.cards[uncommented]).toBeUndefined();
    expect(after.cards[other]).toBeDefined();
    // A kept card still reads whole: its sentence is on it.
    expect(after.cards[commented]?.source?.sentence).toBe(SENTENCES[4]);
    expect(after.cards[commented]?.comments).toHaveLength(1);
  });

  it('keeps the untouched cards whose sentence a newer version on the board has (QA17)', () => {
    const { doc, articleId, ids } = importedBoard();
    // A new version of the story, one sentence changed: its import proposed a card for that one
    // only, the others being on the board already (importArticle), so they are its cards too.
    const v2 = TEXT.replace('Bus fares went up 15%.', 'Bus fares went up 25%.');
    const v2Id = addArticle(doc, { title: 'Corrected', text: v2 }, ana);
    const board = readBoard(doc);
    const v1 = board.articles.find((a) => a.id === articleId)!;
    const plan = planArticleRemoval(v1, Object.values(board.cards), board.articles);
    const fares = ids[SENTENCES.indexOf('Bus fares went up 15%.')]!;
    expect(plan.remove.map((c) => c.id)).toEqual([fares]);
    expect(plan.keep.map((k) => k.reasons)).toEqual(ids.slice(1).map(() => ['inAnotherArticle']));

    const result = removeArticle(doc, articleId, bo);
    expect(result.removed).toEqual([fares]);
    const after = readBoard(doc);
    expect(Object.keys(after.cards).sort()).toEqual(ids.filter((id) => id !== fares).sort());
    expect(after.articles.map((a) => a.id)).toEqual([v2Id]);
  });

  it('anchors the kept cards whose sentence another article has in it, worked on or not', () => {
    const { doc, articleId, ids } = importedBoard();
    const [untouched, withEvidence, onlyHere] = [ids[0]!, ids[1]!, ids[6]!];
    addEvidence(doc, withEvidence, { url: 'https://stats.example', stance: 'refutes' }, bo);
    setVerdict(doc, onlyHere, 'True', undefined, bo);
    // The newer version rewrote the bus fares and put a paragraph first: every other sentence
    // sits elsewhere in its text.
    const v2 =
      'Update: figures corrected. ' + TEXT.replace('Bus fares went up 15%.', 'Fares rose.');
    const v2Id = addArticle(doc, { title: 'Corrected', text: v2 }, ana);
    const before = readBoard(doc);
    const lastChange = before.cards[withEvidence]!.updatedAt;

    const result = removeArticle(doc, articleId, bo);
    expect(result.removed).toEqual([]);
    expect(result.kept).toHaveLength(8);
    expect(result.moved.map((m) => m.cardId).sort()).toEqual(
      ids.filter((id) => id !== onlyHere).sort(),
    );
    const after = readBoard(doc);
    for (const id of [untouched, withEvidence]) {
      const source = after.cards[id]!.source!;
      expect(source.articleId).toBe(v2Id);
      expect(source.sentence).toBe(before.cards[id]!.source!.sentence);
      expect(v2.slice(source.start, source.end)).toBe(source.sentence);
      expect(source.start).toBe(v2.indexOf(source.sentence));
    }
    // Its evidence and its last change (someone's) stay: nobody changed what it says.
    expect(after.cards[withEvidence]!.evidence).toHaveLength(1);
    expect(after.cards[withEvidence]!.updatedAt).toBe(lastChange);
    // Its sentence is in no other article: it stays on the removed one, as before.
    expect(after.cards[onlyHere]!.source).toEqual(before.cards[onlyHere]!.source);
  });

  it('anchors a card in the newest of the articles that have its sentence', () => {
    const { doc, articleId, ids } = importedBoard();
    const older = addArticle(doc, { title: 'v2', text: `Intro. ${TEXT}` }, ana);
    const newer = addArticle(doc, { title: 'v3', text: `More intro. ${TEXT}` }, ana);
    const board = readBoard(doc);
    expect(board.articles.map((a) => a.id)).toEqual([articleId, older, newer]);
    const plan = planArticleRemoval(board.articles[0]!, Object.values(board.cards), board.articles);
    expect(new Set(plan.keep.map((k) => k.anchor?.articleId))).toEqual(new Set([newer]));
    removeArticle(doc, articleId, bo);
    const card = readBoard(doc).cards[ids[2]!]!;
    expect(card.source).toEqual({
      articleId: newer,
      start: 'More intro. '.length + TEXT.indexOf(SENTENCES[2]!),
      end: 'More intro. '.length + TEXT.indexOf(SENTENCES[2]!) + SENTENCES[2]!.length,
      sentence: SENTENCES[2],
    });
  });

  it('takes the place of a repeated sentence nearest where the card was', () => {
    const { doc, articleId, ids } = importedBoard();
    // "Taxes fell 2%." is last in v1; v2 says it first and last.
    const v2Id = addArticle(doc, { title: 'v2', text: `Taxes fell 2%. ${TEXT}` }, ana);
    removeArticle(doc, articleId, bo);
    const source = readBoard(doc).cards[ids[7]!]!.source!;
    expect(source.articleId).toBe(v2Id);
    expect(source.start).toBe('Taxes fell 2%. '.length + TEXT.lastIndexOf('Taxes fell 2%.'));
  });

  it('is one undo step for its remover: the article and its cards come back as they were', () => {
    const { doc, articleId, ids } = importedBoard();
    const before = readBoard(doc);
    const undo = new Y.UndoManager([doc.getMap('articles'), doc.getMap('cards')], {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    removeArticle(doc, articleId, bo);
    expect(Object.keys(readBoard(doc).cards)).toEqual([]);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    const back = readBoard(doc);
    expect(back.articles).toEqual(before.articles);
    expect(Object.keys(back.cards).sort()).toEqual([...ids].sort());
    expect(back.columns).toEqual(before.columns);
  });

  it('is one undo step that puts the moved cards back on the article it brings back', () => {
    const { doc, articleId, ids } = importedBoard();
    moveCard(doc, ids[3]!, { column: 'disputed', index: 0 }, bo);
    addArticle(doc, { title: 'Corrected', text: `Update. ${TEXT}` }, ana);
    const before = readBoard(doc);
    const undo = new Y.UndoManager([doc.getMap('articles'), doc.getMap('cards')], {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    const result = removeArticle(doc, articleId, bo);
    expect(result.moved).toHaveLength(8);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    const back = readBoard(doc);
    expect(back.articles).toEqual(before.articles);
    for (const id of ids) expect(back.cards[id]?.source).toEqual(before.cards[id]?.source);
    expect(back.cards[ids[3]!]?.source?.articleId).toBe(articleId);
  });

  it('refuses an article the board does not hold (B9), changing nothing', () => {
    const { doc } = importedBoard();
    let changes = 0;
    doc.on('afterTransaction', () => changes++);
    expect(() => removeArticle(doc, 'a-missing', bo)).toThrow(BoardError);
    expect(changes).toBe(0);
  });

  it('leaves kept cards that every export and a re-imported JSON export read whole', () => {
    const { doc, articleId, ids } = importedBoard();
    const kept = ids[1] as string;
    moveCard(doc, kept, { column: 'disputed', index: 0 }, bo);
    setVerdict(doc, kept, 'False', 'The data say 2%', bo);
    removeArticle(doc, articleId, bo);
    const view = readBoard(doc);
    const sentence = SENTENCES[1] as string;

    expect(toCsv(view)).toContain(sentence);
    expect(toMarkdown(view)).toContain(sentence);
    const organisation = { name: 'Desk', url: 'https://desk.example' };
    const review = toClaimReview(view, { organisation });
    expect(review.reviews.map((r) => r.claimReviewed)).toEqual([sentence]);
    expect(review.reviews[0]?.itemReviewed).not.toHaveProperty('appearance');

    const json = JSON.parse(JSON.stringify(toJsonExport(view, [], { exportedAt: tick })));
    const imported = importBoardFromJson(json);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const copy = new Y.Doc();
    imported.apply(copy, ana);
    const card = readBoard(copy).cards[kept];
    expect(card?.source).toEqual(view.cards[kept]?.source);
    expect(card?.verdict).toBe('False');
  });
});
