/**
 * What the "Remove this article?" dialog says of the cards that move and stay: counts of cards
 * that add up to the cards there are (QA20: a card with a verdict was counted again as
 * "edited", and a card moving only because its sentence is in the newer version was said to
 * have work).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addEvidence,
  editCard,
  initBoard,
  moveCard,
  planArticleRemoval,
  readBoard,
  setVerdict,
} from '../../../shared/board';
import { movingWords, stayingWords } from '../../../client/article/removalWords';
import { importSentences } from '../../helpers/importSentences';

let tick = 1_750_000_000_000;
const now = () => ++tick;
const ana = { actor: { id: 'inv-ana', name: 'Ana' }, now };
const bo = { actor: { id: 'inv-bo', name: 'Bo' }, now };

const V1 = 'Rents rose 8% last year. Schools lost 1,200 pupils. Bus fares went up 15%.';

/** Bo's work on the cards of "Budget", then what removing it would say. */
function removalOf(v2Text: string, work: (ids: string[], doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Desk' }, ana);
  const { articleId, ids } = importSentences(doc, { title: 'Budget', text: V1 }, ana);
  const v2 = addArticle(doc, { title: 'Budget (corrected)', text: v2Text }, ana);
  work(ids, doc);
  const board = readBoard(doc);
  const article = board.articles.find((a) => a.id === articleId)!;
  const plan = planArticleRemoval(article, Object.values(board.cards), board.articles);
  const labels = new Map([[v2, 'Budget (corrected)']]);
  return {
    moving: movingWords(
      plan.keep.filter((k) => k.anchor),
      labels,
    ),
    staying: stayingWords(plan.keep.filter((k) => !k.anchor)),
  };
}

describe('movingWords', () => {
  it('says how many go to each article when the sentences are in several', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Desk' }, ana);
    const { articleId } = importSentences(doc, { title: 'Budget', text: V1 }, ana);
    const rents = addArticle(
      doc,
      { title: 'Rents', text: 'Rents rose 8% last year. Schools lost 1,200 pupils.' },
      ana,
    );
    const fares = addArticle(doc, { title: 'Fares', text: 'Bus fares went up 15%.' }, ana);
    const board = readBoard(doc);
    const article = board.articles.find((a) => a.id === articleId)!;
    const plan = planArticleRemoval(article, Object.values(board.cards), board.articles);
    const labels = new Map([
      [rents, 'Rents'],
      [fares, 'Fares'],
    ]);
    expect(movingWords(plan.keep, labels)).toBe(
      '3 cards move to the articles that have their sentences: 2 to “Rents” and 1 to “Fares”.',
    );
  });

  it('closes a right-to-left override an article’s title leaves open, inside its quotes', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Desk' }, ana);
    const { articleId } = importSentences(doc, { title: 'Budget', text: V1 }, ana);
    const v2 = addArticle(doc, { title: 'Budget \u202Etegdub', text: V1 }, ana);
    const board = readBoard(doc);
    const article = board.articles.find((a) => a.id === articleId)!;
    const plan = planArticleRemoval(article, Object.values(board.cards), board.articles);
    // Unclosed, the override would reverse the rest of the sentence after the title.
    expect(movingWords(plan.keep, new Map([[v2, 'Budget \u202Etegdub']]))).toBe(
      '3 cards move to “Budget \u202E\u202Ctegdub”, which has their sentences.',
    );
  });

  it('counts the cards with work among those moving, each once (QA20)', () => {
    const { moving } = removalOf(`Update. ${V1}`, ([verdict, evidence], doc) => {
      setVerdict(doc, verdict!, 'True', undefined, bo);
      addEvidence(doc, evidence!, { url: 'https://stats.example', stance: 'supports' }, bo);
    });
    expect(moving).toBe(
      '3 cards move to “Budget (corrected)”, which has their sentences. The work on 2 of them ' +
        'moves with them (1 with a verdict; 1 with evidence).',
    );
  });

  it('says "their work" when every moving card has some', () => {
    const { moving } = removalOf(`Update. ${V1}`, (ids, doc) => {
      for (const id of ids) moveCard(doc, id, { column: 'disputed', index: 0 }, bo);
      editCard(doc, ids[0]!, { speaker: 'The mayor' }, bo);
    });
    expect(moving).toBe(
      '3 cards move to “Budget (corrected)”, which has their sentences. Their work moves with ' +
        'them (3 moved out of Unverified).',
    );
  });

  it('names one card’s work without counts, which would read as several cards', () => {
    const { moving } = removalOf('Rents rose 8% last year.', ([rents], doc) => {
      moveCard(doc, rents!, { column: 'corroborated', index: 0 }, bo);
      setVerdict(doc, rents!, 'True', undefined, bo);
    });
    expect(moving).toBe(
      '1 card moves to “Budget (corrected)”, which has its sentence. Its work moves with it ' +
        '(moved out of Unverified; with a verdict).',
    );
  });

  it('says no work for cards moving only because the newer version has their sentence', () => {
    const { moving } = removalOf(`Update. ${V1}`, () => {});
    expect(moving).toBe('3 cards move to “Budget (corrected)”, which has their sentences.');
  });
});

describe('stayingWords', () => {
  it('counts a card moved, judged, given evidence and reworded once for each kind of work', () => {
    const { staying } = removalOf('Another story.', ([judged, moved], doc) => {
      setVerdict(doc, judged!, 'False', undefined, bo);
      addEvidence(doc, judged!, { url: 'https://stats.example', stance: 'refutes' }, bo);
      editCard(doc, judged!, { speaker: 'The mayor' }, bo);
      moveCard(doc, moved!, { column: 'corroborated', index: 0 }, bo);
    });
    expect(staying).toBe(
      '2 cards stay on the board, because someone worked on them (1 moved out of Unverified; ' +
        '1 with a verdict; 1 with evidence). They keep their quoted sentence.',
    );
  });

  it('says "edited" of a card only reworded, and one card’s work without counts', () => {
    const { staying } = removalOf('Another story.', ([reworded], doc) => {
      editCard(doc, reworded!, { claim: 'Rents rose 8% in 2025' }, bo);
    });
    expect(staying).toBe(
      '1 card stays on the board, because someone worked on it (edited since the import). It ' +
        'keeps its quoted sentence.',
    );
  });
});
