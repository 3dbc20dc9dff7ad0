/**
 * The selection emptied, and said so: the bar's Clear selection, and Escape on a selected
 * card or in the bar. Returns whether there was a selection to clear (an Escape with none
 * is left to whatever else it means there).
 */
import type { BoardActions } from './boardActions';

export function clearSelection(actions: Pick<BoardActions, 'selection' | 'announce'>): boolean {
  if (actions.selection.all().size === 0) return false;
  actions.selection.clear();
  actions.announce('Selection cleared.');
  return true;
}
