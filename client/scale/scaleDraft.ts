/**
 * The rating scale as the lead edits it: rows of text fields, turned back into a scale and
 * checked with the model's own rules (shared/board/inputs: ratingScaleSchema) before saving,
 * with messages that name the row at fault. Each row remembers the label it had on the board's
 * scale, so a label edited in place is a rename that relabels its cards (B11), while removing a
 * row and adding another is not.
 */
import type { LabelRename } from '../../shared/board/commands/meta';
import { ratingScaleSchema } from '../../shared/board/inputs';
import {
  isRatingNumber,
  labelsBelowDisputed,
  RATING_NUMBER_RULE,
  type RatingScale,
  verdictFitsColumn,
} from '../../shared/board/ratingScale';
import type { ColumnId } from '../../shared/board/schema';
import type { BoardView } from '../../shared/board/view';

export interface LabelRow {
  /** Stable React key for the row while it is edited. */
  readonly key: string;
  /** The label this row has on the board's scale; null for a row added in the dialog. */
  readonly original: string | null;
  readonly label: string;
  readonly column: ColumnId;
  readonly value: string;
}

export interface ScaleDraft {
  readonly best: string;
  readonly worst: string;
  readonly rows: readonly LabelRow[];
}

/**
 * One thing wrong with the draft, and the field it is about: `best`, `worst`, `<row key>:label`
 * or `<row key>:value`; `scale` for what no single field holds.
 */
export interface ScaleProblem {
  readonly field: string;
  readonly message: string;
}

export type ScaleResult =
  | { readonly ok: true; readonly scale: RatingScale }
  | { readonly ok: false; readonly problems: readonly ScaleProblem[] };

/**
 * The rows of `scale`, tied to their labels on the board (`tracked`, the board's own scale) or
 * new (another scale put in its place, e.g. the default: its labels rename nothing).
 */
export function toDraft(scale: RatingScale, tracked = true): ScaleDraft {
  return {
    best: String(scale.best),
    worst: String(scale.worst),
    rows: scale.labels.map((l, i) => ({
      key: `row-${i}`,
      original: tracked ? l.label : null,
      label: l.label,
      column: l.column,
      value: String(l.value),
    })),
  };
}

/**
 * Whether saving `draft` would write anything that `from` would not: its bounds or a row's
 * label, column or value differ. Rows' keys do not count, nor where a row came from: the same
 * labels put back (the default scale over the default) rename nothing.
 */
export function draftChanged(draft: ScaleDraft, from: ScaleDraft): boolean {
  const plain = (d: ScaleDraft) =>
    JSON.stringify([d.best, d.worst, d.rows.map((r) => [r.label, r.column, r.value])]);
  return plain(draft) !== plain(from);
}

/**
 * The draft with row `index` one place up (-1) or down (1): the order every picker lists the
 * labels in. Null at the end it would go past.
 */
export function moveRow(draft: ScaleDraft, index: number, step: -1 | 1): ScaleDraft | null {
  const to = index + step;
  const row = draft.rows[index];
  const other = draft.rows[to];
  if (!row || !other) return null;
  const rows = [...draft.rows];
  rows[to] = row;
  rows[index] = other;
  return { ...draft, rows };
}

const num = (text: string) => (text.trim() === '' ? NaN : Number(text));

export function fromDraft(draft: ScaleDraft): ScaleResult {
  const scale = {
    best: num(draft.best),
    worst: num(draft.worst),
    labels: draft.rows.map((r) => ({
      label: r.label.trim(),
      column: r.column,
      value: num(r.value),
    })),
  };
  // Every problem at once, each on its field, so the lead mends them in one pass.
  const problems: ScaleProblem[] = [];
  const bounds = Number.isFinite(scale.best) && Number.isFinite(scale.worst);
  // Each number a ClaimReview rating (isRatingNumber), said on its field.
  const ratingRule = `must be ${RATING_NUMBER_RULE}, as ClaimReview ratings are`;
  if (!Number.isFinite(scale.worst)) {
    problems.push({ field: 'worst', message: 'The worst value must be a number.' });
  } else if (!isRatingNumber(scale.worst)) {
    problems.push({ field: 'worst', message: `The worst value ${ratingRule}.` });
  }
  if (!Number.isFinite(scale.best)) {
    problems.push({ field: 'best', message: 'The best value must be a number.' });
  } else if (!isRatingNumber(scale.best)) {
    problems.push({ field: 'best', message: `The best value ${ratingRule}.` });
  }
  if (bounds && scale.best <= scale.worst) {
    problems.push({ field: 'best', message: 'The best value must be above the worst.' });
  }
  const seen = new Set<string>();
  for (const [i, l] of scale.labels.entries()) {
    const key = draft.rows[i]!.key;
    const name = l.label || `Label ${i + 1}`;
    if (!l.label) problems.push({ field: `${key}:label`, message: `Label ${i + 1} needs a name.` });
    else if (seen.has(l.label)) {
      problems.push({ field: `${key}:label`, message: `${l.label}: the label is there twice.` });
    }
    seen.add(l.label);
    const inRange = bounds && l.value >= scale.worst && l.value <= scale.best;
    if (!Number.isFinite(l.value) || (bounds && !inRange)) {
      problems.push({
        field: `${key}:value`,
        message: `${name}: the value must be a number from worst to best.`,
      });
    } else if (!isRatingNumber(l.value)) {
      problems.push({ field: `${key}:value`, message: `${name}: the value ${ratingRule}.` });
    }
  }
  // ClaimReview reads a higher value as truer (labelsBelowDisputed).
  if (bounds) {
    for (const { index, label, above } of labelsBelowDisputed(scale)) {
      problems.push({
        field: `${draft.rows[index]!.key}:value`,
        message: `${label.label || `Label ${index + 1}`}: a Corroborated label needs a value at least that of every Disputed label (${above.label}: ${above.value}); ClaimReview reads a higher value as truer.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  // The model's rules are the judge; the checks above only say which field is at fault.
  const parsed = ratingScaleSchema.safeParse(scale);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'The scale is not valid.';
    return { ok: false, problems: [{ field: 'scale', message }] };
  }
  return { ok: true, scale: parsed.data };
}

/** Labels edited in place: rows of the board's scale whose text changed. */
export function renamesOf(draft: ScaleDraft): LabelRename[] {
  const out: LabelRename[] = [];
  for (const r of draft.rows) {
    const to = r.label.trim();
    if (r.original !== null && to !== '' && to !== r.original) out.push({ from: r.original, to });
  }
  return out;
}

/** How many cards each rename relabels, for renames that relabel any. */
export function relabelCounts(
  board: BoardView,
  renames: readonly LabelRename[],
): { readonly rename: LabelRename; readonly cards: number }[] {
  const cards = Object.values(board.cards);
  return renames
    .map((rename) => ({ rename, cards: cards.filter((c) => c.verdict === rename.from).length }))
    .filter((r) => r.cards > 0);
}

/**
 * Verdicts that cards will carry after saving (renames applied) and the new scale does not
 * offer in their column, with how many cards each: removed labels, labels moved to another
 * column, and labels already off the scale (a concurrent edit, B11). The lead is told before
 * saving; a scale edit never clears a verdict.
 */
export function orphanedVerdicts(
  board: BoardView,
  next: RatingScale,
  renames: readonly LabelRename[] = [],
): Map<string, number> {
  const renamed = new Map(renames.map((r) => [r.from, r.to]));
  const out = new Map<string, number>();
  for (const card of Object.values(board.cards)) {
    if (card.verdict === null) continue;
    const verdict = renamed.get(card.verdict) ?? card.verdict;
    if (!verdictFitsColumn(next, verdict, card.column)) {
      out.set(verdict, (out.get(verdict) ?? 0) + 1);
    }
  }
  return out;
}
