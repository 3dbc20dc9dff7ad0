/** Search and filters over plain board data. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  assignCard,
  createBoardReader,
  editCard,
  moveCard,
  readBoard,
  removeArticle,
  setVerdict,
} from '../../shared/board';
import {
  countCards,
  EMPTY_FILTER,
  filterColumns,
  isFilterActive,
  MISFIT,
  NONE,
  withoutGoneArticle,
} from '../../client/board/filterCards';
import { filterOptions } from '../../client/board/filterOptions';

// A clock that moves a millisecond a command: on the wall clock an article and a card added in
// one millisecond read as the article's import and its card, which its removal takes (CI).
let tick = 1_750_000_000_000;
const ctx = { actor: { id: 'ana', name: 'Ana' }, now: () => ++tick };
const noneForMe = () => false;

function board() {
  const doc = new Y.Doc();
  const a = addClaim(doc, { claim: 'Unemployment fell to 3.9%', speaker: 'The minister' }, ctx);
  const b = addClaim(doc, { claim: 'Crime rose 40%', speaker: 'The mayor' }, ctx);
  const c = addClaim(doc, { claim: 'Exports doubled' }, ctx);
  setVerdict(doc, b, 'Unproven', undefined, ctx);
  assignCard(doc, c, { id: 'bo', name: 'Bo' }, ctx);
  return { view: readBoard(doc), a, b, c };
}

describe('filterColumns', () => {
  it('returns the very same columns when nothing is filtered', () => {
    const { view } = board();
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(filterColumns(view, EMPTY_FILTER, noneForMe)).toBe(view.columns);
  });

  it('matches every word of the search in claim, speaker or verdict, ignoring case', () => {
    const { view, a, b } = board();
    expect(
      filterColumns(view, { ...EMPTY_FILTER, text: 'MINISTER fell' }, noneForMe).unverified,
    ).toEqual([a]);
    expect(
      filterColumns(view, { ...EMPTY_FILTER, text: 'unproven' }, noneForMe).unverified,
    ).toEqual([b]);
    expect(
      filterColumns(view, { ...EMPTY_FILTER, text: 'nothing like it' }, noneForMe).unverified,
    ).toEqual([]);
  });

  it('filters by speaker, verdict and assignee, with "none" for missing values', () => {
    const { view, a, b, c } = board();
    expect(
      filterColumns(view, { ...EMPTY_FILTER, speaker: 'The mayor' }, noneForMe).unverified,
    ).toEqual([b]);
    expect(filterColumns(view, { ...EMPTY_FILTER, speaker: NONE }, noneForMe).unverified).toEqual([
      c,
    ]);
    expect(filterColumns(view, { ...EMPTY_FILTER, verdict: NONE }, noneForMe).unverified).toEqual([
      a,
      c,
    ]);
    expect(filterColumns(view, { ...EMPTY_FILTER, assignee: 'bo' }, noneForMe).unverified).toEqual([
      c,
    ]);
    expect(filterColumns(view, { ...EMPTY_FILTER, assignee: NONE }, noneForMe).unverified).toEqual([
      a,
      b,
    ]);
  });

  it('keeps the columns of the last result that show the same cards, and all of it when all do', () => {
    const { view, a, b } = board();
    const doc = new Y.Doc();
    const moved = addClaim(doc, { claim: 'Crime rose 40%', speaker: 'The mayor' }, ctx);
    moveCard(doc, moved, { column: 'disputed', index: 0 }, ctx);
    addClaim(doc, { claim: 'Exports doubled' }, ctx);
    const two = readBoard(doc);

    const crime = filterColumns(view, { ...EMPTY_FILTER, text: 'cri' }, noneForMe);
    expect(crime.unverified).toEqual([b]);
    // A key more that leaves every column as it was: the very same result, so nothing renders.
    expect(filterColumns(view, { ...EMPTY_FILTER, text: 'crim' }, noneForMe, crime)).toBe(crime);
    // One column changes: the others are the arrays they were.
    const the = filterColumns(two, { ...EMPTY_FILTER, text: 'e' }, noneForMe);
    const crossed = filterColumns(two, { ...EMPTY_FILTER, text: 'cr' }, noneForMe, the);
    expect(crossed).not.toBe(the);
    expect(crossed.unverified).toEqual([]);
    expect(crossed.disputed).toBe(the.disputed);
    expect(crossed.corroborated).toBe(the.corroborated);
    expect(
      filterColumns(view, { ...EMPTY_FILTER, text: 'fell' }, noneForMe, crime).unverified,
    ).toEqual([a]);
  });

  it('finds a card whatever the accents and quotes typed: as an article sets them, or plain', () => {
    const doc = new Y.Doc();
    const card = addClaim(
      doc,
      { claim: 'The government’s “Total Peace” plan cut prison deaths', speaker: 'José Ramírez' },
      ctx,
    );
    const plain = addClaim(doc, { claim: 'Jose said the plan is "total peace"' }, ctx);
    const search = (text: string) =>
      filterColumns(readBoard(doc), { ...EMPTY_FILTER, text }, noneForMe).unverified;
    expect(search("government's")).toEqual([card]);
    expect(search('"total peace" ramirez')).toEqual([card]);
    expect(search('JOSÉ')).toEqual([card, plain]);
  });

  it('finds a card by its text as edited, read by the incremental reader', () => {
    const doc = new Y.Doc();
    const card = addClaim(doc, { claim: 'Exports doubled' }, ctx);
    const reader = createBoardReader(doc);
    const search = (text: string) =>
      filterColumns(reader.read(), { ...EMPTY_FILTER, text }, noneForMe).unverified;
    expect(search('exports')).toEqual([card]);
    editCard(doc, card, { claim: 'Imports tripled', speaker: 'Ana Ruiz' }, ctx);
    expect(search('exports')).toEqual([]);
    expect(search('imports ruiz')).toEqual([card]);
    reader.destroy();
  });

  it('finds the cards whose verdict is no label of their column', () => {
    const doc = new Y.Doc();
    const fits = addClaim(doc, { claim: 'Crime fell by half' }, ctx);
    moveCard(doc, fits, { column: 'corroborated', index: 0, verdict: 'True' }, ctx);
    const crossed = addClaim(doc, { claim: 'Rents doubled since 2015' }, ctx);
    moveCard(doc, crossed, { column: 'disputed', index: 0 }, ctx);
    // A colleague's copy moves it to Corroborated while this one gives it "False".
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(doc));
    moveCard(theirs, crossed, { column: 'corroborated', index: 0 }, ctx);
    setVerdict(doc, crossed, 'False', undefined, ctx);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(theirs));
    addClaim(doc, { claim: 'Exports doubled' }, ctx);
    const shown = filterColumns(readBoard(doc), { ...EMPTY_FILTER, verdict: MISFIT }, noneForMe);
    expect(shown).toEqual({ unverified: [], corroborated: [crossed], disputed: [] });
  });

  it('filters by the article a card quotes, with "none" for cards that quote none', () => {
    const doc = new Y.Doc();
    const first = addArticle(doc, { title: 'Prisons', text: 'Prisons hold 110,000 people.' }, ctx);
    const second = addArticle(doc, { title: 'Cárceles', text: 'Hay 110.000 presos.' }, ctx);
    const quote = (articleId: string, sentence: string) => ({
      claim: sentence,
      source: { articleId, start: 0, end: sentence.length, sentence },
    });
    const a = addClaim(doc, quote(first, 'Prisons hold 110,000 people.'), ctx);
    const b = addClaim(doc, quote(second, 'Hay 110.000 presos.'), ctx);
    const c = addClaim(doc, { claim: 'Exports doubled' }, ctx);
    const view = readBoard(doc);
    const only = (article: string) =>
      filterColumns(view, { ...EMPTY_FILTER, article }, noneForMe).unverified;
    expect(isFilterActive({ ...EMPTY_FILTER, article: first })).toBe(true);
    expect(only(first)).toEqual([a]);
    expect(only(second)).toEqual([b]);
    expect(only(NONE)).toEqual([c]);

    // A card kept when its article was removed quotes no article the filter offers.
    moveCard(doc, b, { column: 'unverified', index: 0 }, ctx);
    const third = addArticle(doc, { title: 'Other', text: 'Other text.' }, ctx);
    removeArticle(doc, second, ctx);
    const after = readBoard(doc);
    expect(after.cards[b]).toBeDefined();
    const none = { ...EMPTY_FILTER, article: NONE };
    expect(filterColumns(after, none, noneForMe).unverified).toEqual([b, c]);
    // The choice of a removed article is dropped, and any choice once one article is left.
    expect(withoutGoneArticle({ ...EMPTY_FILTER, article: second }, after).article).toBeNull();
    const kept = { ...EMPTY_FILTER, article: third };
    expect(withoutGoneArticle(kept, after)).toBe(kept);
    removeArticle(doc, third, ctx);
    expect(withoutGoneArticle(none, readBoard(doc)).article).toBeNull();
  });

  it('"For me" keeps the cards the given test picks, with the other filters', () => {
    const { view, a, b, c } = board();
    const forBo = (card: { assignee: { id: string } | null }) => card.assignee?.id === 'bo';
    expect(isFilterActive({ ...EMPTY_FILTER, forMe: true })).toBe(true);
    expect(filterColumns(view, { ...EMPTY_FILTER, forMe: true }, forBo).unverified).toEqual([c]);
    expect(
      filterColumns(view, { ...EMPTY_FILTER, forMe: true, text: 'crime' }, forBo).unverified,
    ).toEqual([]);
    expect(filterColumns(view, EMPTY_FILTER, forBo).unverified).toEqual([a, b, c]);
    expect(countCards(view, forBo)).toBe(1);
    expect(countCards(view, () => true)).toBe(3);
  });

  it('offers the speakers and assignees on the board', () => {
    const { view } = board();
    expect(filterOptions(view)).toEqual({
      speakers: ['The mayor', 'The minister'],
      assignees: [{ id: 'bo', name: 'Bo' }],
    });
  });
});
