/**
 * Adds an evidence item again, as a new item with the values a lost-edit notice kept: a
 * colleague removed it before this person's edits of it reached them (LostEditWatch).
 */
import type { Stance } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import type { DeletedEvidence } from '../sync/lostWork';
import { sourceName } from './sourceName';

export function addEvidenceAgain(
  actions: Pick<BoardActions, 'commands' | 'run' | 'announce'>,
  cardId: string,
  evidence: DeletedEvidence,
): boolean {
  const item = { ...evidence, stance: evidence.stance as Stance };
  const ok = actions.run('add the evidence', () => actions.commands.addEvidence(cardId, item));
  if (ok) actions.announce(`Evidence from ${sourceName(item)} added again.`);
  return ok;
}
