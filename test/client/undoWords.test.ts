/** What an Undo or Redo says: the step, the card it changed, and where that card is now. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  addClaims,
  addComment,
  articlesMap,
  cardsMap,
  CommandOrigin,
  type BoardView,
  type CommandName,
  commentsMap,
  createBoardReader,
  deleteCard,
  deleteCards,
  deleteComment,
  metaMap,
  moveCard,
  moveCards,
  setVerdict,
} from '../../shared/board';
import { undoAnnouncement } from '../../client/board/undoWords';

const ctx = { actor: { id: 'ana', name: 'Ana' } };

/** A board, its reader (which keeps unchanged cards the same objects), and an undo manager. */
function board() {
  const doc = new Y.Doc();
  const reader = createBoardReader(doc);
  const undo = new Y.UndoManager(
    [metaMap(doc), articlesMap(doc), cardsMap(doc), commentsMap(doc)],
    { trackedOrigins: new Set([CommandOrigin]), captureTimeout: 0 },
  );
  /** The announcement of undoing (or redoing) the last step. */
  const step = (done: 'Undone' | 'Redone', command: CommandName | null) => {
    const before = reader.read();
    if (done === 'Undone') undo.undo();
    else undo.redo();
    return undoAnnouncement(done, { command, applied: true }, before, reader.read());
  };
  return { doc, reader, step };
}

describe('undoAnnouncement', () => {
  it('counts the cards of a step on a selection, and names the one card of a selection of one', () => {
    const { doc, reader, step } = board();
    const ids = addClaims(doc, [{ claim: 'One' }, { claim: 'Two' }, { claim: 'Three' }], ctx);
    reader.read();
    moveCards(doc, ids, 'disputed', ctx);
    expect(step('Undone', 'moveCards')).toBe('Undone: the move of 3 cards.');
    deleteCards(doc, [ids[0]!, ids[1]!], ctx);
    expect(step('Undone', 'deleteCards')).toBe('Undone: the deletion of 2 cards.');
    expect(step('Redone', 'deleteCards')).toBe('Redone: the deletion of 2 cards.');
    moveCards(doc, [ids[2]!], 'corroborated', ctx);
    expect(step('Undone', 'moveCards')).toBe(
      'Undone: the move of “Three” (back to Unverified, position 1 of 1).',
    );
  });

  it('names the moved card and where it is back, or moved to again: column and position', () => {
    const { doc, reader, step } = board();
    const id = addClaim(doc, { claim: 'Rents doubled since 2015' }, ctx);
    addClaim(doc, { claim: 'Fares rose twice in 2023' }, ctx);
    reader.read();
    moveCard(doc, id, { column: 'disputed', index: 0 }, ctx);
    expect(step('Undone', 'moveCard')).toBe(
      'Undone: the move of “Rents doubled since 2015” (back to Unverified, position 1 of 2).',
    );
    expect(step('Redone', 'moveCard')).toBe(
      'Redone: the move of “Rents doubled since 2015” (to Disputed, position 1 of 1).',
    );
  });

  it('counts positions among the cards the filter shows, and says when the filter hides the card', () => {
    const { doc, reader } = board();
    const undo = new Y.UndoManager([cardsMap(doc)], {
      trackedOrigins: new Set([CommandOrigin]),
      captureTimeout: 0,
    });
    const id = addClaim(doc, { claim: 'Rents doubled since 2015' }, ctx);
    for (const claim of ['Fares rose in 2023', 'Wages grew 4.1%', 'Rents fell in 2020']) {
      addClaim(doc, { claim }, ctx);
    }
    undo.clear();
    moveCard(doc, id, { column: 'disputed', index: 0 }, ctx);
    // The filter shows only the cards about rents: two in Unverified once the move is undone.
    const rents = (b: BoardView) => {
      const only = (ids: readonly string[]) => ids.filter((c) => /Rents/.test(b.cards[c]!.claim));
      return {
        unverified: only(b.columns.unverified),
        corroborated: [],
        disputed: only(b.columns.disputed),
      };
    };
    const before = reader.read();
    undo.undo();
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'moveCard', applied: true },
        before,
        reader.read(),
        rents,
      ),
    ).toBe('Undone: the move of “Rents doubled since 2015” (back to Unverified, position 1 of 2).');
    // A filter that shows none of the column's cards: the card is back, but not on screen.
    const none = (b: BoardView) => ({ ...rents(b), unverified: [] });
    undo.redo();
    const again = reader.read();
    undo.undo();
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'moveCard', applied: true },
        again,
        reader.read(),
        none,
      ),
    ).toBe(
      'Undone: the move of “Rents doubled since 2015” (back in Unverified, hidden by the filter).',
    );
  });

  it('says where a card moved within its column is now', () => {
    const { doc, reader, step } = board();
    const id = addClaim(doc, { claim: 'Rents doubled since 2015' }, ctx);
    addClaim(doc, { claim: 'Fares rose twice in 2023' }, ctx);
    addClaim(doc, { claim: 'Wages grew 4.1% last year' }, ctx);
    reader.read();
    moveCard(doc, id, { column: 'unverified', index: 2 }, ctx);
    expect(step('Undone', 'moveCard')).toBe(
      'Undone: the move of “Rents doubled since 2015” (back to position 1 of 3 in Unverified).',
    );
    expect(step('Redone', 'moveCard')).toBe(
      'Redone: the move of “Rents doubled since 2015” (to position 3 of 3 in Unverified).',
    );
  });

  it('says where a deleted card is back, and which card a new one was', () => {
    const { doc, step } = board();
    const id = addClaim(doc, { claim: 'Rents doubled since 2015' }, ctx);
    deleteCard(doc, id, ctx);
    expect(step('Undone', 'deleteCard')).toBe(
      'Undone: the deletion of “Rents doubled since 2015” (back in Unverified).',
    );
    expect(step('Redone', 'deleteCard')).toBe(
      'Redone: the deletion of “Rents doubled since 2015”.',
    );
    step('Undone', 'deleteCard');
    expect(step('Undone', 'addClaim')).toBe('Undone: the new card “Rents doubled since 2015”.');
  });

  it('says the verdict a card has now, and names the card of a comment, its claim clipped', () => {
    const { doc, step } = board();
    const claim =
      'The city spent 40% more on road repairs in 2024 than in any year of the previous decade';
    const id = addClaim(doc, { claim }, ctx);
    setVerdict(doc, id, 'Unproven', undefined, ctx);
    expect(step('Undone', 'setVerdict')).toBe(
      'Undone: the verdict on “The city spent 40% more on road repairs in 2024 than in any…” (now no verdict).',
    );
    expect(step('Redone', 'setVerdict')).toBe(
      'Redone: the verdict on “The city spent 40% more on road repairs in 2024 than in any…” (now Unproven).',
    );
    const comment = addComment(doc, id, { text: 'Ask the roads agency' }, ctx);
    deleteComment(doc, comment, ctx);
    expect(step('Undone', 'deleteComment')).toBe(
      'Undone: the deletion of the comment on “The city spent 40% more on road repairs in 2024 than in any…”.',
    );
  });

  it('names no card when the step changed several, and says only "Undone." without a name', () => {
    const { doc, step } = board();
    addClaims(doc, [{ claim: 'Rents doubled since 2015' }, { claim: 'Fares rose in 2023' }], ctx);
    expect(step('Undone', 'addClaim')).toBe('Undone: the new card.');
    expect(step('Redone', null)).toBe('Redone.');
  });

  it('says that a step was dropped because a lead redacted its comment', () => {
    const { reader } = board();
    const view = reader.read();
    const step = { command: 'editComment', applied: false, redacted: true } as const;
    expect(undoAnnouncement('Undone', step, view, view)).toBe(
      'Nothing undone: a lead has redacted the text of that comment for good.',
    );
  });

  it('says that a step a colleague has changed since changed nothing', () => {
    const { reader } = board();
    const view = reader.read();
    expect(undoAnnouncement('Undone', { command: 'editCard', applied: false }, view, view)).toBe(
      'Nothing undone: someone else has changed it since the card edit.',
    );
    expect(undoAnnouncement('Redone', { command: null, applied: false }, view, view)).toBe(
      'Nothing redone: someone else has changed it since your change.',
    );
  });

  it('says when the step leaves a verdict a colleague set since in a column it is no label of', () => {
    const { doc, reader, step } = board();
    const id = addClaim(doc, { claim: 'Rents doubled since 2015' }, ctx);
    moveCard(doc, id, { column: 'disputed', index: 0 }, ctx);
    // Lea, on her own copy, gives the card a Disputed label once it is there.
    const leas = new Y.Doc();
    Y.applyUpdate(leas, Y.encodeStateAsUpdate(doc));
    setVerdict(leas, id, 'False', 'The series shows a 40% rise.', {
      actor: { id: 'lea', name: 'Lea' },
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(leas));
    reader.read();
    expect(step('Undone', 'moveCard')).toBe(
      'Undone: the move of “Rents doubled since 2015” (back to Unverified, position 1 of 1).' +
        ' Its verdict “False” is not a label for Unverified: open the card and pick the verdict again.',
    );
    expect(reader.read().cards[id]).toMatchObject({ column: 'unverified', verdict: 'False' });
    // Back where the label belongs, nothing more is said.
    expect(step('Redone', 'moveCard')).toBe(
      'Redone: the move of “Rents doubled since 2015” (to Disputed, position 1 of 1).',
    );
  });

  it('says which parts of the step a colleague changed since were left as they set them', () => {
    const { doc, reader } = board();
    const ids = addClaims(doc, [{ claim: 'One' }, { claim: 'Two' }, { claim: 'Three' }], ctx);
    const before = reader.read();
    moveCards(doc, [ids[0]!, ids[1]!], 'disputed', ctx);
    const after = reader.read();
    const [one, two, three] = ids as [string, string, string];
    const kept = (cardId: string, key: string, by: string | null) => ({ cardId, key, by });
    // A bulk move: how many cards were left, and where.
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'moveCards', applied: true, kept: [kept(three, 'pos', 'Ana')] },
        after,
        before,
      ),
    ).toBe('Undone: the move of 2 cards. 1 card left where Ana moved it since.');
    expect(
      undoAnnouncement(
        'Undone',
        {
          command: 'assignCards',
          applied: true,
          kept: [kept(two, 'assignee', 'Ana'), kept(three, 'assignee', null)],
        },
        after,
        before,
      ),
    ).toBe(
      'Undone: the change of who checks 2 cards. 2 cards left as Ana and someone else changed them since.',
    );
    // One card: which of its fields, and by whom.
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'editEvidence', applied: true, kept: [kept(one, 'stance', 'Ana')] },
        before,
        before,
      ),
    ).toBe('Undone: the evidence edit. The stance Ana set since was kept.');
    expect(
      undoAnnouncement(
        'Redone',
        {
          command: 'editCard',
          applied: true,
          kept: [kept(one, 'claim', null), kept(one, 'rationale', null)],
        },
        before,
        before,
      ),
    ).toBe('Redone: the card edit. The claim and rationale someone else set since were kept.');
    // A step with nothing left to undo names who changed it, when known.
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'moveCard', applied: false, kept: [kept(one, 'pos', 'Ana')] },
        before,
        before,
      ),
    ).toBe('Nothing undone: Ana has changed it since the move.');
  });

  it('tells what this person changed since in another tab as theirs, not by their name', () => {
    const { doc, reader } = board();
    const ids = addClaims(doc, [{ claim: 'One' }, { claim: 'Two' }, { claim: 'Three' }], ctx);
    const before = reader.read();
    moveCards(doc, [ids[0]!, ids[1]!], 'disputed', ctx);
    const after = reader.read();
    const [one, two, three] = ids as [string, string, string];
    const mine = (cardId: string, key: string) => ({ cardId, key, by: 'Lea', self: true as const });
    const theirs = (cardId: string, key: string) => ({ cardId, key, by: 'Ana' });
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'moveCards', applied: true, kept: [mine(three, 'pos')] },
        after,
        before,
      ),
    ).toBe('Undone: the move of 2 cards. 1 card left where you moved it in another tab since.');
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'editEvidence', applied: true, kept: [mine(one, 'stance')] },
        before,
        before,
      ),
    ).toBe('Undone: the evidence edit. The stance you set in another tab since was kept.');
    expect(
      undoAnnouncement(
        'Undone',
        { command: 'editComment', applied: false, kept: [mine(one, 'text')] },
        before,
        before,
      ),
    ).toBe('Nothing undone: you have changed it in another tab since the comment edit.');
    // Beside a colleague and someone not known: each named, "you" with where.
    expect(
      undoAnnouncement(
        'Undone',
        {
          command: 'assignCards',
          applied: true,
          kept: [
            mine(one, 'assignee'),
            theirs(two, 'assignee'),
            { cardId: three, key: 'assignee', by: null },
          ],
        },
        after,
        before,
      ),
    ).toBe(
      'Undone: the change of who checks 2 cards. 3 cards left as Ana, you (in another tab) and someone else changed them since.',
    );
  });
  it('says whose work kept the cards an Undo would have taken off, and what it is', () => {
    const { doc, reader } = board();
    const ids = addClaims(doc, [{ claim: 'One' }, { claim: 'Two' }], ctx);
    const now = reader.read();
    const [one, two] = ids as [string, string];
    const step = (kept: { cardId: string; key: string; by: string; self?: true }[]) =>
      undoAnnouncement(
        'Undone',
        { command: 'addClaim', applied: false, workedOn: true, kept },
        now,
        now,
      );
    expect(
      step([
        { cardId: one, key: 'evidence', by: 'Lea', self: true },
        { cardId: one, key: 'comment', by: 'Lea', self: true },
        { cardId: one, key: 'comment', by: 'Lea', self: true },
      ]),
    ).toBe(
      'Nothing undone: you have worked on “One” in another tab since you added it (evidence and 2 comments). Delete it if it should go.',
    );
    expect(
      step([
        { cardId: one, key: 'verdict', by: 'Ana' },
        { cardId: two, key: 'pos', by: 'Bo' },
      ]),
    ).toBe(
      'Nothing undone: Ana and Bo have worked on 2 of the cards since you added them (the verdict and the place). Delete them if they should go.',
    );
  });
});
