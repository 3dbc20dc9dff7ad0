/**
 * The rating scale as the lead edits it: rows of text fields, turned back into a scale and
 * checked with the model's own rules (shared/board/inputs: ratingScaleSchema) before saving,
 * with messages that name the row at fault.
 */
import { ratingScaleSchema } from '../../shared/board/inputs';
import { type RatingScale, verdictFitsColumn } from '../../shared/board/ratingScale';
import type { ColumnId } from '../../shared/board/schema';
import type { BoardView } from '../../shared/board/view';

export interface LabelRow {
  /** Stable React key for the row while it is edited. */
  readonly key: string;
  readonly label: string;
  readonly column: ColumnId;
  readonly value: string;
}

export interface ScaleDraft {
  readonly best: string;
  readonly worst: string;
  readonly rows: readonly LabelRow[];
}

export type ScaleResult =
  | { readonly ok: true; readonly scale: RatingScale }
  | { readonly ok: false; readonly error: string };

export function toDraft(scale: RatingScale): ScaleDraft {
  return {
    best: String(scale.best),
    worst: String(scale.worst),
    rows: scale.labels.map((l, i) => ({
      key: `row-${i}`,
      label: l.label,
      column: l.column,
      value: String(l.value),
    })),
  };
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
  if (!Number.isFinite(scale.best) || !Number.isFinite(scale.worst)) {
    return { ok: false, error: 'Best and worst must be numbers.' };
  }
  if (scale.best <= scale.worst) {
    return { ok: false, error: 'The best value must be above the worst.' };
  }
  const seen = new Set<string>();
  for (const [i, l] of scale.labels.entries()) {
    if (!l.label) return { ok: false, error: `Label ${i + 1} needs a name.` };
    if (seen.has(l.label)) return { ok: false, error: `${l.label}: the label is there twice.` };
    seen.add(l.label);
    if (!Number.isFinite(l.value) || l.value < scale.worst || l.value > scale.best) {
      return { ok: false, error: `${l.label}: the value must be a number from worst to best.` };
    }
  }
  // The model's rules are the judge; the checks above only say which row is at fault.
  const parsed = ratingScaleSchema.safeParse(scale);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? 'The scale is not valid.' };
  }
  return { ok: true, scale: parsed.data };
}

/**
 * Verdicts that cards carry under the board's scale and the new scale no longer offers for
 * their column, with how many cards each: the lead is told before saving.
 */
export function orphanedVerdicts(board: BoardView, next: RatingScale): Map<string, number> {
  const out = new Map<string, number>();
  const current = board.meta.ratingScale;
  for (const card of Object.values(board.cards)) {
    const { verdict, column } = card;
    if (verdict === null) continue;
    if (verdictFitsColumn(current, verdict, column) && !verdictFitsColumn(next, verdict, column)) {
      out.set(verdict, (out.get(verdict) ?? 0) + 1);
    }
  }
  return out;
}
