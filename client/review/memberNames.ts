/**
 * The names @mentions can match and the comment box suggests: everyone the board shows as
 * having done something (card, evidence and comment authors, assignees) plus the people given
 * (the local user, who is online, and for a lead the board's invites: useMentionNames).
 */
import { SYSTEM_ACTOR } from '../../shared/board/actor';
import type { Actor } from '../../shared/board/actor';
import type { BoardView } from '../../shared/board/view';

export function memberNames(board: BoardView, extra: readonly string[] = []): string[] {
  const names = new Set<string>();
  const add = (actor: Actor | null) => {
    if (actor && actor.id !== SYSTEM_ACTOR.id && actor.name.trim()) names.add(actor.name.trim());
  };
  for (const card of Object.values(board.cards)) {
    add(card.createdBy);
    add(card.updatedBy);
    add(card.assignee);
    for (const e of card.evidence) add(e.addedBy);
    for (const c of card.comments) {
      add(c.author);
      add(c.resolvedBy);
    }
  }
  for (const name of extra) if (name.trim()) names.add(name.trim());
  return [...names].sort((a, b) => a.localeCompare(b));
}
