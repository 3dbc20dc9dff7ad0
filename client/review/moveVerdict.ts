/**
 * Moving a card to a column whose labels do not include its verdict asks for a new label
 * first (issue 4). Every move path (keyboard, mouse, "Move to…") calls `moveWithVerdict`; when
 * the verdict fits, or no prompt is mounted to ask, the move runs at once and the model clears
 * a verdict that does not fit. Otherwise the request waits here until the prompt
 * (MoveVerdictPrompt) chooses a label or cancels. The mounted prompt also lends the board it
 * renders with, so card rows need no board of their own to ask.
 */
import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { verdictFitsColumn } from '../../shared/board/ratingScale';
import type { ColumnId } from '../../shared/board/schema';
import type { BoardView } from '../../shared/board/view';

export interface VerdictRequest {
  readonly cardId: string;
  readonly claim: string;
  /** The card's verdict, which does not belong in the target column. */
  readonly verdict: string;
  readonly column: ColumnId;
  choose(verdict: string | null): void;
  cancel(): void;
}

let pending: VerdictRequest | null = null;
/** The board the mounted prompt renders with; null when no prompt is mounted. */
let promptBoard: BoardView | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/**
 * Runs `move` now, with no verdict change, when the card's verdict fits `column`; otherwise
 * asks for a label and runs `move(label)` (null: no verdict), or `onCancel` if the person
 * cancels.
 */
export function moveWithVerdict(
  cardId: string,
  column: ColumnId,
  move: (verdict?: string | null) => void,
  onCancel: () => void = () => undefined,
): void {
  const card = promptBoard?.cards[cardId];
  const scale = promptBoard?.meta.ratingScale;
  if (!card || !scale || card.verdict === null || verdictFitsColumn(scale, card.verdict, column)) {
    move();
    return;
  }
  // One question at a time: a new move replaces a prompt left open.
  pending?.cancel();
  const settle = (then: () => void) => {
    if (pending !== request) return;
    pending = null;
    emit();
    then();
  };
  const request: VerdictRequest = {
    cardId,
    claim: card.claim,
    verdict: card.verdict,
    column,
    choose: (verdict) => settle(() => move(verdict)),
    cancel: () => settle(onCancel),
  };
  pending = request;
  emit();
}

/** Turns asking on (board: what the prompt renders with) or off (null). */
export function setPromptBoard(board: BoardView | null): void {
  promptBoard = board;
  if (board === null) pending?.cancel();
}

/** The waiting request, as an external store. */
export const verdictRequests = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): VerdictRequest | null => pending,
};

/** The request to show, for the one prompt component; mounting it turns asking on. */
export function useVerdictRequest(board: BoardView): VerdictRequest | null {
  useLayoutEffect(() => setPromptBoard(board), [board]);
  useEffect(() => () => setPromptBoard(null), []);
  return useSyncExternalStore(verdictRequests.subscribe, verdictRequests.get);
}
