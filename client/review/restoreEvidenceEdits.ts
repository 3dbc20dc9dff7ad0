/**
 * Puts this person's values back on an evidence item that a colleague removed and then put back
 * (an Undo) before their edits of it reached them (LostEditWatch): the item is on the board
 * again as the colleague had it, and only the notice kept what this person had set. One
 * editEvidence, so one change everyone sees, of the fields they edited only: a colleague's
 * value in another field stays.
 */
import { BoardError, type BoardErrorCode } from '../../shared/board/errors';
import type { EvidencePatch } from '../../shared/board/inputs';
import type { BoardActions } from '../board/boardActions';
import type { RemovedWithEdits } from '../sync/lostWork';
import { addEvidenceAgain } from './addEvidenceAgain';
import { sourceName } from './sourceName';

type Edits = Pick<RemovedWithEdits, 'cardId' | 'evidenceId' | 'edited' | 'evidence'>;
/** What restoring asks of the board page: its commands, and its ways of telling. */
type Actions = Pick<BoardActions, 'commands' | 'run' | 'announce' | 'notify'>;

/** The fields this person edited, with their values as the notice kept them. */
export function evidenceEditsPatch({ edited, evidence }: Edits): EvidencePatch {
  return Object.fromEntries(edited.map((field) => [field, evidence[field]]));
}

/** What went while the person read the notice: the item again, or its whole card. */
const GONE_AGAIN: Partial<Record<BoardErrorCode, (source: string) => string>> = {
  evidence_not_found: (source) =>
    `The evidence from ${source} has been removed again, so your changes are not restored. Add it again from the notice to put it back with them.`,
  card_not_found: () =>
    'The card has been deleted since, so your changes to its evidence are not restored.',
};

/**
 * Restores the edits; true when they are on the board. When the item (or its card) went again
 * before the click, says so, and the notice stays: it then offers "Add it again".
 */
export function restoreEvidenceEdits(actions: Actions, edits: Edits): boolean {
  const source = sourceName(edits.evidence);
  // Set in the command's callback, which the compiler does not follow.
  let goneAgain = null as string | null;
  const ran = actions.run('restore your changes to the evidence', () => {
    try {
      actions.commands.editEvidence(edits.cardId, edits.evidenceId, evidenceEditsPatch(edits));
    } catch (err) {
      const gone = err instanceof BoardError ? GONE_AGAIN[err.code] : undefined;
      if (!gone) throw err;
      goneAgain = gone(source);
    }
  });
  if (goneAgain !== null) {
    actions.notify(goneAgain, false);
    return false;
  }
  if (ran) actions.announce(`Your changes to the evidence from ${source} are restored.`);
  return ran;
}

/**
 * What a notice of edits lost with a removed item offers: "Restore mine" while the item is
 * back on its card (`back`: its remover's Undo), else "Add it again" (a new item with the
 * values). True when done: the notice goes.
 */
export const restoreRemoved = (actions: Actions, n: RemovedWithEdits, back: boolean) =>
  back ? restoreEvidenceEdits(actions, n) : addEvidenceAgain(actions, n.cardId, n.evidence);
