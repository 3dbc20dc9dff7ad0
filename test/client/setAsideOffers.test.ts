// What "Not saved" offers for a refused comment (QA5 F2, F5): Post again only onto a card on the
// board, Edit again only on the person's own comment still there; otherwise why, in words.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, addComment, initBoard, readBoard } from '../../shared/board';
import { setAsideOffers } from '../../client/board/setAsideOffers';
import type { UnsavedChange } from '../../client/sync/unsavedWork';

let tick = 1_700_000_000_000;
const eddie = { actor: { id: 'inv-eddie', name: 'Eddie' }, now: () => ++tick };
const lea = { actor: { id: 'inv-lea', name: 'Lea' }, now: () => ++tick };

function server() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Budget' }, lea);
  const cardId = addClaim(doc, { claim: 'Rents doubled' }, lea);
  const mine = addComment(doc, cardId, { text: 'Ask the council.' }, eddie);
  const hers = addComment(doc, cardId, { text: 'Page 12.' }, lea);
  return { board: readBoard(doc), cardId, mine, hers };
}

const comment = (key: string, cardId: string): UnsavedChange => ({
  key,
  what: 'Comment on “…”',
  text: 'Look again.',
  comment: { cardId, parentId: null },
});
const edit = (key: string, commentId: string, text = 'Ask the council for p. 12.') => ({
  key,
  what: 'Edited your comment on “…”',
  text,
  edit: { commentId },
});

describe('setAsideOffers', () => {
  it('offers Post again onto a card on the board, and says why not onto one that is gone', () => {
    const { board, cardId } = server();
    const changes: UnsavedChange[] = [
      comment('a', cardId),
      { key: 'card:ew9kpnck6dj802eq', what: 'Added a claim', text: 'Bus fares fell' },
      comment('b', 'ew9kpnck6dj802eq'),
      comment('c', 'deletedcard00000'),
    ];
    expect(Object.fromEntries(setAsideOffers(changes, board, 'inv-eddie', 'reviewer'))).toEqual({
      a: { kind: 'post' },
      b: { kind: 'note', note: 'Its card was not saved either, so it cannot be posted again.' },
      c: {
        kind: 'note',
        note: 'Its card is no longer on the board, so it cannot be posted again.',
      },
    });
  });

  it('offers Edit again on the person’s own comment still on the board, with other text', () => {
    const { board, mine, hers } = server();
    const changes = [
      edit('a', mine),
      edit('b', mine, 'Ask the council.'),
      edit('c', hers),
      edit('d', 'gonecomment00000'),
    ];
    expect(Object.fromEntries(setAsideOffers(changes, board, 'inv-eddie', 'reviewer'))).toEqual({
      a: { kind: 'edit' },
      d: { kind: 'note', note: 'That comment is no longer on the board.' },
    });
  });

  it('offers nothing to a viewer', () => {
    const { board, cardId, mine } = server();
    const changes = [comment('a', cardId), edit('b', mine)];
    expect(setAsideOffers(changes, board, 'inv-eddie', 'viewer').size).toBe(0);
  });
});
