import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../../../shared/board/ratingScale';
import type { BoardView, CardView } from '../../../shared/board/view';
import {
  moveWithVerdict,
  setPromptBoard,
  verdictRequests,
} from '../../../client/review/moveVerdict';

const board = (cards: Record<string, Partial<CardView>>): BoardView =>
  ({
    meta: { ratingScale: DEFAULT_RATING_SCALE },
    cards: Object.fromEntries(
      Object.entries(cards).map(([id, c]) => [id, { id, claim: `claim ${id}`, ...c }]),
    ),
  }) as unknown as BoardView;

const BOARD = board({
  unproven: { verdict: 'Unproven', column: 'unverified' },
  none: { verdict: null, column: 'unverified' },
});

function recorder() {
  const calls: unknown[] = [];
  return {
    calls,
    move: (verdict?: string | null) => calls.push(['move', verdict]),
    cancel: () => calls.push(['cancel']),
  };
}

describe('moveWithVerdict (a move whose verdict does not fit asks for a label)', () => {
  afterEach(() => setPromptBoard(null));

  it('moves at once when the verdict fits, the card has none, or no prompt is mounted', () => {
    const r = recorder();
    setPromptBoard(BOARD);
    moveWithVerdict('unproven', 'unverified', r.move);
    moveWithVerdict('none', 'disputed', r.move);
    setPromptBoard(null);
    moveWithVerdict('unproven', 'disputed', r.move);
    expect(r.calls).toEqual([
      ['move', undefined],
      ['move', undefined],
      ['move', undefined],
    ]);
    expect(verdictRequests.get()).toBeNull();
  });

  // The prompt lists the column's labels from the board as it is then (MoveVerdictPrompt:
  // ratingScale e2e), not as the request found them.
  it('asks about the target column, then moves with the chosen label', () => {
    const r = recorder();
    setPromptBoard(BOARD);
    let notified = 0;
    const off = verdictRequests.subscribe(() => notified++);
    moveWithVerdict('unproven', 'corroborated', r.move, r.cancel);
    const request = verdictRequests.get();
    expect(r.calls).toEqual([]);
    expect(request).toMatchObject({
      cardId: 'unproven',
      claim: 'claim unproven',
      verdict: 'Unproven',
      column: 'corroborated',
    });
    request?.choose('True');
    request?.choose('Mostly true'); // a second answer to the same question is ignored
    expect(r.calls).toEqual([['move', 'True']]);
    expect(verdictRequests.get()).toBeNull();
    expect(notified).toBe(2);
    off();
  });

  it('cancels: on request, when a newer move asks, and when the prompt goes away', () => {
    const r = recorder();
    setPromptBoard(BOARD);
    moveWithVerdict('unproven', 'disputed', r.move, r.cancel);
    verdictRequests.get()?.cancel();
    moveWithVerdict('unproven', 'disputed', r.move, r.cancel);
    moveWithVerdict('unproven', 'corroborated', r.move, r.cancel);
    expect(verdictRequests.get()?.column).toBe('corroborated');
    setPromptBoard(null);
    expect(r.calls).toEqual([['cancel'], ['cancel'], ['cancel']]);
    expect(verdictRequests.get()).toBeNull();
  });
});
