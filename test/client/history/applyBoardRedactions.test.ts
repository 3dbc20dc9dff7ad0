/**
 * A comment a lead redacted loses its words in the history shown from the moment the board
 * marks it redacted, before the feed reads the comment.redacted event from the server.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addClaim, addComment, initBoard, readBoard, redactComment } from '../../../shared/board';
import { applyBoardRedactions } from '../../../client/history/applyRedactions';
import type { HistoryEvent } from '../../../client/history/historyEvent';
import { redactedComments } from '../../../client/history/redactedComments';

const now = () => 500;
const alice = { actor: { id: 'inv-a', name: 'Alice' }, now };
const lena = { actor: { id: 'inv-l', name: 'Lena' }, now: () => 1_000 };

const event = (seq: number, type: string, data: Record<string, unknown>): HistoryEvent => ({
  seq,
  cardId: 'card',
  type,
  actor: alice.actor,
  at: seq,
  data,
});

describe('applyBoardRedactions', () => {
  it('empties the words of the comments the board marks redacted, and only theirs', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Bridge' }, alice);
    const card = addClaim(doc, { claim: 'The bridge cost twice its budget' }, alice);
    const secret = addComment(doc, card, { text: 'Source: Ana, 555-0142' }, alice);
    const kept = addComment(doc, card, { text: 'Will call back' }, alice);
    const held = [
      event(1, 'comment.posted', { commentId: secret, parentId: null, text: 'Source: Ana' }),
      event(2, 'comment.edited', {
        commentId: secret,
        was: 'Source: Ana',
        text: 'Source: Ana, 555-0142',
      }),
      event(3, 'comment.posted', { commentId: kept, parentId: null, text: 'Will call back' }),
      event(4, 'card.moved', { from: 'inbox', to: 'research' }),
    ];
    // Nothing redacted: the events held come back as they are.
    expect(applyBoardRedactions(held, redactedComments(readBoard(doc), null))).toBe(held);

    redactComment(doc, secret, lena);
    const shown = applyBoardRedactions(held, redactedComments(readBoard(doc), null));
    const mark = { by: lena.actor, at: 1_000 };
    expect(shown.map((e) => e.data)).toEqual([
      { commentId: secret, parentId: null, text: '', redacted: mark },
      { commentId: secret, was: '', text: '', redacted: mark },
      held[2]!.data,
      held[3]!.data,
    ]);
    expect(shown[2]).toBe(held[2]);
    // A card's history looks at that card's comments only.
    const other = addClaim(doc, { claim: 'The ferry fares doubled' }, alice);
    expect([...redactedComments(readBoard(doc), card).keys()]).toEqual([secret]);
    expect(redactedComments(readBoard(doc), other).size).toBe(0);
    // Once the feed holds them redacted (read from the server), nothing is mapped again.
    expect(applyBoardRedactions(shown, redactedComments(readBoard(doc), null))).toBe(shown);
  });
});
