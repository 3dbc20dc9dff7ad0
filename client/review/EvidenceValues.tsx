/**
 * An evidence item as a lost-edit notice gives it (LostEdits, and the card's evidence section):
 * whole, since the board no longer has it, and which of its fields this person had changed.
 */
import type { Stance } from '../../shared/board/view';
import type { DeletedEvidence, EVIDENCE_FIELDS } from '../sync/lostWork';
import { wordList } from '../ui/wordList';
import { STANCE_LABELS } from './stanceLabels';
import { quoted } from '../ui/quoted';
import { inertBidi } from '../../shared/export/inertBidi';

/** Stance, URL, “quoted passage” (note). */
export function EvidenceValues({ item }: { item: DeletedEvidence }) {
  return (
    <>
      {STANCE_LABELS[item.stance as Stance] ?? item.stance}, {inertBidi(item.url)}
      {item.quote && <>, {quoted(item.quote)}</>}
      {item.note && <> ({inertBidi(item.note)})</>}
    </>
  );
}

const CHANGED: Readonly<Record<(typeof EVIDENCE_FIELDS)[number], string>> = {
  url: 'source URL',
  quote: 'quoted passage',
  stance: 'stance',
  note: 'note',
};

/** "your change to its note", "your changes to its stance and note". */
export const yourEvidenceChanges = (edited: readonly (typeof EVIDENCE_FIELDS)[number][]) =>
  `your change${edited.length === 1 ? '' : 's'} to its ${wordList(edited.map((f) => CHANGED[f]))}`;
