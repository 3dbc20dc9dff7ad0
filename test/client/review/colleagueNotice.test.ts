/** The notice a board change brings when a colleague mentions the reader or gives them a card. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addComment,
  assignCard,
  assignCards,
  createBoardReader,
  deleteCard,
  editCard,
  restoreCard,
  editComment,
  moveCard,
  moveCards,
  setVerdict,
} from '../../../shared/board';
import { awaitingMeReader } from '../../../client/review/threadsAwaitingMe';
import {
  checkedCardsGone,
  colleagueNotice,
  deletedBy,
  deletedWhileAway,
  deletionNotice,
  type FollowedChange,
  givenWhileAway,
  type NoticeReader,
  noticesTogether,
  returnNotice,
} from '../../../client/review/colleagueNotice';

const LEA = { id: 'lea', name: 'Lea Park' };
const EDDIE = { id: 'eddie', name: 'Eddie Stone' };
const lea = {
  meId: LEA.id,
  awaitingMe: awaitingMeReader(LEA.id, { names: ['Lea Park'], myNames: ['Lea Park'] }),
};

describe('colleagueNotice', () => {
  it('names the colleague and the card for one new mention, counts several, and repeats none', () => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, { actor: EDDIE });
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, { actor: EDDIE });
    const first = reader.read();
    const c1 = addComment(doc, a, { text: '@Lea Park source?' }, { actor: EDDIE });
    const second = reader.read();
    expect(colleagueNotice(first.cards, second, lea)).toEqual({
      kind: 'one',
      text: 'Eddie Stone mentioned you on “Rents rose 30% in 2024”',
      cardId: a,
    });

    // A change elsewhere on the card does not repeat it.
    addComment(doc, a, { text: 'Still looking.' }, { actor: EDDIE });
    const third = reader.read();
    expect(colleagueNotice(second.cards, third, lea)).toBeNull();

    // Editing the mention makes it news again, with a mention on another card.
    editComment(doc, c1, '@Lea Park the source, please', { actor: EDDIE });
    addComment(doc, b, { text: 'And here, @Lea Park' }, { actor: EDDIE });
    expect(colleagueNotice(third.cards, reader.read(), lea)).toEqual({
      kind: 'many',
      text: 'You were mentioned in 2 comments',
    });
  });

  it('tells a colleague’s reply in a thread the reader wrote in, once, and no other reply', () => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    const at = (actor: typeof LEA, now: number) => ({ actor, now: () => now });
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, at(EDDIE, 1_000));
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, at(EDDIE, 1_000));
    const asked = addComment(doc, a, { text: 'Which survey is this?' }, at(LEA, 2_000));
    const others = addComment(doc, b, { text: 'Checked the police data.' }, at(EDDIE, 2_000));
    let before = reader.read();
    const next = (r: NoticeReader = lea) => {
      const now = reader.read();
      const notice = colleagueNotice(before.cards, now, r);
      before = now;
      return notice;
    };
    addComment(doc, a, { text: 'The housing survey, p. 4', parentId: asked }, at(EDDIE, 3_000));
    expect(next()).toEqual({
      kind: 'one',
      text: 'Eddie Stone replied to you on “Rents rose 30% in 2024”',
      cardId: a,
    });
    // Her own reply, a colleague's reply in a thread she has not written in, and a change
    // elsewhere on the card are no news; nor is a reply her open dialog tells itself.
    addComment(doc, a, { text: 'Thanks', parentId: asked }, at(LEA, 4_000));
    addComment(doc, b, { text: 'And the courts.', parentId: others }, at(EDDIE, 4_000));
    expect(next()).toBeNull();
    addComment(doc, a, { text: 'Also p. 5', parentId: asked }, at(EDDIE, 5_000));
    expect(next({ ...lea, following: (id) => id === a })).toBeNull();
    // A reply that mentions her is told once, as the mention; two replies are counted.
    addComment(doc, a, { text: '@Lea Park and p. 6', parentId: asked }, at(EDDIE, 6_000));
    expect(next()?.text).toBe('Eddie Stone mentioned you on “Rents rose 30% in 2024”');
    const mine = addComment(doc, b, { text: 'Which courts?', parentId: others }, at(LEA, 7_000));
    expect(mine).toBeTruthy();
    addComment(doc, a, { text: 'p. 7 too', parentId: asked }, at(EDDIE, 8_000));
    addComment(doc, b, { text: 'Crown courts', parentId: others }, at(EDDIE, 8_000));
    expect(next()).toEqual({ kind: 'many', text: 'You were answered in 2 replies' });
    // A card back after a deletion brings its old replies back, which are no news.
    const card = before.cards[b]!;
    deleteCard(doc, b, at(EDDIE, 9_000));
    expect(next()).toBeNull();
    restoreCard(doc, card, at(EDDIE, 10_000));
    expect(next()).toBeNull();
    // As the board first loads, the replies made since it was last on screen.
    const opened = reader.read();
    expect(colleagueNotice({}, opened, lea, 7_500)).toEqual({
      kind: 'many',
      text: 'While you were away, you were answered in 2 replies',
    });
    expect(colleagueNotice({}, opened, lea, 9_000)).toBeNull();
  });

  it('as the board first loads, tells only the mentions made since it was last on screen', () => {
    const doc = new Y.Doc();
    const at = (now: number) => ({ actor: EDDIE, now: () => now });
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, at(1_000));
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, at(1_000));
    addComment(doc, a, { text: '@Lea Park seen before you left' }, at(2_000));
    const opened = createBoardReader(doc).read();
    expect(colleagueNotice({}, opened, lea, 5_000)).toBeNull();
    // Never seen here: every mention waiting for an answer is news.
    expect(colleagueNotice({}, opened, lea, -Infinity)?.text).toBe(
      'While you were away, Eddie Stone mentioned you on “Rents rose 30% in 2024”',
    );

    addComment(doc, b, { text: '@Lea Park while you were out' }, at(6_000));
    const later = createBoardReader(doc).read();
    expect(colleagueNotice({}, later, lea, 5_000)).toEqual({
      kind: 'one',
      text: 'While you were away, Eddie Stone mentioned you on “Crime fell 10%”',
      cardId: b,
    });
    addComment(doc, a, { text: 'and @Lea Park again' }, at(7_000));
    expect(colleagueNotice({}, createBoardReader(doc).read(), lea, 5_000)?.text).toBe(
      'While you were away, you were mentioned in 2 comments',
    );
  });

  it('tells a card given to the reader by a colleague, not one they took or one given to another', () => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, { actor: EDDIE });
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, { actor: EDDIE });
    const c = addClaim(doc, { claim: 'Turnout was 61%' }, { actor: EDDIE });
    let before = reader.read();
    const next = () => {
      const now = reader.read();
      const notice = colleagueNotice(before.cards, now, lea);
      before = now;
      return notice;
    };
    assignCard(doc, a, LEA, { actor: EDDIE });
    expect(next()).toEqual({
      kind: 'one',
      text: 'Eddie Stone gave you “Rents rose 30% in 2024” to check',
      cardId: a,
    });
    // Still hers after another change: not news again.
    addComment(doc, a, { text: 'Thanks' }, { actor: EDDIE });
    expect(next()).toBeNull();
    // Taken by Lea herself, or given to someone else: nothing to tell her.
    assignCard(doc, b, LEA, { actor: LEA });
    assignCard(doc, c, EDDIE, { actor: EDDIE });
    expect(next()).toBeNull();
    // Given while the board first loads: cards carry no time of giving, so it is not told.
    expect(colleagueNotice({}, before, lea, -Infinity)).toBeNull();
    // Several at once, with a mention: counted together.
    assignCard(doc, b, null, { actor: LEA });
    expect(next()).toBeNull();
    assignCard(doc, c, LEA, { actor: EDDIE });
    addComment(doc, b, { text: '@Lea Park one more' }, { actor: EDDIE });
    assignCard(doc, b, LEA, { actor: EDDIE });
    expect(next()).toEqual({
      kind: 'many',
      text: 'You were mentioned in 1 comment and given 2 cards to check',
    });
  });

  it('tells the cards given while away by the board history, only those still the reader’s', () => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, { actor: EDDIE });
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, { actor: EDDIE });
    assignCard(doc, a, LEA, { actor: EDDIE });
    const board = reader.read();
    const event = (seq: number, cardId: string, at: number, by = EDDIE) => ({
      seq,
      cardId,
      type: 'card.assigned',
      actor: by,
      at,
      data: { assignee: LEA },
    });
    const history = [
      event(1, a, 1_000), // before she left
      event(2, a, 6_000),
      event(3, b, 7_000), // given, then taken back: b is not hers now
      event(4, a, 8_000, LEA), // her own taking is no news
    ];
    const given = givenWhileAway(history, board, LEA.id, 5_000);
    expect(given.map((g) => [g.card.id, g.by])).toEqual([[a, 'Eddie Stone']]);
    expect(colleagueNotice({}, board, lea, 5_000, given)).toEqual({
      kind: 'one',
      text: 'While you were away, Eddie Stone gave you “Rents rose 30% in 2024” to check',
      cardId: a,
    });
    expect(givenWhileAway(history, board, LEA.id, 9_000)).toEqual([]);
  });
});

describe('colleagueNotice: a colleague’s change to a card the reader is checking', () => {
  const setup = () => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    let clock = 1_000;
    const by = (actor: typeof LEA) => ({ actor, now: () => (clock += 1_000) });
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, by(EDDIE));
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, by(EDDIE));
    assignCard(doc, a, LEA, by(LEA));
    assignCard(doc, b, LEA, by(LEA));
    let before = reader.read();
    const next = (as: NoticeReader = lea) => {
      const now = reader.read();
      const notice = colleagueNotice(before.cards, now, as);
      before = now;
      return notice;
    };
    return { doc, a, b, by, next };
  };

  it('tells a move, with the verdict it brought, and a verdict set or cleared', () => {
    const { doc, a, by, next } = setup();
    moveCard(doc, a, { column: 'disputed', index: 0, verdict: 'False' }, by(EDDIE));
    expect(next()).toEqual({
      kind: 'one',
      text: 'Eddie Stone moved “Rents rose 30% in 2024”, which you are checking, to Disputed and set the verdict to False',
      cardId: a,
    });
    setVerdict(doc, a, 'Misleading', undefined, by(EDDIE));
    expect(next()?.text).toBe(
      'Eddie Stone set the verdict of “Rents rose 30% in 2024”, which you are checking, to Misleading',
    );
    // Moved where the verdict does not belong: it is cleared, and that is said.
    moveCard(doc, a, { column: 'corroborated', index: 0 }, by(EDDIE));
    expect(next()?.text).toBe(
      'Eddie Stone moved “Rents rose 30% in 2024”, which you are checking, to Corroborated and cleared the verdict',
    );
    setVerdict(doc, a, 'True', undefined, by(EDDIE));
    next();
    setVerdict(doc, a, null, undefined, by(EDDIE));
    expect(next()?.text).toBe(
      'Eddie Stone cleared the verdict of “Rents rose 30% in 2024”, which you are checking',
    );
    // Her own changes, and a colleague's edit of the claim's words, are no news.
    moveCard(doc, a, { column: 'disputed', index: 0 }, by(LEA));
    setVerdict(doc, a, 'False', undefined, by(LEA));
    expect(next()).toBeNull();
    editCard(doc, a, { claim: 'Rents rose 31% in 2024' }, by(EDDIE));
    expect(next()).toBeNull();
  });

  it('tells the card taken over, given to another or released, and nothing once it is not hers', () => {
    const { doc, a, b, by, next } = setup();
    assignCard(doc, a, EDDIE, by(EDDIE));
    expect(next()?.text).toBe(
      'Eddie Stone is now checking “Rents rose 30% in 2024”, which you were checking',
    );
    assignCard(doc, b, { id: 'bo', name: 'Bo Li' }, by(EDDIE));
    expect(next()?.text).toBe(
      'Eddie Stone gave “Crime fell 10%”, which you were checking, to Bo Li',
    );
    // No longer hers: a move of either is someone else's news.
    moveCard(doc, a, { column: 'disputed', index: 0 }, by(EDDIE));
    expect(next()).toBeNull();
    assignCard(doc, b, LEA, by(LEA));
    next();
    assignCard(doc, b, null, by(EDDIE));
    expect(next()?.text).toBe('Eddie Stone released “Crime fell 10%”, which you were checking');
  });

  it('counts several with what else was asked, and leaves out what the reader hears another way', () => {
    const { doc, a, b, by, next } = setup();
    moveCard(doc, a, { column: 'disputed', index: 0 }, by(EDDIE));
    setVerdict(doc, b, 'Unproven', undefined, by(EDDIE));
    expect(next()).toEqual({ kind: 'many', text: 'Colleagues changed 2 cards you were checking' });
    moveCard(doc, a, { column: 'unverified', index: 0 }, by(EDDIE));
    addComment(doc, b, { text: '@Lea Park where is this from?' }, by(EDDIE));
    expect(next()).toEqual({
      kind: 'many',
      text: 'You were mentioned in 1 comment, and colleagues changed 1 card you were checking',
    });
    // Her open card's dialog tells its own news; a move of the card in focus is said as focus
    // follows it. A verdict on the focused card is still told.
    const following = (id: string, change: FollowedChange) =>
      id === b || (id === a && change === 'moved');
    moveCard(doc, b, { column: 'disputed', index: 0 }, by(EDDIE));
    moveCard(doc, a, { column: 'disputed', index: 0 }, by(EDDIE));
    expect(next({ ...lea, following })).toBeNull();
    setVerdict(doc, a, 'False', undefined, by(EDDIE));
    expect(next({ ...lea, following })?.text).toBe(
      'Eddie Stone set the verdict of “Rents rose 30% in 2024”, which you are checking, to False',
    );
  });

  it('tells a colleague’s move of 20 cards she is checking at once as one notice naming them', () => {
    const { doc, a, b, by, next } = setup();
    const more = Array.from({ length: 18 }, (_, i) =>
      addClaim(doc, { claim: `Claim ${i}` }, by(EDDIE)),
    );
    assignCards(doc, more, LEA, by(LEA));
    next();
    moveCards(doc, [a, b, ...more], 'disputed', by(EDDIE));
    expect(next()).toEqual({
      kind: 'many',
      text: 'Eddie Stone moved 20 cards you are checking to Disputed',
    });
    // Moves by two colleagues, or to two columns, are colleagues' changes.
    moveCard(doc, a, { column: 'corroborated', index: 0 }, by(EDDIE));
    moveCard(doc, b, { column: 'unverified', index: 0 }, by(EDDIE));
    expect(next()?.text).toBe('Colleagues changed 2 cards you were checking');
  });

  it('says nothing of a colleague’s Undo, which writes an earlier writer and time back', () => {
    const { doc, a, next } = setup();
    // What an Undo of Lea's assignment by a colleague leaves: the card's earlier writer and time.
    moveCard(doc, a, { column: 'disputed', index: 0 }, { actor: EDDIE, now: () => 500 });
    expect(next()).toBeNull();
  });
});

describe('colleagueNotice: a card the reader is checking deleted by a colleague', () => {
  const setup = () => {
    const doc = new Y.Doc();
    const reader = createBoardReader(doc);
    const a = addClaim(doc, { claim: 'Rents rose 30% in 2024' }, { actor: EDDIE });
    const b = addClaim(doc, { claim: 'Crime fell 10%' }, { actor: EDDIE });
    const c = addClaim(doc, { claim: 'Turnout was 61%' }, { actor: EDDIE });
    assignCard(doc, a, LEA, { actor: LEA });
    assignCard(doc, b, LEA, { actor: LEA });
    return { doc, a, b, c, before: reader.read(), reader };
  };
  const deletion = (seq: number, cardId: string, actor = EDDIE) => ({
    seq,
    cardId,
    type: 'card.deleted',
    actor,
    at: seq * 1_000,
    data: {},
  });

  it('finds the cards she was checking that left the board, not others', () => {
    const { doc, a, b, c, before, reader } = setup();
    deleteCard(doc, a, { actor: EDDIE });
    deleteCard(doc, c, { actor: EDDIE });
    const after = reader.read();
    expect(checkedCardsGone(before.cards, after, LEA.id).map((card) => card.id)).toEqual([a]);
    // Still on the board: nothing gone.
    expect(checkedCardsGone(before.cards, before, LEA.id)).toEqual([]);
    expect(b in after.cards).toBe(true);
  });

  it('names who deleted each card by its latest deletion in the history, else nobody', () => {
    const { before, a, b } = setup();
    const cards = [before.cards[a]!, before.cards[b]!];
    const history = [deletion(1, a, LEA), deletion(2, b), deletion(3, a)];
    expect(deletedBy(history, cards).map((g) => [g.card.id, g.by?.name ?? null])).toEqual([
      [a, 'Eddie Stone'],
      [b, 'Eddie Stone'],
    ]);
    // Not (yet) in the history read, or that read failed: no name is guessed.
    expect(deletedBy([], cards).map((g) => g.by)).toEqual([null, null]);
  });

  it('tells one deletion with the deleter’s name, or without one when it is not known', () => {
    const { before, a } = setup();
    const card = before.cards[a]!;
    expect(deletionNotice([{ card, by: EDDIE }], lea)).toEqual({
      kind: 'deleted',
      text: 'Eddie Stone deleted “Rents rose 30% in 2024”, which you were checking',
      cardId: a,
    });
    expect(deletionNotice([{ card, by: null }], lea)?.text).toBe(
      '“Rents rose 30% in 2024”, which you were checking, was deleted',
    );
    // A colleague's Undo of adding the card deletes it, and the history says so in their name:
    // the same words are true of it.
  });

  it('says nothing of her own deletion, in this tab or another', () => {
    const { before, a, b } = setup();
    const mine = [{ card: before.cards[a]!, by: LEA }];
    expect(deletionNotice(mine, lea)).toBeNull();
    expect(deletionNotice([...mine, { card: before.cards[b]!, by: EDDIE }], lea)?.text).toBe(
      'Eddie Stone deleted “Crime fell 10%”, which you were checking',
    );
  });

  it('gives several deleted at once one notice, and tells who may restore where', () => {
    const { before, a, b } = setup();
    const both = (byB: typeof EDDIE | null) => [
      { card: before.cards[a]!, by: EDDIE },
      { card: before.cards[b]!, by: byB },
    ];
    expect(deletionNotice(both(EDDIE), lea)).toEqual({
      kind: 'deleted',
      text: 'Eddie Stone deleted 2 cards you were checking',
      cardId: null,
    });
    expect(deletionNotice(both(null), lea)?.text).toBe('2 cards you were checking were deleted');
    expect(deletionNotice(both(EDDIE), { ...lea, canRestore: true })?.text).toBe(
      'Eddie Stone deleted 2 cards you were checking. They can be restored from their entries in Activity.',
    );
    expect(deletionNotice([], lea)).toBeNull();
  });

  it('tells deletions made while she was away as such, one named, several counted', () => {
    const { before, a, b } = setup();
    const one = [{ card: before.cards[a]!, by: EDDIE }];
    expect(deletionNotice(one, lea, true)).toEqual({
      kind: 'deleted',
      text: 'While you were away, Eddie Stone deleted “Rents rose 30% in 2024”, which you were checking',
      cardId: a,
    });
    const both = [...one, { card: before.cards[b]!, by: EDDIE }];
    expect(deletionNotice(both, { ...lea, canRestore: true }, true)?.text).toBe(
      'While you were away, Eddie Stone deleted 2 cards you were checking. They can be restored from their entries in Activity.',
    );
    expect(
      deletionNotice([...both.slice(1), { card: before.cards[a]!, by: LEA }], lea, true),
    ).toEqual({
      kind: 'deleted',
      text: 'While you were away, Eddie Stone deleted “Crime fell 10%”, which you were checking',
      cardId: b,
    });
  });

  it('finds, in the history, the cards colleagues deleted while she was away that were hers then', () => {
    const { doc, a, b, c, before, reader } = setup();
    const d = addClaim(doc, { claim: 'Exports fell' }, { actor: EDDIE });
    for (const id of [a, b, c, d]) deleteCard(doc, id, { actor: EDDIE });
    const now = reader.read();
    const assigned = (seq: number, cardId: string, to: typeof LEA | null) => ({
      ...deletion(seq, cardId),
      type: 'card.assigned',
      data: { assignee: to },
    });
    const claimed = (seq: number, cardId: string, claim: string, actor = EDDIE) => ({
      ...deletion(seq, cardId, actor),
      data: { claim },
    });
    const history = [
      claimed(1, d, 'Exports fell'), // before she left
      assigned(6, c, LEA), // given to her while away, then deleted: hers at its deletion
      assigned(7, b, EDDIE), // hers on this device, given away before its deletion
      claimed(8, a, 'Rents rose 30% in 2024'), // hers on this device, given long ago
      claimed(9, b, 'Crime fell 10%'),
      claimed(10, c, 'Turnout was 61%'),
    ];
    const gone = deletedWhileAway(history, now, before.cards, LEA.id, 5_000);
    expect(gone.map((g) => [g.card.claim, g.by?.name])).toEqual([
      ['Rents rose 30% in 2024', 'Eddie Stone'],
      ['Turnout was 61%', 'Eddie Stone'],
    ]);
    // A device that never showed the board knows only what the history read says.
    expect(deletedWhileAway(history, now, {}, LEA.id, 5_000).map((g) => g.card.id)).toEqual([c]);
    // Unless the deletion names who was checking the card (recorded since 5 December 2026): a
    // page whose copy of the board loads after the server's sync still tells it.
    const named = [
      {
        ...claimed(8, a, 'Rents rose 30% in 2024'),
        data: { claim: 'Rents rose 30% in 2024', assignee: LEA },
      },
    ];
    expect(deletedWhileAway(named, now, {}, LEA.id, 5_000).map((g) => g.card.id)).toEqual([a]);
    // It says who had the card then, over what this device remembers.
    const given = [{ ...named[0]!, data: { claim: 'x', assignee: EDDIE } }];
    expect(deletedWhileAway(given, now, before.cards, LEA.id, 5_000)).toEqual([]);
    // Back on the board since: not gone.
    expect(deletedWhileAway(history, before, before.cards, LEA.id, 5_000)).toEqual([]);
    // Her own deletion is found with her name, for deletionNotice to leave out.
    const own = deletedWhileAway([claimed(8, a, 'x', LEA)], now, before.cards, LEA.id, 5_000);
    expect(own.map((g) => g.by)).toEqual([LEA]);
  });

  it('tells a card back after its deletion as restored, not as given to her', () => {
    const { doc, a, b, before, reader } = setup();
    const was = [before.cards[a]!, before.cards[b]!];
    deleteCard(doc, a, { actor: EDDIE });
    deleteCard(doc, b, { actor: EDDIE });
    const gone = reader.read();
    const later = () => Date.now() + 60_000;
    restoreCard(doc, was[0]!, { actor: EDDIE, now: later });
    const back = reader.read();
    expect(returnNotice(was, back, lea)).toEqual({
      kind: 'one',
      text: 'Eddie Stone restored “Rents rose 30% in 2024”, which you are checking',
      cardId: a,
    });
    // Read as news of the board alone, it would have been a card given to her.
    expect(colleagueNotice(gone.cards, back, lea)?.text).toBe(
      'Eddie Stone gave you “Rents rose 30% in 2024” to check',
    );
    // An Undo of the deletion writes the card's earlier writer and time back: no name.
    restoreCard(doc, was[1]!, { actor: EDDIE, now: () => 1 });
    const both = reader.read();
    expect(returnNotice([was[1]!], both, lea)?.text).toBe(
      '“Crime fell 10%”, which you are checking, is back',
    );
    expect(returnNotice(was, both, lea)).toEqual({
      kind: 'many',
      text: '2 cards you are checking are back',
    });
    // One whose dialog she has open, a card not the reader's, or her own restore: no news.
    expect(returnNotice(was, both, { ...lea, following: () => true })).toBeNull();
    expect(returnNotice(was, both, { ...lea, meId: EDDIE.id })).toBeNull();
    deleteCard(doc, a, { actor: EDDIE });
    restoreCard(doc, was[0]!, { actor: LEA, now: later });
    expect(returnNotice([was[0]!], reader.read(), lea)).toBeNull();
  });
});

describe('noticesTogether', () => {
  const mention = { kind: 'one', text: 'Bo mentioned you on “A”', cardId: 'a' } as const;
  const deletion = { kind: 'deleted', text: 'Lea deleted “B”', cardId: 'b' } as const;
  it('says both in one notice, keeping the later one’s way on (its restore)', () => {
    expect(noticesTogether(mention, deletion)).toEqual({
      kind: 'deleted',
      text: 'Bo mentioned you on “A”. Lea deleted “B”',
      cardId: 'b',
    });
  });
  it('is either one alone when the other is missing, and nothing when both are', () => {
    expect(noticesTogether(mention, null)).toBe(mention);
    expect(noticesTogether(null, deletion)).toBe(deletion);
    expect(noticesTogether(null, null)).toBeNull();
  });
});
