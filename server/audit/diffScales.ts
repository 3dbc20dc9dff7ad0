/**
 * What a rating-scale change did, for its `scale.changed` history event: labels added and
 * removed, labels renamed, labels given another ClaimReview value or column, and a new range.
 * A value or a column is what a published ClaimReview rating of every card with that verdict
 * says, so the history must hold each one.
 *
 * Labels are matched by their entry id (layout version 2): a label renamed in the rating-scale
 * dialog keeps its entry and gets a new name (editRatingScale), so a rename reads as one, and
 * two labels swapping names read as two renames, not as no change at all. A label with no id
 * to match (a version 1 scale, or the default one) is matched by its name, so a migration from
 * version 1 changes nothing. A reorder alone is not a change here: it moves no rating.
 */
import type { ReadScale } from '../../shared/board/readMeta';
import type { RatingLabel } from '../../shared/board/ratingScale';

export interface LabelChange {
  /** The label's name now. */
  readonly label: string;
  readonly value: number;
  readonly column: RatingLabel['column'];
  /** Only what changed: the value, the column or both, as they were. */
  readonly was: { readonly value?: number; readonly column?: RatingLabel['column'] };
}

export interface ScaleChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  readonly changed: readonly LabelChange[];
  /** The new range, when best or worst changed. */
  readonly range: {
    readonly best: number;
    readonly worst: number;
    readonly was: { readonly best: number; readonly worst: number };
  } | null;
}

/** The change from `before` to `after`, or null when no label, value, column or range changed. */
export function diffScales(before: ReadScale, after: ReadScale): ScaleChange | null {
  const labelOfId = new Map([...before.ids].map(([label, id]) => [id, label]));
  const earlier = new Map(before.scale.labels.map((l) => [l.label, l]));
  /** Each label of `after` with the label of `before` it was, found by id first. */
  const was = new Map<RatingLabel, RatingLabel>();
  const matched = new Set<string>();
  const match = (l: RatingLabel, name: string | undefined) => {
    if (name === undefined || matched.has(name)) return;
    const prior = earlier.get(name);
    if (!prior) return;
    was.set(l, prior);
    matched.add(name);
  };
  for (const l of after.scale.labels) {
    const id = after.ids.get(l.label);
    match(l, id === undefined ? undefined : labelOfId.get(id));
  }
  for (const l of after.scale.labels) if (!was.has(l)) match(l, l.label);

  const renamed: { from: string; to: string }[] = [];
  const changed: LabelChange[] = [];
  for (const l of after.scale.labels) {
    const prior = was.get(l);
    if (!prior) continue;
    if (prior.label !== l.label) renamed.push({ from: prior.label, to: l.label });
    if (prior.value === l.value && prior.column === l.column) continue;
    changed.push({
      label: l.label,
      value: l.value,
      column: l.column,
      was: {
        ...(prior.value !== l.value && { value: prior.value }),
        ...(prior.column !== l.column && { column: prior.column }),
      },
    });
  }
  const added = after.scale.labels.filter((l) => !was.has(l)).map((l) => l.label);
  const removed = before.scale.labels.filter((l) => !matched.has(l.label)).map((l) => l.label);
  const [b, a] = [before.scale, after.scale];
  const range =
    a.best !== b.best || a.worst !== b.worst
      ? { best: a.best, worst: a.worst, was: { best: b.best, worst: b.worst } }
      : null;
  const none = !added.length && !removed.length && !renamed.length && !changed.length && !range;
  return none ? null : { added, removed, renamed, changed, range };
}
