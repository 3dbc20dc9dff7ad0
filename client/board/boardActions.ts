/**
 * What a card row may ask of the board page. One stable object in context, so memoised rows
 * re-render only when their own card changes, never because the board did.
 */
import { createContext, useContext } from 'react';
import type { ColumnId, SourceSpan } from '../../shared/board';
import type { LostRights } from '../access/lostRights';
import type { BoardCommands } from '../sync/boardCommands';
import type { CardStep } from './cardBeside';
import type { CardSelection } from './cardSelection';
import type { ClaimEdits } from './claimEdits';
import type { KeptTyping } from './keptTyping';
import type { RefusedCardAction } from './ReadOnlyBanner';

export interface BoardActions {
  readonly commands: BoardCommands;
  readonly canEdit: boolean;
  readonly canComment: boolean;
  /** Whether this member may redact a comment's text for good (a lead). */
  readonly canRedactComments: boolean;
  /**
   * Why this page may not save what a right it no longer has would write (revoked, or a lower
   * role): said by each form kept read-only. Read only once a right has gone.
   */
  readonly lostRights: LostRights;
  /** The claims being edited in place, by card id. */
  readonly claimEdits: ClaimEdits;
  /** Text typed here and not saved, kept on this device for when the board shows again. */
  readonly keptTyping: KeptTyping;
  /** The cards selected to act on at once (SelectionBar); empty for those who may not edit. */
  readonly selection: CardSelection;
  openCard(cardId: string): void;
  pickUp(cardId: string): void;
  /**
   * Closes the card's dialog and shows its passage in the Article view, focused and
   * highlighted (the dialog has checked for unsaved text first).
   */
  showPassage(source: SourceSpan, cardId: string): void;
  /** Scrolls to a card and focuses it, in whatever column it is now. */
  focusCard(cardId: string): void;
  /** The card a step away from this one as the board shows it now (cardBeside). */
  cardBeside(cardId: string, step: CardStep): string | null;
  /** The cards a column shows now, in order: a selection's range (Shift+click) counts them. */
  shownCards(column: ColumnId): readonly string[];
  /** How many cards a column shows now, for where a card moved there lands ("2 of 3"). */
  shownIn(column: ColumnId): number;
  announce(text: string): void;
  /** Runs a command; a refusal is announced instead of thrown into React. */
  run(what: string, fn: () => void): boolean;
  /** Shows a short notice, optionally with an Undo button. */
  notify(message: string, undoable: boolean): void;
  /**
   * An editor's gesture on a card (Ctrl+click or Shift+click, X, Shift+A, Shift+arrows to
   * select; Space to move; E or F2 to edit) by one who may not act on cards: the page says
   * why, once (ReadOnlyBanner).
   */
  refuseCardAction(what: RefusedCardAction): void;
  /**
   * Whether a card's latest change was this person's own (an Undo too), not one that came from
   * the server: an Undo writes the card's previous updater back, often a colleague.
   */
  lastChangeOwn(cardId: string): boolean;
}

export const BoardActionsContext = createContext<BoardActions | null>(null);

export function useBoardActions(): BoardActions {
  const actions = useContext(BoardActionsContext);
  if (!actions) throw new Error('useBoardActions outside a board');
  return actions;
}
