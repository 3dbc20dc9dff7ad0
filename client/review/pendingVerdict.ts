/**
 * A verdict picked and not saved yet, while a lead edits the rating scale (VerdictPicker): the
 * picker must never show one label while saving would write another, or write a label the
 * scale no longer has (setVerdict refuses it).
 *
 * - A label renamed in place keeps its stored entry (editRatingScale relabels the cards that
 *   carry it in the same change); the pick follows it to the new name, as those cards do.
 * - A label removed, or moved to another column, cannot be saved on this card: the person is
 *   told why and picks again.
 */
import type { LabelRename } from '../../shared/board/commands/meta';
import { labelsFor, type RatingScale } from '../../shared/board/ratingScale';
import type { ColumnId } from '../../shared/board/schema';
import type { FieldDraft } from '../ui/fieldDraft';

export interface VerdictFields {
  readonly verdict: string;
  readonly rationale: string;
}

/**
 * Labels renamed between two reads of the scale (BoardMeta.ratingLabelIds): entries that kept
 * their id under another name, old name to new. A swap of two names is two renames.
 */
export function labelRenames(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): LabelRename[] {
  const nameOf = new Map([...after].map(([name, id]) => [id, name]));
  const out: LabelRename[] = [];
  for (const [from, id] of before) {
    const to = nameOf.get(id);
    if (to !== undefined && to !== from) out.push({ from, to });
  }
  return out;
}

/**
 * The draft with its verdict following renamed labels: the label picked, and the one it was
 * picked over (the card's, which the same change relabelled), so a rename is neither a
 * colleague's change to the verdict (a conflict) nor a pick of a label that is gone.
 */
export function followRenames(
  draft: FieldDraft<VerdictFields>,
  renames: readonly LabelRename[],
): FieldDraft<VerdictFields> {
  const renamed = new Map(renames.map((r) => [r.from, r.to]));
  const follow = (part: Partial<VerdictFields>): Partial<VerdictFields> => {
    const to = part.verdict === undefined ? undefined : renamed.get(part.verdict);
    return to === undefined ? part : { ...part, verdict: to };
  };
  const base = follow(draft.base);
  const mine = follow(draft.mine);
  return base === draft.base && mine === draft.mine ? draft : { base, mine };
}

/**
 * Why a picked label cannot be saved on a card in `column`: `removed` from the scale, or on it
 * only for `another_column`; null when it can (or nothing is picked: '' is No verdict).
 */
export function stalePick(
  picked: string | undefined,
  scale: RatingScale,
  column: ColumnId,
): 'removed' | 'another_column' | null {
  if (!picked) return null;
  if (labelsFor(scale, column).some((l) => l.label === picked)) return null;
  return scale.labels.some((l) => l.label === picked) ? 'another_column' : 'removed';
}
