/**
 * The filter menus' speakers and assignees and the For me count, kept from one board to the
 * next with the cards the reader says changed (keepOptions, keepCount, told by
 * BoardConnection.changedCards), on a real Y.Doc behind a BoardConnection, a colleague's
 * changes arriving as remote updates: an option comes with its first card and goes with its
 * last, and the count follows, as a recount of the whole board says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClaim,
  assignCard,
  deleteCard,
  editCard,
  readBoard,
  restoreCard,
} from '../../shared/board';
import type { CardView } from '../../shared/board';
import { countCards, keepCount, type KeptCount } from '../../client/board/filterCards';
import { filterOptions, keepOptions, type KeptOptions } from '../../client/board/filterOptions';
import type { BoardConnection } from '../../client/sync/BoardConnection';
import { offlineConnection } from '../helpers/offlineConnection';

const ana = { actor: { id: 'ana', name: 'Ana' } };
const open: BoardConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
});

/** Our page's connection, and a colleague whose changes reach it as remote updates. */
function board() {
  const ours = new Y.Doc();
  const connection = offlineConnection({
    role: 'editor',
    actor: { id: 'eddie', name: 'Eddie' },
    doc: ours,
  });
  open.push(connection);
  const theirs = new Y.Doc();
  const push = () =>
    Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(ours)), 'remote');
  // As the board page keeps them, from the snapshot's board after each change.
  let kept: KeptOptions | null = null;
  /** The kept options, checked against a recount of the snapshot's board. */
  const options = () => {
    const { board } = connection.getSnapshot();
    kept = keepOptions(kept, board, connection.changedCards);
    expect(kept.index.options()).toEqual(filterOptions(board));
    return kept.index.options();
  };
  return { connection, theirs, push, options };
}

describe('filter options kept as the board changes', () => {
  it('come with their first card and go with their last, as a recount says', () => {
    const { connection, theirs, push, options } = board();
    const a = addClaim(theirs, { claim: 'Unemployment fell', speaker: 'The minister' }, ana);
    const b = addClaim(theirs, { claim: 'Crime rose', speaker: 'The mayor' }, ana);
    const c = addClaim(theirs, { claim: 'Exports doubled', speaker: 'The mayor' }, ana);
    assignCard(theirs, c, { id: 'bo', name: 'Bo' }, ana);
    push();
    expect(options()).toEqual({
      speakers: ['The mayor', 'The minister'],
      assignees: [{ id: 'bo', name: 'Bo' }],
    });

    // A change that brings or takes no option leaves the menus' very object.
    const before = options();
    editCard(theirs, a, { claim: 'Unemployment fell to 3.9%' }, ana);
    push();
    expect(options()).toBe(before);

    // The minister's only card now has another speaker: the minister goes, the governor comes.
    editCard(theirs, a, { speaker: 'The governor' }, ana);
    push();
    expect(options().speakers).toEqual(['The governor', 'The mayor']);

    // The mayor has a card left after one goes; none after the last.
    deleteCard(theirs, b, ana);
    push();
    expect(options().speakers).toEqual(['The governor', 'The mayor']);
    const last = connection.getSnapshot().board.cards[c];
    deleteCard(theirs, c, ana);
    push();
    expect(options()).toEqual({ speakers: ['The governor'], assignees: [] });

    // Restored, the card brings its speaker and assignee back.
    restoreCard(theirs, last!, ana);
    push();
    expect(options()).toEqual({
      speakers: ['The governor', 'The mayor'],
      assignees: [{ id: 'bo', name: 'Bo' }],
    });

    // Released and taken by another, the card changes the assignee offered.
    assignCard(theirs, c, { id: 'cy', name: 'Cy' }, ana);
    push();
    expect(options().assignees).toEqual([{ id: 'cy', name: 'Cy' }]);
    expect(readBoard(theirs).cards[c]?.assignee?.id).toBe('cy');
  });

  it('offer an assignee by the name most of their cards give them', () => {
    const { theirs, push, options } = board();
    const ids = ['One', 'Two', 'Three'].map((claim) => addClaim(theirs, { claim }, ana));
    for (const id of ids) assignCard(theirs, id, { id: 'bo', name: 'Bo' }, ana);
    push();
    expect(options().assignees).toEqual([{ id: 'bo', name: 'Bo' }]);
    // Bo renamed themselves and took two of the cards again.
    assignCard(theirs, ids[0]!, { id: 'bo', name: 'Bo Lind' }, ana);
    push();
    expect(options().assignees).toEqual([{ id: 'bo', name: 'Bo' }]);
    assignCard(theirs, ids[1]!, { id: 'bo', name: 'Bo Lind' }, ana);
    push();
    expect(options().assignees).toEqual([{ id: 'bo', name: 'Bo Lind' }]);
  });

  it('count the cards for me as they change, as a recount says', () => {
    const { connection, theirs, push } = board();
    const forMe = (card: CardView) => card.assignee?.id === 'eddie';
    const eddie = { id: 'eddie', name: 'Eddie' };
    let kept: KeptCount | null = null;
    const count = () => {
      const { board: view } = connection.getSnapshot();
      kept = keepCount(kept, view, forMe, connection.changedCards);
      expect(kept.count).toBe(countCards(view, forMe));
      return kept.count;
    };
    const ids = ['One', 'Two', 'Three'].map((claim) => addClaim(theirs, { claim }, ana));
    push();
    expect(count()).toBe(0);
    assignCard(theirs, ids[0]!, eddie, ana);
    assignCard(theirs, ids[1]!, eddie, ana);
    push();
    expect(count()).toBe(2);
    const taken = connection.getSnapshot().board.cards[ids[1]!];
    deleteCard(theirs, ids[1]!, ana);
    push();
    expect(count()).toBe(1);
    restoreCard(theirs, taken!, ana);
    push();
    expect(count()).toBe(2);
    assignCard(theirs, ids[0]!, { id: 'bo', name: 'Bo' }, ana);
    editCard(theirs, ids[2]!, { claim: 'Three, edited' }, ana);
    push();
    expect(count()).toBe(1);
  });
});

describe("the reader's changedCards", () => {
  it('names the cards changed between two boards, several reads apart, or says it cannot', () => {
    const { connection, theirs, push } = board();
    const a = addClaim(theirs, { claim: 'One' }, ana);
    const b = addClaim(theirs, { claim: 'Two' }, ana);
    push();
    const first = connection.getSnapshot().board;
    editCard(theirs, a, { claim: 'One, edited' }, ana);
    push();
    const second = connection.getSnapshot().board;
    deleteCard(theirs, b, ana);
    push();
    const third = connection.getSnapshot().board;
    expect(connection.changedCards(first, second)).toEqual(new Set([a]));
    expect(connection.changedCards(first, third)).toEqual(new Set([a, b]));
    expect(connection.changedCards(third, third)).toEqual(new Set());
    // Backwards, or a board this connection never gave: whoever asked counts every card.
    expect(connection.changedCards(third, first)).toBeNull();
    expect(connection.changedCards(readBoard(theirs), third)).toBeNull();
  });

  it('says it cannot for boards further apart than the reads it remembers', () => {
    const { connection, theirs, push } = board();
    const a = addClaim(theirs, { claim: 'One' }, ana);
    push();
    const first = connection.getSnapshot().board;
    let last = first;
    for (let i = 0; i < 70; i++) {
      editCard(theirs, a, { claim: `One, edit ${i}` }, ana);
      push();
      last = connection.getSnapshot().board;
    }
    expect(connection.changedCards(first, last)).toBeNull();
    let kept = keepOptions(null, first, connection.changedCards);
    kept = keepOptions(kept, last, connection.changedCards);
    expect(kept.index.options()).toEqual(filterOptions(last));
  });
});
